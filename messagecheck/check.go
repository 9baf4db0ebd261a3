package messagecheck

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck"
)

// Checker checks SMS and mail texts. Its zero value is not usable: call New. It is safe
// for concurrent use when the checkers it holds are.
type Checker struct {
	urls  reflex.Checker
	ibans reflex.Checker
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
	report.Add(messageFindings(scanSignals(text, len(found.Links) > 0), found, allOfficial)...)
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
func messageFindings(s signals, found Found, linksOfficial bool) []reflex.Finding {
	var out []reflex.Finding
	risky := len(found.IBANs) > 0 || len(found.Links) > 0 && !linksOfficial
	if s.body != nil && (s.pay || s.bank) && (risky || len(found.Links) == 0) {
		sev := reflex.Caution // a request to pay without a link or IBAN: by phone, say
		if risky || s.bank {
			sev = reflex.Danger
		}
		out = append(out, reflex.Finding{
			Code: reflex.MessagePublicBodyPayment, Severity: sev,
			Evidence: s.body.name, Suggest: s.body.site,
			Params: map[string]string{"org": s.body.name},
		})
	}
	if s.newBank != "" {
		sev := reflex.Caution
		if len(found.IBANs) > 0 || len(found.Links) > 0 || s.pay {
			sev = reflex.Danger
		}
		out = append(out, reflex.Finding{Code: reflex.MessageNewBankDetails, Severity: sev, Evidence: s.newBank})
	}
	if s.urgent != "" && (s.pay || s.bank || s.amount) {
		out = append(out, reflex.Finding{Code: reflex.MessageUrgentPayment, Severity: reflex.Caution, Evidence: s.urgent})
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
		b.WriteString(text[last:min(len(text), MaxMessageBytes)])
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
