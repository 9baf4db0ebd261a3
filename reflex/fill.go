package reflex

import (
	"iter"
	"slices"
	"strings"
)

// Templates of the catalogue hold {placeholders}, filled from a finding's Params (or a
// Text's), and optional [parts]. A placeholder may name a format after a colon:
//
//	{date:date}         "2026-12-06"          → 6 décembre 2026 / 6 December 2026
//	{amount:amount}     "4250.00 EUR"         → 4 250,00 € / €4,250.00
//	{n:number}          "4250"                → 4 250 / 4,250
//	{x:decimal}         "1000.5"              → 1 000,5 / 1,000.5
//	{n:count:ID}        "3"                   → the text ID.one or ID.other, with {n}
//	{c:country}         "LT"                  → Lituanie / Lithuania (CLDR; a code it lacks stays as is)
//	{kinds:pii}         "nir,iban"            → each value's text pii.nir, pii.iban, as a list
//
// A format that is none of these names a vocabulary: each comma-separated value is
// rendered by the text VOCAB.value, so a check stores language-neutral facts and the
// catalogue says them in the reader's language. A vocabulary text may hold placeholders
// of its own, filled from the same values ({cost:cost.there} renders "cost.there.tax",
// which holds {tax}). Values that come from the input (hosts,
// names) are shown through [Printable], never raw.

// filler renders templates in one language from one source of values: a finding's
// fields and Params, or a Text's Params, or (tests) a function. It is a plain value,
// so rendering allocates nothing but the text it returns.
type filler struct {
	lang    Lang
	finding *Finding
	params  map[string]string
	custom  func(name string) string
	n       string // the value of {n} inside a count's text (see count)
	hasN    bool
}

// lookup gives the value of a placeholder. A check that takes a text from its data (a
// procedure's name, what it costs) may give it in each language as "name.fr" and
// "name.en" beside "name": the reader's language is used when present.
func (f filler) lookup(name string) string {
	if f.hasN && name == "n" {
		return f.n
	}
	if f.custom != nil {
		return f.custom(name)
	}
	params := f.params
	if f.finding != nil {
		params = f.finding.Params
	}
	if len(params) > 0 {
		if v := params[name+"."+f.lang.String()]; v != "" {
			return v
		}
	}
	if f.finding != nil {
		return f.finding.lookup(name)
	}
	return params[name]
}

// fill replaces {name} with its rendered value and keeps an optional [part] only when
// all its placeholders have a value.
func (f filler) fill(tmpl string) string {
	var buf [256]byte
	return string(f.appendFill(buf[:0], tmpl))
}

// appendFill is fill appending to dst.
func (f filler) appendFill(dst []byte, tmpl string) []byte {
	for tmpl != "" {
		i := strings.IndexByte(tmpl, '[')
		if i < 0 {
			return f.appendPlain(dst, tmpl)
		}
		dst = f.appendPlain(dst, tmpl[:i])
		j := strings.IndexByte(tmpl[i:], ']')
		if j < 0 { // unbalanced: catalogue tests forbid it; print as is
			return f.appendPlain(dst, tmpl[i:])
		}
		if part := tmpl[i+1 : i+j]; f.complete(part) {
			dst = f.appendPlain(dst, part)
		}
		tmpl = tmpl[i+j+1:]
	}
	return dst
}

// complete reports whether every placeholder of t has a value.
func (f filler) complete(t string) bool {
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			return true
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			return true
		}
		name, _, _ := strings.Cut(t[i+1:i+j], ":")
		if f.lookup(name) == "" {
			return false
		}
		t = t[i+j+1:]
	}
}

func (f filler) appendPlain(dst []byte, s string) []byte {
	for s != "" {
		i := strings.IndexByte(s, '{')
		j := strings.IndexByte(s[max(i, 0):], '}')
		if i < 0 || j < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		name, format, _ := strings.Cut(s[i+1:i+j], ":")
		dst = append(dst, f.render(name, format)...)
		s = s[i+j+1:]
	}
	return dst
}

// render gives the value of one placeholder in its format.
func (f filler) render(name, format string) string {
	v := f.lookup(name)
	if v == "" {
		return ""
	}
	switch format {
	case "":
		return Printable(v)
	case "date":
		return formatDate(v, f.lang)
	case "amount":
		return formatAmount(v, f.lang)
	case "number":
		return formatNumber(v, f.lang)
	case "decimal":
		return formatDecimal(v, f.lang)
	case "country":
		return formatCountry(v, f.lang)
	}
	if id, ok := strings.CutPrefix(format, "count:"); ok {
		return f.count(v, TextID(id))
	}
	return f.vocabulary(v, format)
}

// count renders the text id.one or id.other for the number v, with {n} as the number.
func (f filler) count(v string, id TextID) string {
	form := ".other"
	if plural(v, f.lang) == one {
		form = ".one"
	}
	p, ok := texts[id+TextID(form)]
	if !ok {
		return formatNumber(v, f.lang)
	}
	inner := f
	inner.n, inner.hasN = v, true
	return inner.fill(p.in(f.lang))
}

// vocabulary renders each comma-separated value by its text VOCAB.value, as a list.
func (f filler) vocabulary(v, vocab string) string {
	items := strings.Split(v, ",")
	words := make([]string, 0, len(items))
	for _, item := range items {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if p, ok := texts[TextID(vocab+"."+item)]; ok {
			words = append(words, f.fill(p.in(f.lang))) // a word may hold placeholders of its own
		} else {
			words = append(words, Printable(item)) // Validate reports it
		}
	}
	return joinList(words, f.lang)
}

// placeholders lists the {names} in t (without their format); with optional false it
// skips those inside [brackets].
func placeholders(t string, optional bool) []string {
	return slices.Collect(eachPlaceholder(t, optional))
}

// eachPlaceholder yields the {names} of t, as placeholders lists them, without
// allocating.
func eachPlaceholder(t string, optional bool) iter.Seq[string] {
	return func(yield func(string) bool) {
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
					return
				}
				if optional || depth == 0 {
					name, _, _ := strings.Cut(t[i+1:i+j], ":")
					if !yield(name) {
						return
					}
				}
				i += j
			}
		}
	}
}

// formats lists the {name:format} pairs of t, for the catalogue's checks.
func formats(t string) map[string]string {
	out := map[string]string{}
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			return out
		}
		name, format, _ := strings.Cut(t[i+1:i+j], ":")
		out[name] = format
		t = t[i+j+1:]
	}
}
