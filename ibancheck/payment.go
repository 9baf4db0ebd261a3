package ibancheck

import (
	"context"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
)

// Payment is what a person is about to pay, as the application knows it. A Checker
// checks its account (CheckPayment); a payee book (package payee) also compares it
// with the account verified earlier for the same payee.
type Payment struct {
	PayeeID string // the payee's identifier in the application: supplier id, contact id, ...
	Name    string // optional: the account holder's name on the invoice or the RIB
	IBAN    string // as typed, pasted or read from a file: spaces and case do not matter
	BIC     string // optional
}

// CheckPayment checks the account of p without a payee book: the findings of Check on
// p.IBAN, then iban.bic-mismatch when p.BIC is given and malformed or of another country
// than the IBAN. The report has kind "payment" and p.IBAN as subject. PayeeID and Name
// are not used: comparing them needs the history a payee.Book keeps.
//
// The error means only "could not check": a bad option given to New, or ctx is done.
func (c *Checker) CheckPayment(ctx context.Context, p Payment) (reflex.Report, error) {
	r, err := c.Check(ctx, p.IBAN)
	if err != nil {
		return reflex.Report{Subject: p.IBAN, Kind: reflex.KindPayment}, err
	}
	r.Kind = reflex.KindPayment
	if ip, err := c.Registry().Parse(p.IBAN); err == nil {
		if f, ok := bicFinding(p.BIC, ip); ok {
			r.Add(f)
		}
	}
	return r, nil
}

// bicFinding checks that a BIC, when given, is well formed and of the IBAN's country.
func bicFinding(s string, ip IBAN) (reflex.Finding, bool) {
	if strings.TrimSpace(s) == "" {
		return reflex.Finding{}, false
	}
	bic, err := ParseBIC(s)
	if err != nil {
		return reflex.Finding{Code: reflex.IBANBICMismatch, Severity: reflex.Caution, Params: map[string]string{"bic": s}}, true
	}
	if bic.MatchesIBANCountry(ip) {
		return reflex.Finding{}, false
	}
	return reflex.Finding{
		Code: reflex.IBANBICMismatch, Severity: reflex.Caution,
		Params: map[string]string{"bic": bic.String(), "from": bic.Country(), "to": ip.Country()},
	}, true
}
