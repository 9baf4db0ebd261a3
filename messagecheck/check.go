package messagecheck

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck"
)

// Checker checks SMS and mail texts. Its zero value is not usable: call New. It is safe
// for concurrent use when the checkers it holds are.
type Checker struct {
	urls     reflex.Checker
	ibans    reflex.Checker
	orgs     []organisation // bodies and companies of urlcheck's catalogue
	orgWords phraseList     // the words that name them, with their index in orgs
	plan     plan           // ARCEP's numbering plan: what a call costs
}

// Option configures a Checker.
type Option func(*Checker)

// WithURLChecker sets the checker run on every link of a message (default: urlcheck.New()).
func WithURLChecker(c reflex.Checker) Option { return func(m *Checker) { m.urls = c } }

// WithIBANChecker sets the checker run on every IBAN of a message (default: the
// ibancheck validator). A payee book is of no use here: a message names no payee.
func WithIBANChecker(c reflex.Checker) Option { return func(m *Checker) { m.ibans = c } }

// Check extracts the links and IBANs of text, checks each of them, and adds what the
// message itself asks for. The report (kind "message") holds the links' and IBANs'
// findings, their evidence prefixed with the link or the masked IBAN they are about, and
// the message-level findings (message.*). Its subject is the text with IBANs masked,
// cut to a readable length. An error means a link or an IBAN could not be checked (a
// cancelled context).
func (c *Checker) Check(ctx context.Context, text string) (reflex.Report, error) {
	found := Extract(text)
	report := reflex.NewReport(subject(text, found.IBANs), reflex.KindMessage)
	if err := ctx.Err(); err != nil {
		return report, fmt.Errorf("messagecheck: %w", err)
	}
	allOfficial := len(found.Links) > 0
	for _, l := range found.Links {
		r, err := c.urls.Check(ctx, l.Text)
		if errors.Is(err, urlcheck.ErrInvalidURL) {
			continue // not a web address after all: nothing to say about it
		}
		if err != nil {
			return report, fmt.Errorf("messagecheck: link %s: %w", l.Host, err)
		}
		allOfficial = allOfficial && official(r)
		report.Add(about(shorten(l.Text, 80), l.Host, r.Findings)...)
	}
	for _, b := range found.IBANs {
		r, err := c.ibans.Check(ctx, b.Compact)
		if err != nil {
			return report, fmt.Errorf("messagecheck: IBAN %s: %w", ibancheck.Mask(b.Compact), err)
		}
		masked := ibancheck.Mask(b.Compact)
		report.Add(about(masked, masked, r.Findings)...)
	}
	report.Add(c.messageFindings(c.scanSignals(text, len(found.Links) > 0), found, allOfficial)...)
	return report, nil
}

// official reports whether a link's report says it is an official or State site: for
// urlcheck, only those get the verdict OK (an unknown site is at least Info).
func official(r reflex.Report) bool {
	return r.Verdict() == reflex.OK && len(r.Findings) > 0
}

// about copies findings with their evidence prefixed by what they are about, unless it
// already names it (key: the link's host, the masked IBAN).
func about(what, key string, findings []reflex.Finding) []reflex.Finding {
	out := make([]reflex.Finding, len(findings))
	for i, f := range findings {
		switch {
		case f.Evidence == "":
			f.Evidence = what
		case !strings.Contains(f.Evidence, key):
			f.Evidence = what + ": " + f.Evidence
		}
		out[i] = f
	}
	return out
}

// messageFindings turns the message-level signals into findings.
func (c *Checker) messageFindings(s signals, found Found, linksOfficial bool) []reflex.Finding {
	var out []reflex.Finding
	risky := len(found.IBANs) > 0 || len(found.Links) > 0 && !linksOfficial
	contact := risky || len(found.Phones) > 0
	if s.body >= 0 && (s.pay || s.bank) && (risky || len(found.Links) == 0) {
		sev := reflex.Caution // a request to pay without a link or IBAN: by phone, say
		if risky || s.bank {
			sev = reflex.Danger
		}
		o := c.orgs[s.body]
		out = append(out, reflex.Finding{
			Code: reflex.MessagePublicBodyPayment, Severity: sev,
			Evidence: o.name, Suggest: o.site, Params: o.params(),
		})
	}
	premium := slices.ContainsFunc(found.Phones, func(p Phone) bool { t := c.plan.tier(p.Number); return t == TierPremium || t == TierDirectory })
	if s.parcel && (s.parcelFee || s.amount != "" && small(s.amount) || premium) && (contact || len(found.Links) == 0) {
		// the commonest scam SMS: a parcel held for a small fee, paid through a link or
		// a number (or a premium-rate number to call); without either, a caution
		f := reflex.Finding{Code: reflex.MessageParcelFee, Severity: reflex.Caution, Params: map[string]string{}}
		if contact {
			f.Severity = reflex.Danger
		}
		if s.company >= 0 {
			o := c.orgs[s.company]
			f.Suggest, f.Params = o.site, o.params()
		}
		if s.amount != "" {
			f.Params["amount"] = s.amount
		}
		out = append(out, f)
	}
	if s.bankAlert && s.bankCall {
		// the fake bank adviser: a problem with the account, and someone to call
		f := reflex.Finding{Code: reflex.MessageBankAdviser, Severity: reflex.Caution}
		if len(found.Phones) > 0 {
			f.Severity, f.Evidence = reflex.Danger, reflex.PhoneNumber(found.Phones[0].Number)
		} else if risky {
			f.Severity = reflex.Danger
		}
		out = append(out, f)
	}
	out = append(out, c.phoneFindings(s, found.Phones)...)
	if s.newBank {
		sev := reflex.Caution
		if len(found.IBANs) > 0 || len(found.Links) > 0 || s.pay {
			sev = reflex.Danger
		}
		f := reflex.Finding{Code: reflex.MessageNewBankDetails, Severity: sev}
		if len(found.IBANs) > 0 {
			f.Evidence = ibancheck.Mask(found.IBANs[0].Compact)
		}
		out = append(out, f)
	}
	if len(s.urgency) > 0 && (s.pay || s.bank || s.amount != "") {
		out = append(out, reflex.Finding{Code: reflex.MessageUrgentPayment, Severity: reflex.Caution,
			Params: map[string]string{"urgency": strings.Join(s.urgency, ",")}})
	}
	return out
}

// phoneFindings: a premium-rate number to call, and a number given as the contact of
// an organisation whose official numbers the catalogue knows, but not one of them.
func (c *Checker) phoneFindings(s signals, phones []Phone) []reflex.Finding {
	var out []reflex.Finding
	premium, unofficial := false, false
	for _, p := range phones {
		number := reflex.PhoneNumber(p.Number)
		if t := c.plan.tier(p.Number); (t == TierPremium || t == TierDirectory) && !premium {
			premium = true
			out = append(out, reflex.Finding{Code: reflex.MessagePremiumNumber, Severity: reflex.Caution, Evidence: number,
				Params: map[string]string{"number": number, "tier": string(t)}})
		}
		if s.body < 0 || unofficial || len(p.Number) < 4 {
			continue
		}
		o := c.orgs[s.body]
		if len(o.phones) == 0 || slices.Contains(o.phones, p.Number) {
			continue
		}
		unofficial = true
		sev := reflex.Caution
		if s.pay || s.bank {
			sev = reflex.Danger
		}
		params := o.params()
		params["number"] = number
		out = append(out, reflex.Finding{Code: reflex.MessageUnofficialNumber, Severity: sev, Evidence: number,
			Suggest: reflex.PhoneNumber(o.phones[0]), Params: params})
	}
	return out
}

// maxSubjectRunes bounds the subject echoed in reports: a message can be long.
const maxSubjectRunes = 160

// subject is the text with its IBANs masked, on one line, cut to maxSubjectRunes.
func subject(text string, ibans []IBAN) string {
	var b strings.Builder
	last := 0
	for _, iban := range ibans {
		b.WriteString(text[last:iban.Start])
		b.WriteString(ibancheck.Mask(iban.Compact))
		last = iban.End
	}
	if last < len(text) {
		b.WriteString(text[last:min(len(text), MaxBytes)])
	}
	return shorten(strings.Join(strings.Fields(b.String()), " "), maxSubjectRunes)
}

// shorten cuts s to n runes, marking the cut with "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
