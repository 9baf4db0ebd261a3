package ibancheck

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseCases runs the generated cases of every country (cases_test.go).
func TestParseCases(t *testing.T) {
	cases := allCases()
	perClass := map[string]int{}
	for _, tc := range cases {
		perClass[tc.class]++
		ip, err := Parse(tc.in)
		if tc.reason == 0 {
			if assert.NoError(t, err, "%s %q", tc.class, tc.in) {
				want := strings.ToUpper(strings.Join(strings.Fields(strings.Map(nbspToSpace, tc.in)), ""))
				want = strings.TrimPrefix(strings.TrimPrefix(want, "IBAN:"), "IBAN")
				assert.Equal(t, want, ip.String(), tc.in)
			}
			continue
		}
		var e *Error
		if !assert.ErrorAs(t, err, &e, "%s %q", tc.class, tc.in) {
			continue
		}
		assert.Equal(t, tc.reason, e.Reason, "%s %q: %v", tc.class, tc.in, err)
		assert.ErrorIs(t, err, sentinels[tc.reason], "%s %q", tc.class, tc.in)
		if tc.pos != 0 {
			assert.Equal(t, tc.pos, e.Pos, "%s %q: %v", tc.class, tc.in, err)
		}
		assert.True(t, ip.IsZero(), "a failed Parse returns the zero IBAN")
	}
	t.Logf("%d cases: %v", len(cases), perClass)
	for _, class := range []string{"valid", "pasted", "length", "country", "char", "class", "substitution", "transposition", "range", "forged"} {
		assert.Greater(t, perClass[class], 0, class)
	}
	// Out-of-range check digits must be found for every country.
	assert.Equal(t, 3*len(embedded.specs), perClass["range"], "00, 01 and 99 for every country")
}

func nbspToSpace(r rune) rune {
	if r == '\u00a0' || r == '\u202f' {
		return ' '
	}
	return r
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		in     string
		reason Reason
		want   string // error text
		check  func(t *testing.T, e *Error)
	}{
		{"", ReasonLength, "ibancheck: empty IBAN", nil},
		{"   ", ReasonLength, "ibancheck: empty IBAN", nil},
		{"IBAN", ReasonLength, "ibancheck: empty IBAN", nil},
		{"FR7", ReasonLength, "ibancheck: IBAN too short (3 characters)", nil},
		{"FR14 2004 1010 0505 0001 3M02 6", ReasonLength, "ibancheck: FR IBAN has 25 characters, want 27",
			func(t *testing.T, e *Error) {
				assert.Equal(t, "FR", e.Country)
				assert.Equal(t, 25, e.Length)
				assert.Equal(t, 27, e.Want)
			}},
		{"FR14" + strings.Repeat("0", 40), ReasonLength, "ibancheck: FR IBAN has 44 characters, want 27", nil},
		{"XX14" + strings.Repeat("0", 40), ReasonLength, "ibancheck: IBAN too long (44 characters, at most 34)", nil},
		{"GP1420041010050500013M02606", ReasonCountry, "ibancheck: GP is not an IBAN country code: accounts in GP use FR IBANs",
			func(t *testing.T, e *Error) { assert.Equal(t, "FR", e.UseCountry) }},
		{"JE12NWBK60161331926819", ReasonCountry, "ibancheck: JE is not an IBAN country code: accounts in JE use GB IBANs", nil},
		{"AX2112345600000785", ReasonCountry, "ibancheck: AX is not an IBAN country code: accounts in AX use FI IBANs", nil},
		{"US64SVBKUS6S3300958879", ReasonCountry, "ibancheck: US is not an IBAN country code", nil},
		{"1234567890123456", ReasonFormat, "ibancheck: character 1 '1' of the IBAN should be a letter",
			func(t *testing.T, e *Error) { assert.Equal(t, 1, e.Pos); assert.Equal(t, "letter", e.Expected) }},
		{"F1", ReasonFormat, "ibancheck: character 2 '1' of the IBAN should be a letter", nil},
		{"FR14 2004 1010 0505 0001 3M02 60€", ReasonFormat, "ibancheck: character 27 '€' of the IBAN should be a letter or digit",
			func(t *testing.T, e *Error) { assert.Equal(t, '€', e.Char); assert.Equal(t, "FR", e.Country) }},
		{"FR14-2004-1010", ReasonFormat, "ibancheck: character 5 '-' of the IBAN should be a letter or digit", nil},
		{"FRA420041010050500013M02606", ReasonFormat, "ibancheck: character 3 'A' of the IBAN should be a digit", nil},
		{"FR142004A010050500013M02606", ReasonFormat, "ibancheck: character 9 'A' of the IBAN should be a digit", nil},
		{"GB29NWB160161331926819", ReasonFormat, "ibancheck: character 8 '1' of the IBAN should be a letter", nil},
		{"FR1520041010050500013M02606", ReasonChecksum, "ibancheck: FR IBAN fails its check (mod 97)", nil},
		{"DE00370400440532013000", ReasonChecksum, "ibancheck: DE IBAN fails its check (check digits 00 out of 02..98)", nil},
		{withCheckDigits("FR", "20041010050500013M02607"), ReasonNationalKey,
			"ibancheck: FR IBAN passes mod 97 but its national key (clé RIB) is wrong",
			func(t *testing.T, e *Error) { assert.Equal(t, "clé RIB", e.Check) }},
	} {
		t.Run(tc.in, func(t *testing.T) {
			_, err := Parse(tc.in)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.reason, e.Reason)
			assert.EqualError(t, err, tc.want)
			assert.ErrorIs(t, err, e.Unwrap())
			for r := ReasonLength; r <= ReasonNationalKey; r++ {
				assert.Equal(t, r == tc.reason, errors.Is(err, sentinels[r]), "errors.Is %v", r)
			}
			if tc.check != nil {
				tc.check(t, e)
			}
			assert.Equal(t, err.Error(), Validate(tc.in).Error())
		})
	}
}

func TestErrorNeverHoldsTheIBAN(t *testing.T) {
	for _, tc := range allCases() {
		if tc.reason == 0 {
			continue
		}
		err := Validate(tc.in)
		require.Error(t, err)
		if bban := strings.ToUpper(strings.TrimSpace(tc.in))[4:]; len(bban) >= 6 {
			assert.NotContains(t, err.Error(), bban[:6], "error text leaks the IBAN: %v", err)
		}
	}
}

func TestReasonString(t *testing.T) {
	assert.Equal(t, "national-key", ReasonNationalKey.String())
	assert.Equal(t, "reason(9)", Reason(9).String())
	assert.Equal(t, "ibancheck: invalid IBAN", (&Error{}).Error())
	assert.Nil(t, (&Error{}).Unwrap())
}

// TestValidateDoesNotAllocate holds the promise of the package doc.
func TestValidateDoesNotAllocate(t *testing.T) {
	inputs := benchIBANs()
	allocs := testing.AllocsPerRun(100, func() {
		for _, s := range inputs {
			if Validate(s) != nil {
				panic(s)
			}
			if _, err := Parse(s); err != nil {
				panic(s)
			}
		}
	})
	assert.Zero(t, allocs)
}
