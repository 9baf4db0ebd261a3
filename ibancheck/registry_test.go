package ibancheck

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRegistryRelease102 pins the country list of SWIFT IBAN Registry release 102.
func TestRegistryRelease102(t *testing.T) {
	codes := Countries()
	require.Len(t, codes, 89)
	assert.True(t, slices.IsSorted(codes))
	assert.Equal(t, []string{
		"AD", "AE", "AL", "AT", "AZ", "BA", "BE", "BG", "BH", "BI", "BR", "BY", "CH", "CR", "CY", "CZ",
		"DE", "DJ", "DK", "DO", "EE", "EG", "ES", "FI", "FK", "FO", "FR", "GB", "GE", "GI", "GL", "GR",
		"GT", "HN", "HR", "HU", "IE", "IL", "IQ", "IS", "IT", "JO", "KW", "KZ", "LB", "LC", "LI", "LT",
		"LU", "LV", "LY", "MC", "MD", "ME", "MK", "MN", "MR", "MT", "MU", "NI", "NL", "NO", "OM", "PK",
		"PL", "PS", "PT", "QA", "RO", "RS", "RU", "SA", "SC", "SD", "SE", "SI", "SK", "SM", "SO", "ST",
		"SV", "TL", "TN", "TR", "UA", "VA", "VG", "XK", "YE",
	}, codes)
	for code := range territories {
		assert.NotContains(t, codes, code, "%s is a territory, not a registry code", code)
		assert.NotNil(t, lookupCode(territories[code]))
	}
}

// TestRegistryLengths pins the IBAN length of every country (the most common error).
func TestRegistryLengths(t *testing.T) {
	want := map[int]string{
		15: "NO", 16: "BE", 18: "DK FI FK FO GL NL SD", 19: "MK SI", 20: "AT BA EE KZ LT LU MN XK",
		21: "CH HR LI LV", 22: "BG BH CR DE GB GE IE ME RS VA", 23: "AE GI IL IQ OM SO TL",
		24: "AD CZ ES MD PK RO SA SE SK TN VG", 25: "LY PT ST", 26: "IS TR",
		27: "BI DJ FR GR IT MC MR SM", 28: "AL AZ BY CY DO GT HN HU LB NI PL SV",
		29: "BR EG PS QA UA", 30: "JO KW MU YE", 31: "MT SC", 32: "LC", 33: "RU",
	}
	got := map[int]string{}
	for _, c := range embedded.specs {
		if got[c.length] != "" {
			got[c.length] += " "
		}
		got[c.length] += c.code
	}
	assert.Equal(t, want, got)
}

func TestRegistryExamplesAndParts(t *testing.T) {
	for _, c := range embedded.specs {
		ip, err := Parse(c.example)
		if !assert.NoError(t, err, c.code) {
			continue
		}
		assert.Equal(t, c.code, ip.Country())
		assert.Equal(t, c.example, ip.String())
		assert.Equal(t, c.name, CountryName(c.code))
		assert.NotEmpty(t, ip.BankCode(), "%s: every registry country has a bank identifier", c.code)
		assert.NotEmpty(t, ip.AccountNumber(), c.code)
		assert.Contains(t, ip.BBAN(), ip.BankCode()+ip.BranchCode(), "%s: bank then branch", c.code)
	}
	for _, tc := range []struct{ iban, bank, branch, account string }{
		{"FR1420041010050500013M02606", "20041", "01005", "0500013M026"},
		{"GB29NWBK60161331926819", "NWBK", "601613", "31926819"},
		{"DE89370400440532013000", "37040044", "", "0532013000"},
		{"IT60X0542811101000000123456", "05428", "11101", "000000123456"},
		{"ES9121000418450200051332", "2100", "0418", "0200051332"},
		{"BE68539007547034", "539", "", "0075470"},
		{"CH9300762011623852957", "00762", "", "011623852957"},
	} {
		ip := MustParse(tc.iban)
		assert.Equal(t, tc.bank, ip.BankCode(), tc.iban)
		assert.Equal(t, tc.branch, ip.BranchCode(), tc.iban)
		assert.Equal(t, tc.account, ip.AccountNumber(), tc.iban)
	}
	assert.Equal(t, "", CountryName("GP"))
	assert.Equal(t, "", CountryName("F"))
	assert.Equal(t, "", CountryName("f1"))
}

func TestSEPA(t *testing.T) {
	sepa := SEPACountries()
	assert.Len(t, sepa, 42)
	for _, code := range sepa {
		assert.NotNil(t, lookupCode(code), "%s is SEPA but not a registry country", code)
	}
	for _, code := range []string{"AL", "MD", "ME", "MK", "RS"} {
		c := lookupCode(code)
		assert.False(t, c.registrySEPA, "%s: the registry's flag is stale", code)
		assert.True(t, MustParse(c.example).IsSEPA(), "%s joined SEPA in 2025-2026", code)
	}
	for _, code := range []string{"FO", "GL", "UA", "TR", "BR", "AE"} {
		assert.False(t, MustParse(lookupCode(code).example).IsSEPA(), code)
	}
	// Apart from the newcomers, our list agrees with the registry's flags.
	for _, c := range embedded.specs {
		if !slices.Contains([]string{"AL", "MD", "ME", "MK", "RS"}, c.code) {
			assert.Equal(t, c.registrySEPA, isSEPA(c.code[0], c.code[1]), c.code)
		}
	}
	assert.False(t, IBAN{}.IsSEPA())
}
