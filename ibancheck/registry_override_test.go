package ibancheck_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/reflex"
)

// zzLine is a fictitious country: 4 letters of bank, 10 digits of account.
const zzLine = "ZZ  18  4!a10!n  1-4  -  5-14  no  ZZ78TRST0123456789  Zedland\n"

// embeddedRegistryText is ibancheck's own data file, the base of the overrides below.
func embeddedRegistryText(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("registry.txt")
	require.NoError(t, err)
	return string(data)
}

func TestWithRegistryAddsCountry(t *testing.T) {
	ctx := context.Background()
	c := ibancheck.New(ibancheck.WithRegistry(strings.NewReader(embeddedRegistryText(t) + zzLine)))
	require.NoError(t, c.Err())

	r, err := c.Check(ctx, "zz78 trst 0123 4567 89")
	require.NoError(t, err)
	require.NoError(t, r.Validate())
	assert.True(t, r.Has(reflex.IBANValid))
	assert.Equal(t, "ZZ, checks passed", r.Find(reflex.IBANValid).EvidenceText(reflex.English), "a country the catalogue cannot name is shown by its code")
	assert.True(t, r.Has(reflex.IBANNonSEPA), "only sepa.go makes a country SEPA")

	ip, err := c.Registry().Parse("ZZ78TRST0123456789")
	require.NoError(t, err)
	assert.Equal(t, "ZZ", ip.Country())
	assert.Equal(t, "TRST", ip.BankCode())
	assert.Equal(t, "", ip.BranchCode())
	assert.Equal(t, "0123456789", ip.AccountNumber())
	assert.Equal(t, "", ip.NationalCheck())
	assert.Equal(t, "Zedland", c.Registry().CountryName("ZZ"))
	assert.Contains(t, c.Registry().Countries(), "ZZ")

	// Known countries keep their national key: a forged RIB is still caught.
	r, err = c.Check(ctx, "FR8730006000011234567890185")
	require.NoError(t, err)
	assert.True(t, r.Has(reflex.IBANInvalidNationalKey))
	assert.Equal(t, "clé RIB", ibancheck.MustParse("FR7630006000011234567890189").NationalCheck())
	ip, err = c.Registry().Parse("FR7630006000011234567890189")
	require.NoError(t, err)
	assert.Equal(t, "clé RIB", ip.NationalCheck())
	assert.True(t, ip == ibancheck.MustParse("FR7630006000011234567890189"), "same registry line, same value")

	// Wrong check digits, wrong length, wrong class: the usual findings.
	for in, code := range map[string]reflex.Code{
		"ZZ79TRST0123456789":  reflex.IBANInvalidChecksum,
		"ZZ78TRST012345678":   reflex.IBANInvalidLength,
		"ZZ78TRS10123456789":  reflex.IBANInvalidFormat,
		"ZZ78 TRST 0123 4567": reflex.IBANInvalidLength,
	} {
		r, err := c.Check(ctx, in)
		require.NoError(t, err)
		require.NoError(t, r.Validate())
		assert.True(t, r.Has(code), "%s: %v", in, r.Findings)
	}

	// The package-level functions keep the embedded registry.
	assert.ErrorIs(t, ibancheck.Validate("ZZ78TRST0123456789"), ibancheck.ErrCountry)
	assert.Empty(t, ibancheck.CountryName("ZZ"))
}

func TestWithRegistryChangesLength(t *testing.T) {
	// France moves to 28 characters: one more account character.
	text := embeddedRegistryText(t)
	var lines []string
	for line := range strings.Lines(text) {
		if strings.HasPrefix(line, "FR ") {
			line = "FR  28  5!n5!n12!c2!n  1-5  6-10  11-22  yes  FR27300060000112345678901899  France\n"
		}
		lines = append(lines, line)
	}
	c := ibancheck.New(ibancheck.WithRegistry(strings.NewReader(strings.Join(lines, ""))))
	require.NoError(t, c.Err())
	reg := c.Registry()

	ip, err := reg.Parse("FR27 3000 6000 0112 3456 7890 1899")
	require.NoError(t, err)
	assert.Equal(t, "30006", ip.BankCode())
	assert.Equal(t, "00001", ip.BranchCode())
	assert.Equal(t, "123456789018", ip.AccountNumber())
	assert.Equal(t, "", ip.NationalCheck(), "the clé RIB is written for the 23-character BBAN")

	var e *ibancheck.Error
	err = reg.Validate("FR7630006000011234567890189")
	require.ErrorAs(t, err, &e)
	assert.Equal(t, ibancheck.ReasonLength, e.Reason)
	assert.Equal(t, 28, e.Want)
	r, err := c.Check(context.Background(), "FR7630006000011234567890189")
	require.NoError(t, err)
	require.NoError(t, r.Validate())
	assert.Equal(t, "28", r.Find(reflex.IBANInvalidLength).Params["want"])

	// Monaco keeps its structure, so its key.
	mc, err := reg.Parse("MC5811222000010123456789030")
	require.NoError(t, err)
	assert.Equal(t, "clé RIB", mc.NationalCheck())
}

func TestWithRegistryErrors(t *testing.T) {
	base := embeddedRegistryText(t)
	for name, tc := range map[string]struct {
		text string
		want string
	}{
		"malformed line":   {base + "ZZ 18 4!a10!n\n", "want 9 fields"},
		"bad structure":    {base + "ZZ 18 4!x10!n 1-4 - 5-14 no ZZ78TRST0123456789 Zedland\n", "class"},
		"example mod 97":   {base + "ZZ 18 4!a10!n 1-4 - 5-14 no ZZ79TRST0123456789 Zedland\n", "mod 97"},
		"example too long": {base + "ZZ 18 4!a10!n 1-4 - 5-14 no ZZ78TRST01234567890 Zedland\n", "want 18 characters"},
		"duplicate":        {base + "FR  27  5!n5!n11!c2!n  1-5  6-10  11-21 yes  FR1420041010050500013M02606  France\n", "FR already defined"},
		"empty":            {"# nothing\n", "no country"},
		// mod 97 is right, the clé RIB is not: the example must pass every check.
		"example key": {strings.Replace(base, "FR1420041010050500013M02606", "FR8730006000011234567890185", 1), "national key (clé RIB) is wrong"},
		"too large":   {strings.Repeat("#", 1<<20+1), "larger than"},
	} {
		t.Run(name, func(t *testing.T) {
			reg, err := ibancheck.ReadRegistry(strings.NewReader(tc.text))
			require.Error(t, err)
			assert.Nil(t, reg)
			assert.ErrorIs(t, err, ibancheck.ErrRegistry)
			assert.ErrorContains(t, err, tc.want)

			c := ibancheck.New(ibancheck.WithRegistry(strings.NewReader(tc.text)))
			assert.ErrorIs(t, c.Err(), ibancheck.ErrRegistry)
			_, cerr := c.Check(context.Background(), "FR7630006000011234567890189")
			assert.ErrorIs(t, cerr, ibancheck.ErrRegistry, "every check returns the option's error")
		})
	}
	_, err := ibancheck.ReadRegistry(iotestErrReader{})
	assert.ErrorIs(t, err, ibancheck.ErrRegistry)
}

type iotestErrReader struct{}

func (iotestErrReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }
