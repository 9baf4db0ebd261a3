package reflex

import (
	"cmp"
	"context"
	"slices"
)

// Code names a finding. Codes are stable, dotted and lower-case ("url.lookalike",
// "iban.changed"); they are extended, never renamed. Every Code has an entry in the
// catalogue of texts (see Message and Reflex).
type Code string

// Kinds of subject, as they appear in Report.Kind and the wire format.
const (
	KindURL     = "url"
	KindIBAN    = "iban"
	KindPayment = "payment"
	KindFile    = "file"
	KindStore   = "store"
	KindMessage = "message"
)

// Finding is one fact about a subject, with how loudly to warn about it.
type Finding struct {
	Code     Code
	Severity Severity
	// Evidence is one line of fact, language-neutral where possible:
	// "ants-gouv.fr ~ ants.gouv.fr". It never holds a secret or a full personal number.
	Evidence string
	// Suggest is an optional safe target: the official URL, the known IBAN (masked), ...
	Suggest string
	// Params fills the {placeholders} of the code's message and reflex.
	Params map[string]string
}

// Report is what a check answers about one subject. It is a plain value.
type Report struct {
	Subject  string // what was checked, as given
	Kind     string // KindURL, KindIBAN, ...
	Findings []Finding
}

// NewReport returns a report whose findings are in the canonical order (see Sort).
func NewReport(subject, kind string, findings ...Finding) Report {
	r := Report{Subject: subject, Kind: kind, Findings: findings}
	r.Sort()
	return r
}

// Add appends findings and keeps the canonical order.
func (r *Report) Add(findings ...Finding) {
	r.Findings = append(r.Findings, findings...)
	r.Sort()
}

// Sort puts findings in the canonical, deterministic order: severity descending, then
// the catalogue's priority of the code (the most useful reflex first, see
// priority.go), then code, then evidence, then suggestion.
func (r *Report) Sort() {
	slices.SortStableFunc(r.Findings, compareFindings)
}

func compareFindings(a, b Finding) int {
	if c := cmp.Compare(b.Severity, a.Severity); c != 0 {
		return c
	}
	if c := cmp.Compare(rankOf(a.Code), rankOf(b.Code)); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Code, b.Code); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Evidence, b.Evidence); c != 0 {
		return c
	}
	return cmp.Compare(a.Suggest, b.Suggest)
}

// Verdict is the highest severity among the findings, or OK when there is none.
func (r Report) Verdict() Severity {
	v := OK
	for _, f := range r.Findings {
		v = max(v, f.Severity)
	}
	return v
}

// Has reports whether the report holds a finding with this code.
func (r Report) Has(code Code) bool {
	return r.Find(code) != nil
}

// Find returns the first finding with this code, or nil.
func (r Report) Find(code Code) *Finding {
	for i := range r.Findings {
		if r.Findings[i].Code == code {
			return &r.Findings[i]
		}
	}
	return nil
}

// Checker is what every check implements. An error means only "could not check"
// (unreadable file, store down, cancelled context); a malformed IBAN or a lookalike URL
// is an answer, given as findings.
type Checker interface {
	Check(ctx context.Context, subject string) (Report, error)
}

// CheckerFunc adapts a function to the Checker interface.
type CheckerFunc func(ctx context.Context, subject string) (Report, error)

// Check calls f.
func (f CheckerFunc) Check(ctx context.Context, subject string) (Report, error) {
	return f(ctx, subject)
}
