package ibancheck

import (
	"errors"
	"sort"
	"strings"
	"testing"

	goiban "github.com/almerlucke/go-iban/iban"
	"github.com/stretchr/testify/assert"
)

// github.com/almerlucke/go-iban (v0.0.0-20220324081643-09bcab81b879, public domain) is
// the only other Go IBAN module the module proxy serves. It is a test-only reference:
// a differential test over the countries it supports, and a speed baseline.

// goSupports reports whether go-iban knows the country of a registry code.
func goSupports(code string) bool {
	c := lookupCode(code)
	if c == nil {
		return false
	}
	_, err := goiban.NewIBAN(c.example)
	return err == nil || !strings.Contains(err.Error(), "Unsupported country code")
}

// staleLength collects the countries whose length go-iban has wrong.
var staleLength = map[string]bool{}

// disagreement classes: each explains why ibancheck and go-iban answer differently.
var disagreements = []struct {
	name    string
	explain func(in string, ours *Error, theirs error) bool
}{
	{"go-iban accepts check digits 00, 01 and 99 (it only tests mod 97)", func(in string, ours *Error, theirs error) bool {
		return theirs == nil && ours != nil && ours.Reason == ReasonChecksum && strings.HasPrefix(ours.Check, "check digits")
	}},
	{"go-iban checks no national bank key (forged RIB accepted)", func(in string, ours *Error, theirs error) bool {
		return theirs == nil && ours != nil && ours.Reason == ReasonNationalKey
	}},
	{"go-iban strips only ASCII spaces (no tab, newline, no-break space, \"IBAN\" prefix)", func(in string, ours *Error, theirs error) bool {
		if ours != nil || theirs == nil {
			return false
		}
		_, err := goiban.NewIBAN(MustParse(in).String()) // the same IBAN, compacted
		return err == nil
	}},
	{"go-iban's country table predates the registry (lengths changed since)", func(in string, ours *Error, theirs error) bool {
		if ours != nil || theirs == nil {
			return false
		}
		_, err := goiban.NewIBAN(MustParse(in).String()) // the same IBAN, compacted
		if err != nil && strings.Contains(err.Error(), "does not match length") {
			staleLength[MustParse(in).Country()] = true
			return true
		}
		return false
	}},
}

// TestDifferentialGoIBAN compares ibancheck with go-iban on every generated case of the
// countries go-iban supports. Every disagreement must fall in an explained class.
func TestDifferentialGoIBAN(t *testing.T) {
	var supported, missing []string
	for _, code := range Countries() {
		if goSupports(code) {
			supported = append(supported, code)
		} else {
			missing = append(missing, code)
		}
	}
	t.Logf("go-iban supports %d of the %d registry countries; missing: %s", len(supported), len(embedded.specs), strings.Join(missing, " "))
	assert.Subset(t, missing, []string{"SO", "NI", "MN", "OM", "DJ", "FK", "YE", "RU", "SD", "LY", "BI", "BY", "IQ", "SV", "VA", "EG"},
		"recent registry countries that go-iban predates")

	supports := map[string]bool{}
	for _, code := range supported {
		supports[code] = true
	}
	counts := map[string]int{}
	total, agree := 0, 0
	for _, tc := range allCases() {
		code := strings.ToUpper(strings.TrimSpace(tc.in))
		code = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(code, "IBAN:"), "IBAN"))
		if len(code) < 2 || !supports[code[:2]] {
			continue
		}
		total++
		oursErr := Validate(tc.in)
		_, theirs := goiban.NewIBAN(tc.in)
		if (oursErr == nil) == (theirs == nil) {
			agree++
			continue
		}
		var ours *Error
		errors.As(oursErr, &ours)
		explained := false
		for _, d := range disagreements {
			if d.explain(tc.in, ours, theirs) {
				counts[d.name]++
				explained = true
				break
			}
		}
		assert.True(t, explained, "unexplained disagreement on %s %q: ibancheck %v, go-iban %v", tc.class, tc.in, oursErr, theirs)
	}
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t.Logf("%5d  %s", counts[n], n)
	}
	t.Logf("countries whose length go-iban has wrong: %v", staleLength)
	t.Logf("agreement: %d of %d cases (%.1f %%)", agree, total, 100*float64(agree)/float64(total))
	assert.Greater(t, counts[disagreements[0].name], 0)
	assert.Greater(t, counts[disagreements[1].name], 0)
}

// benchIBANs are valid IBANs of 20 countries, national keys included, in electronic form.
func benchIBANs() []string {
	var out []string
	for _, code := range []string{"FR", "DE", "ES", "IT", "BE", "NL", "PT", "PL", "CZ", "GB",
		"CH", "AT", "NO", "FI", "EE", "IS", "MC", "TN", "SE", "BR"} {
		out = append(out, lookupCode(code).example)
	}
	return out
}

var sink int

// mod97Floor is the floor: a tight ISO 7064 mod 97-10 loop and nothing else.
func mod97Floor(s string) int {
	r := 0
	for _, part := range [2]string{s[4:], s[:4]} {
		for i := 0; i < len(part); i++ {
			ch := part[i]
			if ch <= '9' {
				r = (r*10 + int(ch-'0')) % 97
			} else {
				r = (r*100 + int(ch-'A'+10)) % 97
			}
		}
	}
	return r
}

// BenchmarkValidate: structure + mod 97 + national key, over 20 countries (per IBAN).
func BenchmarkValidate(b *testing.B) {
	in := benchIBANs()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if Validate(in[i%len(in)]) != nil {
			b.Fatal(in[i%len(in)])
		}
	}
}

// BenchmarkMod97Floor: the floor, on the same strings.
func BenchmarkMod97Floor(b *testing.B) {
	in := benchIBANs()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sink += mod97Floor(in[i%len(in)])
	}
}

// BenchmarkGoIBAN: go-iban's NewIBAN, on the same strings.
func BenchmarkGoIBAN(b *testing.B) {
	in := benchIBANs()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := goiban.NewIBAN(in[i%len(in)]); err != nil {
			b.Fatal(err)
		}
	}
}

func TestMod97FloorAgrees(t *testing.T) {
	for _, s := range benchIBANs() {
		assert.Equal(t, 1, mod97Floor(s), s)
	}
}
