package payee

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/reflex"
)

// Book answers "is this IBAN unchanged for this payee?", the reflex against the fake
// bank details fraud ("our bank details have changed"): it compares the IBAN of a
// payment with the one the person verified earlier for the same payee.
//
// Check never records anything. An IBAN becomes known only through Confirm, called
// after the person verified it with the payee (by phone, on the number they already
// knew), so a fraudster's IBAN never becomes "unchanged" by being paid once. Revoke
// withdraws an IBAN (account closed, found fraudulent). The history is append-only.
//
// A Book is safe for concurrent use, as its Store is.
type Book struct {
	store   Store
	checker *ibancheck.Checker
	now     func() time.Time
}

// Option configures a Book.
type Option func(*Book)

// WithChecker sets the validator whose findings (iban.valid, iban.invalid-*,
// iban.non-sepa, iban.bic-mismatch) start every report, and whose registry
// (ibancheck.New(ibancheck.WithRegistry(...))) the book parses IBANs with, in Check,
// Confirm and Revoke. The default is ibancheck.New().
func WithChecker(c *ibancheck.Checker) Option { return func(b *Book) { b.checker = c } }

// WithClock sets the clock that dates confirmations and revocations (default time.Now).
func WithClock(now func() time.Time) Option { return func(b *Book) { b.now = now } }

// NewBook returns a Book keeping its history in store ([NewMemoryStore], or the stores
// of packages sqlitestore and pgstore, or one that bookopen.Open opens from a path or URL).
func NewBook(store Store, opts ...Option) *Book {
	b := &Book{store: store, checker: ibancheck.New(), now: time.Now}
	for _, o := range opts {
		o(b)
	}
	return b
}

// Checker returns the validator the book checks IBANs with (see [WithChecker]).
func (b *Book) Checker() *ibancheck.Checker { return b.checker }

// ErrNoPayee is returned for a payment or a confirmation without a payee identifier.
var ErrNoPayee = &reflex.Problem{ID: reflex.TextNoPayee, Err: errors.New("payee: no payee identifier")}

// ErrNotConfirmed is returned by Revoke for an IBAN that is not a confirmed, unrevoked
// IBAN of the payee.
var ErrNotConfirmed = &reflex.Problem{ID: reflex.TextNotConfirmed, Err: errors.New("payee: this IBAN is not confirmed for this payee")}

// Check returns the report of a payment, of kind "payment" with the IBAN as subject:
// the findings of [ibancheck.Checker.CheckPayment] (the IBAN, the BIC's country), then
// what the book knows. An IBAN that does not parse gets only the validator's findings.
// Otherwise, by the payee's history:
//
//   - no confirmed IBAN: iban.new-payee (caution);
//   - the confirmed IBAN: iban.unchanged (ok);
//   - another one: iban.changed (danger, Suggest = the confirmed IBAN masked), with
//     iban.country-changed (danger) when its country differs, and iban.revoked
//     (danger) when it is an IBAN the book revoked;
//   - a name, for an IBAN the book knows for this payee: compared with the holder
//     recorded for it (MatchName): iban.name-match (ok), iban.name-close-match
//     (caution, with the recorded name), iban.name-mismatch (danger),
//     iban.name-not-possible (info: nothing left to compare).
//
// The error means only "could not check": the store is down or ctx is done. It is
// never reported as a known or unchanged IBAN.
func (b *Book) Check(ctx context.Context, p ibancheck.Payment) (reflex.Report, error) {
	none := reflex.Report{Subject: p.IBAN, Kind: reflex.KindPayment}
	if p.PayeeID == "" {
		return none, ErrNoPayee
	}
	report, err := b.checker.CheckPayment(ctx, p)
	if err != nil {
		return none, err
	}
	ip, err := b.checker.Registry().Parse(p.IBAN)
	if err != nil {
		return report, nil // the validator's findings say it all
	}
	history, err := b.store.Events(ctx, p.PayeeID)
	if err != nil {
		return none, fmt.Errorf("payee: book: %w", err)
	}
	st := fold(history)
	report.Add(st.ibanFindings(ip)...)
	if strings.TrimSpace(p.Name) != "" {
		if f, ok := st.nameFinding(ip, p.Name); ok {
			report.Add(f)
		}
	}
	return report, nil
}

// Confirm records that by verified iban for payee, with the holder's name, and makes it
// the payee's current IBAN. Call it only after the person checked the IBAN with the
// payee through a channel they already trusted. An invalid IBAN is refused.
func (b *Book) Confirm(ctx context.Context, payee, iban, name, by string) (Event, error) {
	ip, err := b.eventArgs(payee, iban, by)
	if err != nil {
		return Event{}, err
	}
	name = strings.Join(strings.Fields(name), " ")
	if NormalizeName(name) == "" {
		return Event{}, fmt.Errorf("payee: confirm: the holder's name %q has nothing to compare later", name)
	}
	e, err := b.store.Append(ctx, Event{Payee: payee, Kind: Confirmed, IBAN: ip.String(), Name: name, By: by, At: b.now()})
	if err != nil {
		return Event{}, fmt.Errorf("payee: book: %w", err)
	}
	return e, nil
}

// Revoke records that iban must no longer be paid to payee. If it was the current
// IBAN, the payee has none until the next Confirm. It returns ErrNotConfirmed when
// iban is not a confirmed, unrevoked IBAN of the payee.
func (b *Book) Revoke(ctx context.Context, payee, iban, by string) (Event, error) {
	ip, err := b.eventArgs(payee, iban, by)
	if err != nil {
		return Event{}, err
	}
	history, err := b.store.Events(ctx, payee)
	if err != nil {
		return Event{}, fmt.Errorf("payee: book: %w", err)
	}
	if st := fold(history); !st.active[ip.String()] {
		return Event{}, fmt.Errorf("%w (%s)", ErrNotConfirmed, ip.Masked())
	}
	e, err := b.store.Append(ctx, Event{Payee: payee, Kind: Revoked, IBAN: ip.String(), By: by, At: b.now()})
	if err != nil {
		return Event{}, fmt.Errorf("payee: book: %w", err)
	}
	return e, nil
}

// History returns every event of the payee, oldest first.
func (b *Book) History(ctx context.Context, payee string) ([]Event, error) {
	if payee == "" {
		return nil, ErrNoPayee
	}
	h, err := b.store.Events(ctx, payee)
	if err != nil {
		return nil, fmt.Errorf("payee: book: %w", err)
	}
	return h, nil
}

func (b *Book) eventArgs(payee, iban, by string) (ibancheck.IBAN, error) {
	if payee == "" {
		return ibancheck.IBAN{}, ErrNoPayee
	}
	if strings.TrimSpace(by) == "" {
		return ibancheck.IBAN{}, errors.New("payee: say who verified the IBAN (by)")
	}
	if err := b.checker.Err(); err != nil {
		return ibancheck.IBAN{}, err
	}
	ip, err := b.checker.Registry().Parse(iban)
	if err != nil {
		return ibancheck.IBAN{}, err
	}
	return ip, nil
}

// payeeState is a payee's history folded: the current IBAN, the IBANs that may be paid
// (at most the current one) and what happened to every other.
type payeeState struct {
	known   bool             // the payee has a history
	current *Event           // the confirmation of the current IBAN, or nil
	active  map[string]bool  // IBANs confirmed and not revoked since (the current one)
	revoked map[string]Event // IBANs whose last event is a revocation
	holder  map[string]Event // last confirmation of every IBAN ever confirmed
}

// fold reads a history in order. A confirmation makes its IBAN current (the previous
// one is superseded: a payee has one account to pay); a revocation ends its IBAN.
func fold(history []Event) payeeState {
	st := payeeState{known: len(history) > 0, active: map[string]bool{}, revoked: map[string]Event{}, holder: map[string]Event{}}
	for i := range history {
		e := &history[i]
		switch e.Kind {
		case Confirmed:
			clear(st.active)
			st.active[e.IBAN] = true
			delete(st.revoked, e.IBAN)
			st.holder[e.IBAN] = *e
			st.current = e
		case Revoked:
			delete(st.active, e.IBAN)
			st.revoked[e.IBAN] = *e
			if st.current != nil && st.current.IBAN == e.IBAN {
				st.current = nil
			}
		}
	}
	return st
}

func day(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// ibanFindings compares ip with the payee's confirmed IBAN.
func (st payeeState) ibanFindings(ip ibancheck.IBAN) []reflex.Finding {
	iban := ip.String()
	var out []reflex.Finding
	if r, ok := st.revoked[iban]; ok {
		out = append(out, reflex.Finding{
			Code: reflex.IBANRevoked, Severity: reflex.Danger,
			Params: map[string]string{"date": day(r.At), "by": r.By},
		})
	}
	switch {
	case st.current == nil && len(out) == 0:
		reason := "none" // reflex vocabulary "newpayee"
		if st.known {
			reason = "all-revoked"
		}
		out = append(out, reflex.Finding{Code: reflex.IBANNewPayee, Severity: reflex.Caution, Params: map[string]string{"reason": reason}})
	case st.current == nil:
	case st.current.IBAN == iban:
		out = append(out, reflex.Finding{
			Code: reflex.IBANUnchanged, Severity: reflex.OK,
			Params: map[string]string{"date": day(st.current.At), "by": st.current.By},
		})
	default:
		known := ibancheck.Mask(st.current.IBAN)
		out = append(out, reflex.Finding{
			Code: reflex.IBANChanged, Severity: reflex.Danger,
			Suggest: known,
			Params:  map[string]string{"iban": ip.Masked(), "known": known, "date": day(st.current.At)},
		})
		if was := st.current.IBAN[:2]; was != ip.Country() {
			out = append(out, reflex.Finding{
				Code: reflex.IBANCountryChanged, Severity: reflex.Danger,
				Params: map[string]string{"from": was, "to": ip.Country()},
			})
		}
	}
	return out
}

// nameFinding compares the given name with the holder recorded for ip. For an IBAN
// the book does not know for this payee there is no holder to compare with, and
// iban.new-payee or iban.changed already asks to call the payee: no name finding.
func (st payeeState) nameFinding(ip ibancheck.IBAN, given string) (reflex.Finding, bool) {
	h, ok := st.holder[ip.String()]
	if !ok {
		return reflex.Finding{}, false
	}
	switch MatchName(h.Name, given) {
	case NameMatch:
		return reflex.Finding{Code: reflex.IBANNameMatch, Severity: reflex.OK}, true
	case NameCloseMatch:
		return reflex.Finding{Code: reflex.IBANNameCloseMatch, Severity: reflex.Caution, Params: map[string]string{"name": h.Name}}, true
	case NameNoMatch:
		return reflex.Finding{Code: reflex.IBANNameMismatch, Severity: reflex.Danger}, true
	}
	return reflex.Finding{Code: reflex.IBANNameNotPossible, Severity: reflex.Info}, true
}
