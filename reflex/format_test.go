package reflex

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFormats(t *testing.T) {
	for _, tc := range []struct {
		value, format string
		fr, en        string
	}{
		{"2026-12-06", "date", "6 décembre 2026", "6 December 2026"},
		{"2026-03-01", "date", "1er mars 2026", "1 March 2026"},
		{"2026-08-15T10:04:05Z", "date", "15 août 2026", "15 August 2026"},
		{"yesterday", "date", "yesterday", "yesterday"},
		{"4250.00 EUR", "amount", "4\u202f250,00\u00a0€", "€4,250.00"},
		{"4250.5", "amount", "4\u202f250,50\u00a0€", "€4,250.50"},
		{"1.99", "amount", "1,99\u00a0€", "€1.99"},
		{"1234567 USD", "amount", "1\u202f234\u202f567,00\u00a0USD", "USD\u00a01,234,567.00"},
		{"-12.30 EUR", "amount", "-12,30\u00a0€", "-€12.30"},
		{"12.345", "amount", "12.345", "12.345"},
		{"12 EURO", "amount", "12 EURO", "12 EURO"},
		{"4250", "number", "4\u202f250", "4,250"},
		{"999", "number", "999", "999"},
		{"1000000", "number", "1\u202f000\u202f000", "1,000,000"},
		{"-1000", "number", "-1\u202f000", "-1,000"},
		{"x1", "number", "x1", "x1"},
		{"1000.50", "decimal", "1\u202f000,50", "1,000.50"},
		{"12345", "decimal", "12\u202f345", "12,345"},
		{"1.2.3", "decimal", "1.2.3", "1.2.3"},
		{"3", "month", "mars", "March"}, // a vocabulary
		{"1,12", "month", "janvier et décembre", "January and December"},
		{"1, 2 ,3", "month", "janvier, février et mars", "January, February and March"},
		{"13", "month", "13", "13"}, // unknown word: shown as is (Validate reports it)
	} {
		f := filler{custom: func(string) string { return tc.value }}
		assert.Equal(t, tc.fr, f.render("x", tc.format), "%s %q fr", tc.format, tc.value)
		f.lang = English
		assert.Equal(t, tc.en, f.render("x", tc.format), "%s %q en", tc.format, tc.value)
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n      string
		fr, en pluralForm
	}{
		{"0", one, other}, {"1", one, one}, {"2", other, other}, {"21", other, other}, {"x", other, other},
	} {
		assert.Equal(t, tc.fr, plural(tc.n, French), tc.n)
		assert.Equal(t, tc.en, plural(tc.n, English), tc.n)
	}
}

func TestTypeset(t *testing.T) {
	assert.Equal(t, "Prix\u00a0: 3\u202f; oui\u202f! non\u202f? «\u00a0gouv\u00a0»", typeset("Prix : 3 ; oui ! non ? « gouv »"))
	assert.Equal(t, "https://ants.gouv.fr/", typeset("https://ants.gouv.fr/"), "no space before the colon: untouched")
	assert.Equal(t, "Vérifié", typeset("Vérifié"))
}

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"https://ants.gouv.fr/":    "https://ants.gouv.fr/",
		"impôts.gouv.fr":           "impôts.gouv.fr",
		"C:\\Users\\léa\\x.pdf":    "C:\\Users\\léa\\x.pdf",
		"DANGER\x1b[2K\rOK":        `DANGER\x1b[2K\x0dOK`,
		"title\x1b]0;pwned\x07":    `title\x1b]0;pwned\x07`,
		"c1\u009b31m":              `c1\x9b31m`,
		"del\x7f":                  `del\x7f`,
		"facture\u202efdp.exe":     `facture\u202efdp.exe`,
		"bad\xffutf8\xc3":          `bad\xffutf8\xc3`,
		"tab\tnewline\n":           `tab\x09newline\x0a`,
		"isolate\u2066x\u2069":     `isolate\u2066x\u2069`,
		"line\u2028sep":            `line\u2028sep`,
		"":                         "",
		"emoji 🚗 and nbsp\u00a0ok": "emoji 🚗 and nbsp\u00a0ok",
	} {
		assert.Equal(t, want, Printable(in), "%q", in)
	}
	// Nothing is allocated for clean text.
	clean := "https://immatriculation.ants.gouv.fr/démarches"
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = Printable(clean) }))
}
