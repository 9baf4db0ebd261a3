// Package reflex is the shared vocabulary of trustreflex: every check (urlcheck,
// ibancheck, docstore) answers with a Report of Findings, and this package turns them
// into a verdict, plain-language messages and the one safe action to take (the reflex),
// in French or English.
//
// # What to call first
//
// A check gives you a Report. Ask it for its Verdict to decide how loudly to warn, then
// show the reflex of each finding, the most severe first:
//
//	report, err := checker.Check(ctx, subject) // err: could not check at all
//	if report.Verdict() >= reflex.Caution {
//		for _, f := range report.Findings {
//			fmt.Println(f.Reflex(reflex.French))
//		}
//	}
//
// # The model
//
//   - Severity orders how loudly to warn: OK < Info < Caution < Danger.
//   - Code names a finding ("url.lookalike", "iban.changed"). Codes are stable.
//   - Finding is one fact: code, severity, evidence (one line, never a full secret),
//     an optional safe suggestion (the official address, the known IBAN masked) and
//     parameters for the texts.
//   - Report is what was checked (Subject, Kind) and its findings, kept in a
//     deterministic order: severity descending, then code.
//   - Checker is the interface every check implements. Its error means only "could not
//     check"; a bad IBAN or a lookalike site is an answer, given as findings.
//
// # Texts
//
// The catalogue holds, for every Code, a short message and a reflex in French (the
// default, the zero Lang) and English, written for people who are not at ease with
// digital tools. Finding.Message and Finding.Reflex render them.
//
// # Wire format
//
// Encoder writes one JSON object per report and per line, the format shared by the
// trustcheck CLI (--json) and the HTTP API:
//
//	{"subject":"...","kind":"url","verdict":"danger","findings":[{"code":"url.lookalike",...}]}
//
// A subject that could not be checked is written as {"subject":...,"kind":...,"error":"..."}.
package reflex
