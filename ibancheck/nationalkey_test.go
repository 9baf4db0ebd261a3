package ibancheck

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Published IBANs (documentation of banks, payment schemes and IBAN libraries), each
// with its national key checked by hand against the algorithm.
var publishedValid = []string{
	"FR7630006000011234567890189", // clé RIB 89
	"FR7611315000011234567890138",
	"MC1112739000700011111000H79", // letter H in the account: H = 8
	"ES7921000813610123456789",
	"ES1000492352082414205416",
	"IT60X0542811101000000123456",
	"SM76P0854009812123456789123",
	"BE71096123456769",
	"NO8330001234567",
	"FI1410093000123458",
	"EE471000001020145685",
	"PL10105000997603123456789123",
	"CZ9455000000001011038930",
	"SK8975000000000012345671",
	"IS750001121234563108962099",
	"BA393385804800211234",
	"ME25505000012345678951",
	"MK07300000000042425",
	"PT50000201231234567890154",
	"RS35105008123123123173",
	"SI56192001234567892",
	"TL380010012345678910106",
	"MR1300012000010000002037372",
	"TN5904018104004942712345",
}

func TestPublishedIBANsAreValid(t *testing.T) {
	for _, s := range publishedValid {
		ip, err := Parse(s)
		if assert.NoError(t, err, s) {
			assert.NotEmpty(t, ip.NationalCheck(), "%s: a national key was checked", s)
		}
	}
}

func TestNationalKeyVectors(t *testing.T) {
	for _, tc := range []struct {
		iban string
		key  string // the national check that fails
	}{
		// Widely copied, mod-97 valid, but its CIN should be X, not S.
		{"IT40S0542811101000000123456", "CIN"},
		{withCheckDigits("FR", "30006000011234567890188"), "clé RIB"},
		{withCheckDigits("FR", "30006000011234567890100"), "clé RIB"}, // 00 never issued
		{withCheckDigits("MC", "12739000700011111000H78"), "clé RIB"},
		{withCheckDigits("ES", "21000813600123456789"), "dígitos de control"},
		{withCheckDigits("ES", "21000813510123456789"), "dígitos de control"},
		{withCheckDigits("BE", "096123456700"), "mod 97 check digits"},
		{withCheckDigits("NO", "30001234568"), "mod 11 check digit"},
		{withCheckDigits("FI", "10093000123459"), "Luhn check digit"},
		{withCheckDigits("EE", "1000001020145686"), "7-3-1 check digit"},
		{withCheckDigits("PL", "105000987603123456789123"), "sort-code check digit"},
		{withCheckDigits("CZ", "5500000001101103893"+"1"), "mod 11 prefix and account"},
		{withCheckDigits("CZ", "5500100000101103893"+"0"), "mod 11 prefix and account"},
		{withCheckDigits("SK", "7500000000000012345672"[:20]), "mod 11 prefix and account"},
		{withCheckDigits("IS", "0001121234563108962199"), "kennitala check digit"},
		{withCheckDigits("PT", "000201231234567890155"), "BBAN mod 97"},
		{withCheckDigits("SI", "192001234567893"), "BBAN mod 97"},
		{withCheckDigits("MR", "00012000010000002037373"), "BBAN mod 97"},
		{withCheckDigits("TN", "04018104004942712346"), "BBAN mod 97"},
	} {
		t.Run(tc.iban, func(t *testing.T) {
			require.EqualValues(t, 1, oracleMod97(tc.iban), "the vector must pass mod 97")
			_, err := Parse(tc.iban)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, ReasonNationalKey, e.Reason, "%v", err)
			assert.Equal(t, tc.key, e.Check)
		})
	}
}

// TestRIBLetters checks the letter table of the clé RIB: each letter must weigh like
// its digit, so replacing the digit by any of its letters keeps the key valid.
func TestRIBLetters(t *testing.T) {
	groups := []string{"AJ", "BKS", "CLT", "DMU", "ENV", "FOW", "GPX", "HQY", "IRZ"}
	base := []byte("30006000011234567890189") // account 12345678901, key 89
	require.True(t, validRIB(base))
	for d, letters := range groups {
		for _, l := range letters {
			bban := append([]byte{}, base...)
			pos := strings.IndexByte(string(bban[10:21]), byte('1'+d)) + 10
			bban[pos] = byte(l)
			assert.True(t, validRIB(bban), "%c counts as %d", l, d+1)
		}
	}
}

func TestWeighted(t *testing.T) {
	assert.Equal(t, 3*1+9*2, weighted([]byte("12"), 3, 9))
	assert.Equal(t, byte('0'), esDigit(11*3))   // 11 -> 0
	assert.Equal(t, byte('1'), esDigit(11*3+1)) // 10 -> 1
	assert.True(t, keyNone.valid(nil), "no key: nothing to check")
}

// TestNorwayPostgiro follows python-stdnum: bank code 0000 carries a 7-digit Luhn number.
func TestNorwayPostgiro(t *testing.T) {
	assert.True(t, validNO([]byte("00004090403")))
	assert.False(t, validNO([]byte("00004090404")))
}

func TestNationalKeysCoverTheIssueList(t *testing.T) {
	want := "BA BE CZ EE ES FI FR IS IT MC ME MK MR NO PL PT RS SI SK SM TL TN"
	var got []string
	for _, code := range Countries() {
		if nationalKeyOf(code[0], code[1]) != keyNone {
			got = append(got, code)
		}
	}
	assert.Equal(t, want, strings.Join(got, " "))
	assert.Equal(t, "", MustParse("DE89370400440532013000").NationalCheck(), "DE: per-bank methods, out of scope")
	for code := range nationalKeys {
		assert.NotNil(t, lookupCode(code), "%s has a key but is not in the registry", code)
	}
}

// TestNationalKeyLengthsMatchRegistry: each algorithm reads the BBAN length the registry gives.
func TestNationalKeyLengthsMatchRegistry(t *testing.T) {
	for code, k := range nationalKeys {
		if n := keyBBANLen[k]; n != 0 {
			assert.Equal(t, n, lookupCode(code).length-4, "%s: %s", code, k.name())
		}
	}
	assert.True(t, keyRIB.valid([]byte("123")), "a BBAN of another length is not read")
}
