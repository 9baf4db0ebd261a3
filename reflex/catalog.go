package reflex

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// The catalogue gives, for every Code, a short message (what we saw, in plain words)
// and a reflex (the one safe action to take) in French and in English, and optionally
// how its evidence reads. It is the single source of truth for user-facing text:
// checks produce Codes and language-neutral Params, never sentences.
//
// Texts may hold {placeholders}, filled from Finding.Params (with the formats of
// fill.go: dates, amounts, vocabularies); {suggest} and {evidence} are filled from the
// finding's fields. A part in [square brackets] is optional: it is shown only when every
// placeholder inside it has a value. A placeholder outside brackets is required (see
// Validate). French texts are written with plain spaces: typeset adds the no-break
// spaces of French typography.

// text is one language's message and reflex.
type text struct {
	message string
	reflex  string
}

// entry is the catalogue entry of one code.
type entry struct {
	fr text
	en text
	// evidence, when set, is how the evidence reads, rendered from Params; when it is
	// empty the finding's Evidence (hosts, masked numbers: language-neutral) is shown.
	evidence phrase
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
		for code, e := range t {
			e.fr = text{typeset(e.fr.message), typeset(e.fr.reflex)}
			e.evidence.fr = typeset(e.evidence.fr)
			all[code] = e
		}
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
	return f.filler(lang).fill(e.in(lang).message)
}

// Reflex returns the one safe action for this finding in lang, with its placeholders filled.
func (f Finding) Reflex(lang Lang) string {
	e, ok := catalogue[f.Code]
	if !ok {
		return ""
	}
	return f.filler(lang).fill(e.in(lang).reflex)
}

// EvidenceText returns the evidence as a person reads it in lang: rendered from Params
// by the catalogue when the code has an evidence text and the finding the values it
// needs ("ants-gouv.fr imite ants.gouv.fr : un trait d'union ajouté"), else (or when
// that renders empty) the finding's Evidence, through [Printable].
func (f Finding) EvidenceText(lang Lang) string {
	if tmpl, ok := f.evidenceTemplate(lang); ok {
		if s := f.filler(lang).fill(tmpl); s != "" {
			return s
		}
	}
	return Printable(f.Evidence)
}

// evidenceTemplate is the evidence text of f's code in lang, when the code has one and
// f has the values it needs.
func (f *Finding) evidenceTemplate(lang Lang) (string, bool) {
	e, ok := catalogue[f.Code]
	if !ok || e.evidence.in(lang) == "" || !f.hasAll(e.evidence.in(lang)) {
		return "", false
	}
	return e.evidence.in(lang), true
}

// hasAll reports whether f has a value for every required placeholder of t (those
// outside [brackets]): a finding made without the params of an evidence text shows its
// Evidence as it is.
func (f Finding) hasAll(t string) bool {
	for name := range eachPlaceholder(t, false) {
		if f.lookup(name) == "" {
			return false
		}
	}
	return true
}

func (f *Finding) filler(lang Lang) filler {
	return filler{lang: lang, finding: f}
}

// lookup gives the value of a placeholder from the finding's fields and Params, whatever
// the language (filler.lookup picks "name.fr" or "name.en" first).
func (f Finding) lookup(name string) string {
	switch name {
	case "suggest":
		return f.Suggest
	case "evidence":
		return f.Evidence
	}
	return f.Params[name]
}

// Validate checks that every finding of r has a catalogue entry, a value for every
// required placeholder of its texts, and a word of the catalogue for every value of a
// vocabulary placeholder. Checks call it in their tests; renderers do not need it.
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
		for _, t := range []string{e.fr.message, e.fr.reflex, e.en.message, e.en.reflex, e.evidence.fr, e.evidence.en} {
			for _, name := range placeholders(t, false) {
				if f.lookup(name) == "" {
					errs = append(errs, fmt.Sprintf("%s: no value for {%s}", f.Code, name))
				}
			}
			errs = append(errs, checkValues(string(f.Code), t, f.lookup)...)
		}
	}
	if len(errs) > 0 {
		slices.Sort(errs)
		errs = slices.Compact(errs)
		return fmt.Errorf("reflex: invalid report for %q: %s", r.Kind, strings.Join(errs, "; "))
	}
	return nil
}

// checkValues reports the values of t's formatted placeholders that the format cannot
// render: a date that is not one, a vocabulary word that the catalogue lacks.
func checkValues(what, t string, lookup func(string) string) []string {
	var errs []string
	for name, format := range formats(t) {
		v := lookup(name)
		if v == "" || format == "" {
			continue
		}
		if !renders(v, format) {
			errs = append(errs, fmt.Sprintf("%s: {%s:%s} cannot render %q", what, name, format, v))
		}
	}
	return errs
}

// renders reports whether format gives v a rendering of its own (not the raw value).
func renders(v, format string) bool {
	switch format {
	case "date":
		return formatDate(v, French) != Printable(v)
	case "amount":
		return formatAmount(v, French) != Printable(v)
	case "number":
		return digits(strings.TrimPrefix(v, "-"))
	case "decimal":
		return formatDecimal(v, French) != Printable(v) || digits(v)
	case "country":
		return upperLetters(v, 2)
	}
	if strings.HasPrefix(format, "count:") {
		return digits(v)
	}
	for item := range strings.SplitSeq(v, ",") {
		if _, ok := texts[TextID(format+"."+strings.TrimSpace(item))]; !ok {
			return false
		}
	}
	return true
}
