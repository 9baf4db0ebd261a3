package ibancheck

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// MustParseBIC is ParseBIC for tests.
func MustParseBIC(s string) BIC {
	b, err := ParseBIC(s)
	if err != nil {
		panic(err)
	}
	return b
}

func TestParseBIC(t *testing.T) {
	for _, tc := range []struct{ in, want, inst, country, loc, branch string }{
		{"BNPAFRPP", "BNPAFRPP", "BNPA", "FR", "PP", "XXX"},
		{"bnpa fr pp xxx", "BNPAFRPPXXX", "BNPA", "FR", "PP", "XXX"},
		{"DEUTDEFF500", "DEUTDEFF500", "DEUT", "DE", "FF", "500"},
		{"CEPAFRPP751", "CEPAFRPP751", "CEPA", "FR", "PP", "751"},
		{"1234GPPP", "1234GPPP", "1234", "GP", "PP", "XXX"}, // ISO 9362:2022 allows digits
		{"NBRBBY2X", "NBRBBY2X", "NBRB", "BY", "2X", "XXX"},
	} {
		b, err := ParseBIC(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, b.String())
		assert.Equal(t, tc.inst, b.Institution())
		assert.Equal(t, tc.country, b.Country())
		assert.Equal(t, tc.loc, b.Location())
		assert.Equal(t, tc.branch, b.Branch())
	}
	assert.True(t, MustParseBIC("BNPAFRP0").IsTest())
	assert.False(t, MustParseBIC("BNPAFRPP").IsTest())
	assert.Equal(t, "XK", MustParseBIC("RBKOXKPR").Country(), "Kosovo")
}

func TestParseBICErrors(t *testing.T) {
	for in, want := range map[string]string{
		"":             "0 characters, want 8 or 11",
		"BNPAFRP":      "7 characters, want 8 or 11",
		"BNPAFRPPXX":   "10 characters, want 8 or 11",
		"BNPAFRPPXXXX": "more than 11 characters",
		"BNPA-FRPP":    `character 5 '-' is not a letter or digit`,
		"BNPA1RPP":     "character 5 should be a letter of the country code",
		"BNPAZZPP":     "ZZ is not an ISO 3166 country code",
		"BNPAKXPP":     "KX is not an ISO 3166 country code",
		"BNPAFRPO":     "location code cannot end with the letter O",
	} {
		_, err := ParseBIC(in)
		assert.ErrorIs(t, err, ErrBIC, in)
		assert.ErrorContains(t, err, want, in)
	}
}

func TestZeroBIC(t *testing.T) {
	var b BIC
	assert.True(t, b.IsZero())
	assert.Empty(t, b.String()+b.Institution()+b.Country()+b.Location()+b.Branch())
	assert.False(t, b.IsTest())
	assert.False(t, b.MatchesIBANCountry(MustParse("FR7630006000011234567890189")))
}

func TestBICMatchesIBANCountry(t *testing.T) {
	fr := MustParse("FR7630006000011234567890189")
	assert.True(t, MustParseBIC("BNPAFRPP").MatchesIBANCountry(fr))
	assert.True(t, MustParseBIC("BNPAGPGP").MatchesIBANCountry(fr), "Guadeloupe banks use FR IBANs")
	assert.True(t, MustParseBIC("BNPARERX").MatchesIBANCountry(fr), "Réunion")
	assert.False(t, MustParseBIC("DEUTDEFF").MatchesIBANCountry(fr))
	assert.True(t, MustParseBIC("RBOSJESH").MatchesIBANCountry(MustParse("GB29NWBK60161331926819")), "Jersey")
}
