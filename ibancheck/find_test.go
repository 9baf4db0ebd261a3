package ibancheck

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// found is what a test expects of one Found: the text as written, and the error's
// sentinel (nil for a valid IBAN).
type found struct {
	text string
	err  error
}

func findAll(text string) []found {
	var out []found
	for f := range Find(text) {
		out = append(out, found{text[f.Start:f.End], sentinel(f.Err)})
	}
	return out
}

// sentinel returns the sentinel an error wraps, for comparisons.
func sentinel(err error) error {
	for _, s := range sentinels {
		if s != nil && errors.Is(err, s) {
			return s
		}
	}
	return err
}

func TestFind(t *testing.T) {
	const fr = "FR76 3000 6000 0112 3456 7890 189"
	for _, tc := range []struct {
		name string
		text string
		want []found
	}{
		{"printed", "Nouveau RIB : " + fr + " Merci", []found{{fr, nil}}},
		{"electronic", "IBAN:FR7630006000011234567890189.", []found{{"FR7630006000011234567890189", nil}}},
		{"lower case", "iban fr76 3000 6000 0112 3456 7890 189 svp", []found{{"fr76 3000 6000 0112 3456 7890 189", nil}}},
		{"country apart", "FR 76 3000 6000 0112 3456 7890 189", []found{{"FR 76 3000 6000 0112 3456 7890 189", nil}}},
		{"hyphens", "FR76-3000-6000-0112-3456-7890-189", []found{{"FR76-3000-6000-0112-3456-7890-189", nil}}},
		{"no-break spaces", "FR76\u00a03000\u00a06000\u202f0112\u20093456\t7890 189", []found{{"FR76\u00a03000\u00a06000\u202f0112\u20093456\t7890 189", nil}}},
		{"Latin-1 no-break space", "IBAN FR76\xa03000\xa06000\xa00112\xa03456\xa07890\xa0189", []found{{"FR76\xa03000\xa06000\xa00112\xa03456\xa07890\xa0189", nil}}},
		{"first group glued", "FR763000 6000 0112 3456 7890 189", []found{{"FR763000 6000 0112 3456 7890 189", nil}}},
		{"two", "GB29 NWBK 6016 1331 9268 19 ou DE89 3704 0044 0532 0130 00", []found{{"GB29 NWBK 6016 1331 9268 19", nil}, {"DE89 3704 0044 0532 0130 00", nil}}},
		{"twice", "FR7630006000011234567890189 et " + fr, []found{{"FR7630006000011234567890189", nil}, {fr, nil}}},
		{"after a letter of another script", "é" + fr, nil},
		{"after punctuation", "(" + fr + ")", []found{{fr, nil}}},
		{"letters of the account", "FR14 2004 1010 0505 0001 3M02 606", []found{{"FR14 2004 1010 0505 0001 3M02 606", nil}}},

		// Where the IBAN ends.
		{"the country's length ends it", "BE68 5390 0754 7034 2024", []found{{"BE68 5390 0754 7034", nil}}},
		{"a full last group then a word", "BE68 5390 0754 7034 MERCI", []found{{"BE68 5390 0754 7034", nil}}},
		{"a glued word ends the group before", "FR76 3000 6000 0112 3456 7890 1890 Merci", []found{{"FR76 3000 6000 0112 3456 7890 1890", ErrLength}}},
		{"a short last group", "FR76 3000 6000 0112 3456 7890 18 et 12 euros", []found{{"FR76 3000 6000 0112 3456 7890 18", ErrLength}}},
		{"glued to a lower-case word", "FR7630006000011234567890189merci", nil},
		{"glued to digits", "FR76300060000112345678901890", []found{{"FR76300060000112345678901890", ErrLength}}},
		{"longer than any IBAN", "FR76 3000 6000 0112 3456 7890 1890 1234 5678", nil},

		// Invalid IBANs are reported: the checker says why.
		{"forged RIB", "Virez sur FR84 2004 1010 0505 0001 3M02 607", []found{{"FR84 2004 1010 0505 0001 3M02 607", ErrNationalKey}}},
		{"check digits", "FR77 3000 6000 0112 3456 7890 189", []found{{"FR77 3000 6000 0112 3456 7890 189", ErrChecksum}}},
		{"letter where a digit goes", "FR76 3000 6000 0112 3456 7890 18A", []found{{"FR76 3000 6000 0112 3456 7890 18A", ErrFormat}}},
		{"territory", "GP76 3000 6000 0112 3456 7890 189 merci", []found{{"GP76 3000 6000 0112 3456 7890 189", ErrCountry}}},

		// Unknown countries and short candidates need a label.
		{"unknown country", "Dossier XX12 3456 7890 1234 5678", nil},
		{"unknown country labelled", "IBAN XX12 3456 7890 1234 5678", []found{{"XX12 3456 7890 1234 5678", ErrCountry}}},
		{"short", "vol AF12 3456, dossier AB12 du 12/05", nil},
		{"short labelled", "RIB: FR76 3000 6000", []found{{"FR76 3000 6000", ErrLength}}},
		{"label too far", "IBAN de votre conseiller : FR76 3000 6000", nil},

		// Not IBANs.
		{"masked", "IBAN FR76 **** **** 0189", nil},
		{"masked with dots", "IBAN FR76 •••• 0189", nil},
		{"inside a word", "MOTFR7630006000011234567890189", nil},
		{"mixed case", "Fr76 3000 6000 0112 3456 7890 189", nil},
		{"two separators", "FR76  3000  6000  0112  3456  7890  189", nil},
		{"group of five", "FR76 30006 00001 12345678901 89", nil},
		{"reference", "Référence PV12345", nil},
		{"empty", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, findAll(tc.text))
			checkFound(t, embedded, []byte(tc.text))
		})
	}
}

func TestFoundCompactAndMasked(t *testing.T) {
	text := "Nouveau RIB : fr76\u00a03000-6000 0112 3456 7890 189, ou IBAN fr84 2004 1010 0505 0001 3m02 607."
	var got []Found
	for f := range Find(text) {
		got = append(got, f)
	}
	require.Len(t, got, 2)
	assert.NoError(t, got[0].Err)
	assert.Equal(t, "FR7630006000011234567890189", got[0].Compact())
	assert.Equal(t, MustParse("FR7630006000011234567890189"), got[0].IBAN)
	assert.Equal(t, "FR76 **** **** 0189", got[0].Masked())
	assert.ErrorIs(t, got[1].Err, ErrNationalKey)
	assert.True(t, got[1].IBAN.IsZero())
	assert.Equal(t, "FR8420041010050500013M02607", got[1].Compact())
	assert.Equal(t, "FR84 **** **** 2607", got[1].Masked())
	assert.Equal(t, Mask(text[got[1].Start:got[1].End]), got[1].Masked())
}

func TestFindStops(t *testing.T) {
	text := strings.Repeat("FR7630006000011234567890189 ", 10)
	n := 0
	for range Find(text) {
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, 3, n)
}

func TestFindBytesAgrees(t *testing.T) {
	text := "IBAN FR76 3000 6000 0112 3456 7890 189 et gb29 nwbk 6016 1331 9268 19."
	var s, b []Found
	for f := range Find(text) {
		s = append(s, f)
	}
	for f := range FindBytes([]byte(text)) {
		b = append(b, f)
	}
	assert.True(t, slices.EqualFunc(s, b, sameFound))
	assert.Len(t, s, 2)
}

func TestFindWithRegistry(t *testing.T) {
	reg, err := ReadRegistry(strings.NewReader("ZZ 18 4!a10!n 1-4 - 5-14 no ZZ78TRST0123456789 Zedland\n"))
	require.NoError(t, err)
	var got []string
	for f := range reg.Find("zz78 trst 0123 4567 89 2026, FR7630006000011234567890189") {
		require.NoError(t, f.Err)
		got = append(got, f.IBAN.String())
	}
	assert.Equal(t, []string{"ZZ78TRST0123456789"}, got, "the registry's lengths end the IBAN; FR is unknown to it")
}

func TestRegistryLength(t *testing.T) {
	for code, want := range map[string]int{"FR": 27, "NO": 15, "RU": 33, "GB": 22} {
		n, ok := Length(code)
		assert.True(t, ok, code)
		assert.Equal(t, want, n, code)
	}
	for _, code := range []string{"GP", "US", "fr", "F", "", "FRA"} {
		_, ok := Length(code)
		assert.False(t, ok, code)
	}
	for _, c := range embedded.specs {
		n, _ := embedded.Length(c.code)
		assert.Equal(t, len(c.example), n, c.code)
	}
}

// sameFound compares Founds, their errors by text.
func sameFound(a, b Found) bool {
	errText := func(err error) string {
		if err == nil {
			return ""
		}
		return err.Error()
	}
	return a.Start == b.Start && a.End == b.End && a.IBAN == b.IBAN && a.Compact() == b.Compact() && errText(a.Err) == errText(b.Err)
}

// checkFound asserts what FuzzFind checks: candidates in order, inside the text, made
// of what is written there; Err is Parse's on Compact; the byte and string finders
// agree.
func checkFound(t *testing.T, reg *Registry, text []byte) {
	t.Helper()
	var fromBytes []Found
	for f := range reg.FindBytes(text) {
		fromBytes = append(fromBytes, f)
	}
	var fromString []Found
	for f := range reg.Find(string(text)) {
		fromString = append(fromString, f)
	}
	if !slices.EqualFunc(fromBytes, fromString, sameFound) {
		t.Fatalf("FindBytes and Find disagree on %q", text)
	}
	last := 0
	for _, f := range fromBytes {
		if f.Start < last || f.End > len(text) || f.Start >= f.End || f.End-f.Start > 4*maxLen {
			t.Fatalf("%q: candidate at %d:%d after %d", text, f.Start, f.End, last)
		}
		last = f.End
		compact := f.Compact()
		if len(compact) < 4 || len(compact) > maxLen {
			t.Fatalf("%q: candidate %q", text, compact)
		}
		written := strings.Map(func(r rune) rune {
			switch r {
			case ' ', '\t', '-', '\u00a0', '\u202f', '\u2009', utf8.RuneError:
				return -1
			}
			return r
		}, strings.ToUpper(string(text[f.Start:f.End])))
		if written != compact {
			t.Fatalf("%q: candidate %q is not what is written, %q", text, compact, text[f.Start:f.End])
		}
		ip, err := reg.Parse(compact)
		if ip != f.IBAN || (err == nil) != (f.Err == nil) || err != nil && err.Error() != f.Err.Error() {
			t.Fatalf("%q: Found %v, %v; Parse gives %v, %v", text, f.IBAN, f.Err, ip, err)
		}
		if f.Masked() != Mask(compact) {
			t.Fatalf("%q: Masked %q, Mask %q", text, f.Masked(), Mask(compact))
		}
	}
	// What Mask shows is never found again.
	for _, f := range fromBytes {
		for g := range reg.Find("IBAN " + f.Masked()) {
			t.Fatalf("found %q in the mask %q", g.Compact(), f.Masked())
		}
	}
}

// FuzzFind: no panic; every candidate is in the text, in order, made of what is
// written there, and its result is Parse's (checkFound).
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Nouveau RIB : FR76 3000 6000 0112 3456 7890 189 Merci",
		"iban fr76 3000 6000 0112 3456 7890 189 svp, GB29-NWBK-6016-1331-9268-19",
		"BE68 5390 0754 7034 2024 et GP76 3000 6000 0112 3456 7890 189",
		"IBAN XX12 3456 7890 1234 5678, RIB: FR76 3000 6000, IBAN FR76 **** **** 0189",
		"FR76\u00a03000\u202f6000\u20090112\t3456\xa07890 189é",
		"FR84 2004 1010 0505 0001 3M02 607",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		checkFound(t, embedded, text)
	})
}

// benchTexts are the finder's inputs: a letter, a 1 MB document with an IBAN every
// 4 KB, and texts built to make a scanner slow (IBAN-like groups, words, digits).
func benchTexts() map[string]string {
	letter := "Bonjour,\nNos coordonnées bancaires ont changé. Merci de régler la facture F-2026-0412 " +
		"de 4 250,00 EUR sur notre nouveau compte :\nIBAN : FR76 3000 6000 0112 3456 7890 189\nBIC : SOGEFRPP\n" +
		"Cordialement,\nService comptabilité\n"
	var doc strings.Builder
	for doc.Len() < 1<<20 {
		doc.WriteString(strings.Repeat("Le titulaire du compte, M. Dupont, règle 12 factures par an (réf. AB12 du 12/05). ", 48))
		doc.WriteString("RIB : FR76 3000 6000 0112 3456 7890 189, GB29NWBK60161331926819.\n")
	}
	return map[string]string{
		"letter":     letter,
		"document":   doc.String(),
		"groups":     strings.Repeat("FR76 3000 ", 1<<16),
		"words":      strings.Repeat("ab cd ", 1<<17),
		"digits":     strings.Repeat("1234 ", 1<<17),
		"long-words": strings.Repeat("FRANCE76", 1<<17),
	}
}

// BenchmarkFind runs Find on each text beside a baseline that only classifies every
// byte (the floor of any scanner).
func BenchmarkFind(b *testing.B) {
	for name, text := range benchTexts() {
		data := []byte(text)
		b.Run(name+"/Find", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				for range FindBytes(data) {
				}
			}
		})
		b.Run(name+"/baseline", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				letters := 0
				for _, c := range data {
					if charKind[c]&(kindUpper|kindLower) != 0 {
						letters++
					}
				}
				if letters < 0 {
					b.Fatal()
				}
			}
		})
	}
}
