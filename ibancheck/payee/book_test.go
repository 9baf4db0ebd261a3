package payee_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/reflex"
)

const (
	ibanFR  = "FR7630006000011234567890189"
	ibanFR2 = "FR7610107001011234567890129"
	ibanLT  = "LT121000011101001000"
	ibanDE  = "DE89370400440532013000"
	ibanMU  = "MU17BOMM0101101030300200000MUR" // outside SEPA
)

var t0 = time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)

// newBook returns a book on a memory store whose clock advances a day per call.
func newBook(t *testing.T) *payee.Book {
	t.Helper()
	now := t0
	return payee.NewBook(payee.NewMemoryStore(), payee.WithClock(func() time.Time {
		now = now.Add(24 * time.Hour)
		return now
	}))
}

// codes lists the report's codes with their severities, in report order.
func codes(r reflex.Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, string(f.Code)+":"+f.Severity.String())
	}
	return out
}

// validReport checks the report against the catalogue and renders it in both languages.
func validReport(t *testing.T, r reflex.Report) {
	t.Helper()
	require.NoError(t, r.Validate())
	for _, f := range r.Findings {
		for _, lang := range []reflex.Lang{reflex.French, reflex.English} {
			assert.NotContains(t, f.Message(lang)+f.Reflex(lang), "{", "%s", f.Code)
		}
	}
	for _, s := range []string{ibanFR, ibanFR2, ibanLT, ibanDE} {
		for _, f := range r.Findings {
			assert.NotContains(t, f.Evidence+f.Suggest+f.EvidenceText(reflex.French)+f.Message(reflex.French), s, "a full IBAN in a finding")
		}
	}
}

func TestBookCheck(t *testing.T) {
	type step func(ctx context.Context, b *payee.Book) error
	confirm := func(id, iban, name string) step {
		return func(ctx context.Context, b *payee.Book) error {
			_, err := b.Confirm(ctx, id, iban, name, "marie")
			return err
		}
	}
	revoke := func(id, iban string) step {
		return func(ctx context.Context, b *payee.Book) error {
			_, err := b.Revoke(ctx, id, iban, "jean")
			return err
		}
	}
	for _, tc := range []struct {
		name    string
		setup   []step
		payment ibancheck.Payment
		want    []string
		verdict reflex.Severity
		suggest string
	}{
		{
			name:    "first payment",
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR},
			want:    []string{"iban.new-payee:caution", "iban.valid:ok"},
			verdict: reflex.Caution,
		},
		{
			name:    "unchanged, typed in paper form",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL")},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: "fr76 3000 6000 0112 3456 7890 189"},
			want:    []string{"iban.unchanged:ok", "iban.valid:ok"},
			verdict: reflex.OK,
		},
		{
			name:    "changed in France",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL")},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR2},
			want:    []string{"iban.changed:danger", "iban.valid:ok"},
			verdict: reflex.Danger,
			suggest: "FR76 **** **** 0189",
		},
		{
			name:    "a French supplier suddenly paid in Lithuania",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL")},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanLT},
			want:    []string{"iban.changed:danger", "iban.country-changed:danger", "iban.valid:ok"},
			verdict: reflex.Danger,
			suggest: "FR76 **** **** 0189",
		},
		{
			name:    "outside SEPA",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL")},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanMU},
			want:    []string{"iban.changed:danger", "iban.country-changed:danger", "iban.non-sepa:caution", "iban.valid:ok"},
			verdict: reflex.Danger,
		},
		{
			name:    "the previous IBAN after a confirmed change",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL"), confirm("acme", ibanFR2, "ACME SARL")},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR},
			want:    []string{"iban.changed:danger", "iban.valid:ok"},
			verdict: reflex.Danger,
			suggest: "FR76 **** **** 0129",
		},
		{
			name:    "the new IBAN after a confirmed change",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL"), confirm("acme", ibanFR2, "ACME SARL")},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR2},
			want:    []string{"iban.unchanged:ok", "iban.valid:ok"},
			verdict: reflex.OK,
		},
		{
			name:    "a revoked IBAN, no other",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL"), revoke("acme", ibanFR)},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR},
			want:    []string{"iban.revoked:danger", "iban.valid:ok"},
			verdict: reflex.Danger,
		},
		{
			name:    "a revoked IBAN while another is current",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL"), revoke("acme", ibanFR), confirm("acme", ibanDE, "ACME GmbH")},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR},
			want:    []string{"iban.changed:danger", "iban.revoked:danger", "iban.country-changed:danger", "iban.valid:ok"},
			verdict: reflex.Danger,
		},
		{
			name:    "a new IBAN once all were revoked",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL"), revoke("acme", ibanFR)},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR2},
			want:    []string{"iban.new-payee:caution", "iban.valid:ok"},
			verdict: reflex.Caution,
		},
		{
			name:    "a revoked IBAN confirmed again",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL"), revoke("acme", ibanFR), confirm("acme", ibanFR, "ACME SARL")},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR},
			want:    []string{"iban.unchanged:ok", "iban.valid:ok"},
			verdict: reflex.OK,
		},
		{
			name:    "another payee's IBAN",
			setup:   []step{confirm("other", ibanFR, "Other")},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR},
			want:    []string{"iban.new-payee:caution", "iban.valid:ok"},
			verdict: reflex.Caution,
		},
		{
			name:    "BIC of the IBAN's country",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL")},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR, BIC: "SOGEFRPP"},
			want:    []string{"iban.unchanged:ok", "iban.valid:ok"},
			verdict: reflex.OK,
		},
		{
			name:    "BIC of another country",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL")},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR, BIC: "DEUTDEFFXXX"},
			want:    []string{"iban.bic-mismatch:caution", "iban.unchanged:ok", "iban.valid:ok"},
			verdict: reflex.Caution,
		},
		{
			name:    "malformed BIC",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL")},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR, BIC: "SOGE-FR"},
			want:    []string{"iban.bic-mismatch:caution", "iban.unchanged:ok", "iban.valid:ok"},
			verdict: reflex.Caution,
		},
		{
			name:    "name matches",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL")},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR, Name: "S.A.R.L. Acme"},
			want:    []string{"iban.name-match:ok", "iban.unchanged:ok", "iban.valid:ok"},
			verdict: reflex.OK,
		},
		{
			name:    "name close to the holder's",
			setup:   []step{confirm("dupont", ibanFR, "M. Jean Dupont")},
			payment: ibancheck.Payment{PayeeID: "dupont", IBAN: ibanFR, Name: "Jean Dupond"},
			want:    []string{"iban.name-close-match:caution", "iban.unchanged:ok", "iban.valid:ok"},
			verdict: reflex.Caution,
		},
		{
			name:    "name of someone else",
			setup:   []step{confirm("dupont", ibanFR, "M. Jean Dupont")},
			payment: ibancheck.Payment{PayeeID: "dupont", IBAN: ibanFR, Name: "Maxime Dupont"},
			want:    []string{"iban.name-mismatch:danger", "iban.unchanged:ok", "iban.valid:ok"},
			verdict: reflex.Danger,
		},
		{
			name:    "name for an IBAN the book does not know",
			setup:   []step{confirm("dupont", ibanFR, "M. Jean Dupont")},
			payment: ibancheck.Payment{PayeeID: "dupont", IBAN: ibanFR2, Name: "Jean Dupont"},
			want:    []string{"iban.changed:danger", "iban.valid:ok"},
			verdict: reflex.Danger,
		},
		{
			name:    "name with nothing to compare",
			setup:   []step{confirm("dupont", ibanFR, "M. Jean Dupont")},
			payment: ibancheck.Payment{PayeeID: "dupont", IBAN: ibanFR, Name: "SARL"},
			want:    []string{"iban.name-not-possible:info", "iban.unchanged:ok", "iban.valid:ok"},
			verdict: reflex.Info,
		},
		{
			name:    "invalid IBAN: the validator's answer only",
			setup:   []step{confirm("acme", ibanFR, "ACME SARL")},
			payment: ibancheck.Payment{PayeeID: "acme", IBAN: "FR7630006000011234567890188", Name: "ACME"},
			want:    []string{"iban.invalid-checksum:caution"},
			verdict: reflex.Caution,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			b := newBook(t)
			for _, s := range tc.setup {
				require.NoError(t, s(ctx, b))
			}
			before, err := b.History(ctx, tc.payment.PayeeID)
			require.NoError(t, err)
			r, err := b.Check(ctx, tc.payment)
			require.NoError(t, err)
			assert.Equal(t, tc.want, codes(r))
			assert.Equal(t, tc.verdict, r.Verdict())
			assert.Equal(t, reflex.KindPayment, r.Kind)
			assert.Equal(t, tc.payment.IBAN, r.Subject)
			if tc.suggest != "" {
				assert.Equal(t, tc.suggest, r.Find(reflex.IBANChanged).Suggest)
			}
			validReport(t, r)
			after, err := b.History(ctx, tc.payment.PayeeID)
			require.NoError(t, err)
			assert.Equal(t, before, after, "Check must never record anything")
		})
	}
}

func TestCloseMatchGivesTheRecordedName(t *testing.T) {
	ctx := context.Background()
	b := newBook(t)
	_, err := b.Confirm(ctx, "dupont", ibanFR, "  M. Jean   Dupont ", "marie")
	require.NoError(t, err)
	r, err := b.Check(ctx, ibancheck.Payment{PayeeID: "dupont", IBAN: ibanFR, Name: "Jaen Dupont"})
	require.NoError(t, err)
	f := r.Find(reflex.IBANNameCloseMatch)
	require.NotNil(t, f)
	assert.Equal(t, "M. Jean Dupont", f.Params["name"])
	assert.Contains(t, f.Reflex(reflex.French), "M. Jean Dupont")
}

func TestConfirmAndRevokeHistory(t *testing.T) {
	ctx := context.Background()
	b := newBook(t)
	e1, err := b.Confirm(ctx, "acme", "fr76 3000 6000 0112 3456 7890 189", "ACME SARL", "marie")
	require.NoError(t, err)
	assert.Equal(t, ibanFR, e1.IBAN, "stored in electronic form")
	e2, err := b.Revoke(ctx, "acme", ibanFR, "jean")
	require.NoError(t, err)
	_, err = b.Revoke(ctx, "acme", ibanFR, "jean")
	assert.ErrorIs(t, err, payee.ErrNotConfirmed, "revoking twice")
	_, err = b.Revoke(ctx, "acme", ibanLT, "jean")
	assert.ErrorIs(t, err, payee.ErrNotConfirmed)
	assert.NotContains(t, err.Error(), ibanLT, "errors mask the IBAN")
	e3, err := b.Confirm(ctx, "acme", ibanDE, "ACME GmbH", "marie")
	require.NoError(t, err)

	h, err := b.History(ctx, "acme")
	require.NoError(t, err)
	assert.Equal(t, []payee.Event{e1, e2, e3}, h)
	assert.Equal(t, payee.Revoked, h[1].Kind)
	assert.Equal(t, "jean", h[1].By)
	assert.Equal(t, t0.Add(48*time.Hour), h[1].At)
}

func TestConfirmRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	b := newBook(t)
	_, err := b.Confirm(ctx, "", ibanFR, "ACME", "marie")
	assert.ErrorIs(t, err, payee.ErrNoPayee)
	_, err = b.Confirm(ctx, "acme", "FR7630006000011234567890188", "ACME", "marie")
	assert.ErrorIs(t, err, ibancheck.ErrChecksum)
	_, err = b.Confirm(ctx, "acme", ibanFR, "SARL", "marie")
	assert.Error(t, err, "a name with nothing to compare")
	_, err = b.Confirm(ctx, "acme", ibanFR, "ACME", " ")
	assert.Error(t, err, "nobody")
	h, err := b.History(ctx, "acme")
	require.NoError(t, err)
	assert.Empty(t, h)
	_, err = b.Check(ctx, ibancheck.Payment{IBAN: ibanFR})
	assert.ErrorIs(t, err, payee.ErrNoPayee)
}

// downStore is a store whose server is down.
type downStore struct{ err error }

func (d downStore) Events(context.Context, string) ([]payee.Event, error) { return nil, d.err }
func (d downStore) Append(context.Context, payee.Event) (payee.Event, error) {
	return payee.Event{}, d.err
}

func TestStoreDownIsAnErrorNeverUnchanged(t *testing.T) {
	ctx := context.Background()
	down := errors.New("connection refused")
	b := payee.NewBook(downStore{down})
	r, err := b.Check(ctx, ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR})
	require.ErrorIs(t, err, down)
	assert.Empty(t, r.Findings, "no half answer when the book cannot be read")
	_, err = b.Confirm(ctx, "acme", ibanFR, "ACME", "marie")
	assert.ErrorIs(t, err, down)
	_, err = b.Revoke(ctx, "acme", ibanFR, "marie")
	assert.ErrorIs(t, err, down)

	// An invalid IBAN needs no book: the answer comes without it.
	r, err = b.Check(ctx, ibancheck.Payment{PayeeID: "acme", IBAN: "FR76"})
	require.NoError(t, err)
	assert.True(t, r.Has(reflex.IBANInvalidLength))

	// A closed store, and a cancelled context.
	m := payee.NewMemoryStore()
	b = payee.NewBook(m)
	require.NoError(t, m.Close())
	_, err = b.Check(ctx, ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR})
	assert.ErrorIs(t, err, payee.ErrClosed)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, err = payee.NewBook(payee.NewMemoryStore()).Check(cctx, ibancheck.Payment{PayeeID: "acme", IBAN: ibanFR})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestEvidenceIsMasked(t *testing.T) {
	ctx := context.Background()
	b := newBook(t)
	_, err := b.Confirm(ctx, "acme", ibanFR, "ACME", "marie")
	require.NoError(t, err)
	r, err := b.Check(ctx, ibancheck.Payment{PayeeID: "acme", IBAN: ibanLT})
	require.NoError(t, err)
	for _, f := range r.Findings {
		assert.False(t, strings.Contains(f.EvidenceText(reflex.English), "3000600001"), f.EvidenceText(reflex.English))
	}
	assert.Equal(t, "France → Lituanie", r.Find(reflex.IBANCountryChanged).EvidenceText(reflex.French))
}
