package ibancheck

import (
	"context"
	"errors"
	"io"
	"strconv"

	"github.com/trustreflex/trustreflex/reflex"
)

// Checker turns an IBAN, as a person typed or pasted it, into a [reflex.Report] of kind
// "iban": iban.valid, or the iban.invalid-* code of the first failed check, and
// iban.non-sepa for a valid account outside the SEPA area. Make one with [New]. It is
// safe for concurrent use.
type Checker struct {
	nonSEPA reflex.Severity
	reg     *Registry // nil: the embedded registry
	err     error     // a bad option: every check returns it
}

// Option configures a [Checker].
type Option func(*Checker)

// WithNonSEPASeverity sets how loudly to warn about a valid IBAN outside the SEPA area
// (default [reflex.Caution]). [reflex.OK] drops the finding.
func WithNonSEPASeverity(s reflex.Severity) Option {
	return func(c *Checker) { c.nonSEPA = s }
}

// WithRegistry replaces the embedded IBAN registry by the one read from r (the format
// of registry.txt, checked by [ReadRegistry]), for a country that changed its IBAN
// format since this version of ibancheck. A bad registry does not panic: [Checker.Err]
// reports it (errors.Is(err, [ErrRegistry])), and every check returns it.
func WithRegistry(r io.Reader) Option {
	return func(c *Checker) {
		reg, err := ReadRegistry(r)
		c.reg = reg
		if c.err == nil {
			c.err = err
		}
	}
}

// New returns a Checker. It needs no configuration: the IBAN registry is compiled in.
func New(opts ...Option) *Checker {
	c := &Checker{nonSEPA: reflex.Caution}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Err reports a bad option given to New (errors.Is(err, ErrRegistry)), or nil.
func (c *Checker) Err() error { return c.err }

// Registry returns the registry the Checker validates with: the embedded one, or the
// one given WithRegistry. Its Parse is the package-level Parse for that registry.
func (c *Checker) Registry() *Registry {
	if c.reg == nil {
		return embedded
	}
	return c.reg
}

var _ reflex.Checker = (*Checker)(nil)

// Check parses subject and reports on it. A malformed IBAN is an answer (a finding);
// the error is only a cancelled context.
func (c *Checker) Check(ctx context.Context, subject string) (reflex.Report, error) {
	if c.err != nil {
		return reflex.Report{Subject: subject, Kind: reflex.KindIBAN}, c.err
	}
	if err := ctx.Err(); err != nil {
		return reflex.Report{Subject: subject, Kind: reflex.KindIBAN}, err
	}
	reg := c.Registry()
	ip, err := reg.Parse(subject)
	r := reflex.NewReport(subject, reflex.KindIBAN, reg.findings(ip, err)...)
	if err == nil && !ip.IsSEPA() && c.nonSEPA > reflex.OK {
		r.Add(reg.nonSEPAFinding(ip, c.nonSEPA))
	}
	return r, nil
}

// Findings returns the findings for the result of Parse: iban.valid for a valid IBAN,
// or the iban.invalid-* finding that err explains. A check of an application's own
// uses it to speak about the IBAN part of what it checks, such as an IBAN that [Find]
// found: Findings(f.IBAN, f.Err). It does not add iban.non-sepa: [Checker] does.
// Country names come from the embedded registry.
func Findings(ip IBAN, err error) []reflex.Finding { return embedded.findings(ip, err) }

func (reg *Registry) findings(ip IBAN, err error) []reflex.Finding {
	if err == nil {
		// Language-neutral facts; the catalogue says them ("France, contrôles réussis").
		params := map[string]string{"country": ip.Country()}
		if k := ip.NationalKey(); k != "" {
			params["key"] = k
		}
		return []reflex.Finding{{Code: reflex.IBANValid, Severity: reflex.OK, Params: params}}
	}
	var e *Error
	if !errors.As(err, &e) {
		return []reflex.Finding{{Code: reflex.IBANInvalidFormat, Severity: reflex.Caution}}
	}
	f := reflex.Finding{Severity: reflex.Caution, Params: map[string]string{}}
	if e.Country != "" {
		f.Params["country"] = e.Country
	}
	switch e.Reason {
	case ReasonLength:
		f.Code = reflex.IBANInvalidLength
		f.Params["length"] = strconv.Itoa(e.Length)
		if e.Want > 0 {
			f.Params["want"] = strconv.Itoa(e.Want)
		}
	case ReasonCountry:
		f.Code = reflex.IBANInvalidCountry
		f.Evidence = e.Country // not an IBAN country: shown as written
		if e.UseCountry != "" {
			f.Params["use"] = e.UseCountry
		}
	case ReasonFormat:
		f.Code = reflex.IBANInvalidFormat
		f.Params["pos"] = strconv.Itoa(e.Pos)
		if e.Char != 0 {
			f.Params["char"] = string(e.Char)
		}
	case ReasonChecksum:
		f.Code = reflex.IBANInvalidChecksum
	case ReasonNationalKey:
		f.Code = reflex.IBANInvalidNationalKey
		f.Severity = reflex.Danger
		f.Params["key"] = e.Key
	default:
		f.Code = reflex.IBANInvalidFormat
	}
	if len(f.Params) == 0 {
		f.Params = nil
	}
	return []reflex.Finding{f}
}

func (reg *Registry) nonSEPAFinding(ip IBAN, sev reflex.Severity) reflex.Finding {
	return reflex.Finding{
		Code:     reflex.IBANNonSEPA,
		Severity: sev,
		Params:   map[string]string{"country": ip.Country()},
	}
}
