// Package reflex is the shared model of trustreflex: every check (urlcheck, ibancheck,
// docstore, messagecheck) answers with a [Report] of [Finding]s, and this package turns
// them into a verdict, plain-language messages and the one safe action to take (the
// reflex), in French or English.
//
// # What to call first
//
// A check gives you a [Report]. Ask it for its [Report.Verdict] to decide how loudly to
// warn, then show the reflex of its first finding (the most useful action) and what was
// seen:
//
//	report, err := checker.Check(ctx, subject)
//	if err != nil { // could not check at all
//		fmt.Println(reflex.ErrorText(err, reflex.French)) // never err.Error(): that is for logs
//		return
//	}
//	if report.Verdict() >= reflex.Caution {
//		fmt.Println(report.Findings[0].Reflex(reflex.French))
//	}
//
// or let a [TextEncoder] (for a terminal or a log a person reads) or an [Encoder] (JSON
// lines, the wire format of the CLI and the HTTP API) write it.
//
// # The model
//
//   - [Severity] orders how loudly to warn: [OK] < [Info] < [Caution] < [Danger];
//     [Severity.Label] is its word for a person ("Vérifié", "À savoir", "Attention",
//     "Danger").
//   - [Code] names a finding ("url.lookalike", "iban.changed"). Codes are stable.
//   - [Finding] is one fact: code, severity, evidence (one line of language-neutral
//     fact, never a full secret), an optional safe suggestion (the official address, the
//     known IBAN masked) and Params, the language-neutral values of its texts.
//   - [Report] is what was checked (Subject, Kind) and its findings, in a deterministic
//     order: severity descending, then the catalogue's priority of the code (so that the
//     first reflex is the most useful one), then code.
//   - [Checker] is the interface every check implements. Its error means only "could
//     not check"; a bad IBAN or a lookalike site is an answer, given as findings.
//
// # Texts
//
// The catalogue holds, for every Code, a short message and a reflex in French (the
// default, the zero [Lang]) and English, written for people who are not at ease with
// digital tools, and optionally how its evidence reads. [Finding.Message],
// [Finding.Reflex] and [Finding.EvidenceText] render them from the finding's Params:
// dates ("6 décembre 2026"), amounts ("4 250,00 €"), counts and words of a vocabulary
// ("numéro de sécurité sociale") are written in the reader's language and French
// typography, and every value that comes from the input goes through [Printable], so
// that no control character reaches a terminal.
//
// Texts that are not a finding's live in the same catalogue, by [TextID]: labels
// ([Labels]) and errors. A package's errors that a person may read are [Problem]s (or
// any [TextError]); [ErrorText] renders the first one in an error's chain, or a plain
// sentence for a missing file, a refused access or a cancelled check.
//
// [ParseLang] reads "fr" or "en" (any case, with a region); [LangFromLocale] and
// [LangFromAcceptLanguage] choose a language from the environment or an HTTP request.
//
// # Wire format
//
// [Encoder] writes one JSON object per report and per line, the format shared by the
// trustcheck CLI (--json) and the HTTP API, with every text in the reader's language:
//
//	{"subject":"...","kind":"url","verdict":"danger","findings":[{"code":"url.lookalike",...}]}
//
// A subject that could not be checked is written as {"subject":...,"kind":...,"error":"..."}.
package reflex
