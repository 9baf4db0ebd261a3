package payee_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/reflex"
)

// zzLine is a registry of one fictitious country: 4 letters of bank, 10 digits of account.
const zzLine = "ZZ  18  4!a10!n  1-4  -  5-14  no  ZZ78TRST0123456789  Zedland\n"

// TestBookUsesCheckerRegistry: a Book made WithChecker parses with its registry, in
// Confirm as in Check.
func TestBookUsesCheckerRegistry(t *testing.T) {
	ctx := context.Background()
	c := ibancheck.New(ibancheck.WithRegistry(strings.NewReader(zzLine)))
	now := func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }
	book := payee.NewBook(payee.NewMemoryStore(), payee.WithChecker(c), payee.WithClock(now))

	_, err := payee.NewBook(payee.NewMemoryStore()).Confirm(ctx, "p1", "ZZ78TRST0123456789", "Zedbank", "me")
	assert.ErrorIs(t, err, ibancheck.ErrCountry, "the default book knows no ZZ")

	_, err = book.Confirm(ctx, "p1", "ZZ78 TRST 0123 4567 89", "Zedbank", "me")
	require.NoError(t, err)
	r, err := book.Check(ctx, ibancheck.Payment{PayeeID: "p1", IBAN: "ZZ78TRST0123456789", Name: "Zedbank"})
	require.NoError(t, err)
	require.NoError(t, r.Validate())
	assert.True(t, r.Has(reflex.IBANValid))
	assert.True(t, r.Has(reflex.IBANUnchanged))
	assert.True(t, r.Has(reflex.IBANNameMatch))

	bad := payee.NewBook(payee.NewMemoryStore(), payee.WithChecker(ibancheck.New(ibancheck.WithRegistry(strings.NewReader("")))))
	_, err = bad.Confirm(ctx, "p1", "FR7630006000011234567890189", "X", "me")
	assert.ErrorIs(t, err, ibancheck.ErrRegistry)
	_, err = bad.Check(ctx, ibancheck.Payment{PayeeID: "p1", IBAN: "FR7630006000011234567890189"})
	assert.ErrorIs(t, err, ibancheck.ErrRegistry)
}
