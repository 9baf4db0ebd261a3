package reflex

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// The catalogue gives, for every Code, a short message (what we saw, in plain words)
// and a reflex (the one safe action to take) in French and in English. It is the single
// source of truth for user-facing text: checks produce Codes and Params, never sentences.
//
// Texts may hold {placeholders}, filled from Finding.Params; {suggest} and {evidence}
// are filled from the finding's fields. A part in [square brackets] is optional: it is
// shown only when every placeholder inside it has a value. A placeholder outside
// brackets is required (see Validate).

// text is one language's message and reflex.
type text struct {
	message string
	reflex  string
}

// entry is the catalogue entry of one code.
type entry struct {
	fr text
	en text
}

func (e entry) in(lang Lang) text {
	if lang == English {
		return e.en
	}
	return e.fr
}

// domainTables lists the per-domain tables (catalog_url.go, catalog_iban.go, ...) by the
// prefix of their codes. Each code is in exactly one table; the tests check it.
var domainTables = map[string]map[Code]entry{
	"url":     urlEntries,
	"iban":    ibanEntries,
	"store":   storeEntries,
	"message": messageEntries,
	"payment": paymentEntries,
}

var catalogue = mergeEntries(domainTables)

func mergeEntries(tables map[string]map[Code]entry) map[Code]entry {
	all := make(map[Code]entry)
	for _, t := range tables {
		maps.Copy(all, t)
	}
	return all
}

// Codes returns every code of the catalogue, sorted.
func Codes() []Code {
	return slices.Sorted(maps.Keys(catalogue))
}

// Known reports whether the catalogue has an entry for code.
func Known(code Code) bool {
	_, ok := catalogue[code]
	return ok
}

// Message returns the finding's short message in lang, with its placeholders filled.
// An unknown code gives the code itself, so that nothing is silently dropped.
func (f Finding) Message(lang Lang) string {
	e, ok := catalogue[f.Code]
	if !ok {
		return string(f.Code)
	}
	return fill(e.in(lang).message, f.lookup)
}

// Reflex returns the one safe action for this finding in lang, with its placeholders filled.
func (f Finding) Reflex(lang Lang) string {
	e, ok := catalogue[f.Code]
	if !ok {
		return ""
	}
	return fill(e.in(lang).reflex, f.lookup)
}

// lookup gives the value of a placeholder.
func (f Finding) lookup(name string) string {
	switch name {
	case "suggest":
		return f.Suggest
	case "evidence":
		return f.Evidence
	}
	return f.Params[name]
}

// Validate checks that every finding of r has a catalogue entry and a value for every
// required placeholder of its texts. Checks call it in their tests; renderers do not need it.
func (r Report) Validate() error {
	var errs []string
	for _, f := range r.Findings {
		e, ok := catalogue[f.Code]
		if !ok {
			errs = append(errs, fmt.Sprintf("unknown code %q", f.Code))
			continue
		}
		if f.Severity < OK || f.Severity > Danger {
			errs = append(errs, fmt.Sprintf("%s: invalid severity %d", f.Code, int(f.Severity)))
		}
		for _, t := range []string{e.fr.message, e.fr.reflex, e.en.message, e.en.reflex} {
			for _, name := range placeholders(t, false) {
				if f.lookup(name) == "" {
					errs = append(errs, fmt.Sprintf("%s: no value for {%s}", f.Code, name))
				}
			}
		}
	}
	if len(errs) > 0 {
		slices.Sort(errs)
		errs = slices.Compact(errs)
		return fmt.Errorf("reflex: invalid report for %q: %s", r.Kind, strings.Join(errs, "; "))
	}
	return nil
}

// fill replaces {name} with lookup(name) and keeps an optional [part] only when all its
// placeholders have a value.
func fill(tmpl string, lookup func(string) string) string {
	var b strings.Builder
	for tmpl != "" {
		i := strings.IndexByte(tmpl, '[')
		if i < 0 {
			fillPlain(&b, tmpl, lookup)
			break
		}
		fillPlain(&b, tmpl[:i], lookup)
		j := strings.IndexByte(tmpl[i:], ']')
		if j < 0 { // unbalanced: catalogue tests forbid it; print as is
			fillPlain(&b, tmpl[i:], lookup)
			break
		}
		part := tmpl[i+1 : i+j]
		complete := true
		for _, name := range placeholders(part, true) {
			if lookup(name) == "" {
				complete = false
				break
			}
		}
		if complete {
			fillPlain(&b, part, lookup)
		}
		tmpl = tmpl[i+j+1:]
	}
	return b.String()
}

func fillPlain(b *strings.Builder, s string, lookup func(string) string) {
	for s != "" {
		i := strings.IndexByte(s, '{')
		j := strings.IndexByte(s[max(i, 0):], '}')
		if i < 0 || j < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		b.WriteString(lookup(s[i+1 : i+j]))
		s = s[i+j+1:]
	}
}

// placeholders lists the {names} in t; with optional false it skips those inside [brackets].
func placeholders(t string, optional bool) []string {
	var names []string
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '{':
			j := strings.IndexByte(t[i:], '}')
			if j < 0 {
				return names
			}
			if optional || depth == 0 {
				names = append(names, t[i+1:i+j])
			}
			i += j
		}
	}
	return names
}
