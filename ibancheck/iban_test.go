package ibancheck

import (
	"encoding/json"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIBANAccessors(t *testing.T) {
	ip := MustParse("  iban : fr76 3000 6000 0112 3456 7890 189 ")
	assert.Equal(t, "FR7630006000011234567890189", ip.String())
	assert.Equal(t, "FR76 3000 6000 0112 3456 7890 189", ip.Print())
	assert.Equal(t, "FR76 **** **** 0189", ip.Masked())
	assert.Equal(t, "FR", ip.Country())
	assert.Equal(t, "76", ip.CheckDigits())
	assert.Equal(t, "30006000011234567890189", ip.BBAN())
	assert.Equal(t, "30006", ip.BankCode())
	assert.Equal(t, "00001", ip.BranchCode())
	assert.Equal(t, "12345678901", ip.AccountNumber())
	assert.Equal(t, "clé RIB", ip.NationalCheck())
	assert.True(t, ip.IsSEPA())
	assert.False(t, ip.IsZero())
	assert.Equal(t, "NO93 8601 1117 947", MustParse("NO9386011117947").Print())
	assert.Equal(t, "RU03 0445 2522 5408 1781 0538 0913 1041 9", MustParse("RU0304452522540817810538091310419").Print())
}

func TestZeroIBAN(t *testing.T) {
	var ip IBAN
	assert.True(t, ip.IsZero())
	for name, got := range map[string]string{
		"String": ip.String(), "Print": ip.Print(), "Masked": ip.Masked(), "Country": ip.Country(),
		"CheckDigits": ip.CheckDigits(), "BBAN": ip.BBAN(), "BankCode": ip.BankCode(),
		"BranchCode": ip.BranchCode(), "AccountNumber": ip.AccountNumber(), "NationalCheck": ip.NationalCheck(),
	} {
		assert.Empty(t, got, name)
	}
	assert.False(t, ip.IsSEPA())
}

// TestIBANIsASmallComparableValue: usable as a map key, equal when the account is equal,
// whatever form it was typed in.
func TestIBANIsASmallComparableValue(t *testing.T) {
	// 34 characters, length, national key and the three parts' positions.
	assert.LessOrEqual(t, unsafe.Sizeof(IBAN{}), uintptr(42))
	a := MustParse("GB29 NWBK 6016 1331 9268 19")
	b := MustParse("gb29nwbk60161331926819")
	assert.True(t, a == b)
	seen := map[IBAN]string{a: "Alice"}
	assert.Equal(t, "Alice", seen[b])
	assert.NotEqual(t, a, MustParse("GB82WEST12345698765432"))
	assert.Equal(t, 0, a.Compare(b))
	assert.Equal(t, -1, a.Compare(MustParse("GB82WEST12345698765432")))
	assert.Equal(t, 1, a.Compare(IBAN{}))
}

func TestMustParsePanics(t *testing.T) {
	assert.Panics(t, func() { MustParse("FR00") })
}

func TestIBANText(t *testing.T) {
	type payee struct {
		IBAN IBAN `json:"iban"`
		BIC  BIC  `json:"bic"`
	}
	in := payee{IBAN: MustParse("DE89370400440532013000"), BIC: MustParseBIC("COBADEFFXXX")}
	data, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"iban":"DE89370400440532013000","bic":"COBADEFFXXX"}`, string(data))
	var out payee
	require.NoError(t, json.Unmarshal(data, &out))
	assert.Equal(t, in, out)

	require.NoError(t, json.Unmarshal([]byte(`{"iban":"","bic":""}`), &out))
	assert.True(t, out.IBAN.IsZero())
	assert.True(t, out.BIC.IsZero())
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"iban":"DE88370400440532013000"}`), &out), ErrChecksum)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"bic":"COBA"}`), &out), ErrBIC)
	var zero IBAN
	text, err := zero.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, text)
}

// TestMask pins the one masking rule: letters and digits only, four at each end
// from 12 of them, "****" below, "" for blank input.
func TestMask(t *testing.T) {
	for in, want := range map[string]string{
		"fr76 3000 6000 0112 3456 7890 189":                      "FR76 **** **** 0189",
		"FR7630006000011234567890189":                            "FR76 **** **** 0189",
		"FR76-3000-6000-0112-3456-7890-189":                      "FR76 **** **** 0189",
		"FR76\u00a03000\u202f6000\t0112 3456 7890 189":           "FR76 **** **** 0189",
		"IBAN FR76 3000 6000 0112 3456 7890 18#":                 "FR76 **** **** 9018",
		"IBAN: \x1b[31mFR76 3000 6000 0112 3456 7890 189\x1b[0m": "31MF **** **** 890M", // no control character shown
		"GB29NWBK601613":                                         "GB29 **** **** 1613",
		"GB29NWBK60161":                                          "GB29 **** **** 0161",
		"GB29NWBK6016":                                           "GB29 **** **** 6016",
		"GB29NWBK601":                                            "****", // 11: too short to show a part
		"FR76 3000":                                              "****",
		"FR":                                                     "****",
		"!!!":                                                    "****",
		"":                                                       "",
		"   ":                                                    "",
	} {
		assert.Equal(t, want, Mask(in), "%q", in)
	}
	assert.Equal(t, "", IBAN{}.Masked())
	ip := MustParse("NO9386011117947")
	assert.Equal(t, Mask(ip.String()), ip.Masked(), "one rule")
	assert.Equal(t, "NO93 **** **** 7947", ip.Masked())
}
