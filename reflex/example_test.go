package reflex_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/trustreflex/trustreflex/reflex"
)

// A check answers with a report; its verdict says how loudly to warn and each finding
// carries the reflex to show, in French by default.
func Example() {
	report := reflex.NewReport("https://ants-gouv.fr/carte-grise", reflex.KindURL,
		reflex.Finding{Code: reflex.URLInsecure, Severity: reflex.Caution},
		reflex.Finding{
			Code:     reflex.URLLookalike,
			Severity: reflex.Danger,
			Evidence: "ants-gouv.fr ~ ants.gouv.fr",
			Suggest:  "https://ants.gouv.fr/",
		},
	)
	fmt.Println(report.Verdict())
	first := report.Findings[0]
	fmt.Println(first.Code)
	fmt.Println(first.Reflex(reflex.French))
	fmt.Println(first.Reflex(reflex.English))
	// Output:
	// danger
	// url.lookalike
	// Ne saisissez rien et ne payez rien. Tapez vous-même l'adresse officielle : https://ants.gouv.fr/
	// Do not enter anything and do not pay. Type the official address yourself: https://ants.gouv.fr/
}

// The Encoder writes the wire format of the CLI and the HTTP API: one JSON object per
// line, and an error object for a subject that could not be checked.
func ExampleEncoder() {
	enc := reflex.NewEncoder(os.Stdout, reflex.English)
	_ = enc.Encode(reflex.NewReport("FR76 3000 6000 0112 3456 7890 189", reflex.KindIBAN,
		reflex.Finding{Code: reflex.IBANValid, Severity: reflex.OK}))
	_ = enc.EncodeError("/home/me/missing.pdf", reflex.KindFile,
		&fs.PathError{Op: "open", Path: "/home/me/missing.pdf", Err: fs.ErrNotExist})
	// Output:
	// {"subject":"FR76 3000 6000 0112 3456 7890 189","kind":"iban","verdict":"ok","findings":[{"code":"iban.valid","severity":"ok","message":"The IBAN is well formed.","reflex":"A well-formed IBAN is not always the right one: check it matches the bank details you know."}]}
	// {"subject":"/home/me/missing.pdf","kind":"file","error":"No such file or folder: /home/me/missing.pdf."}
}

// CheckerFunc turns a function into a Checker, handy for tests and small adapters.
func ExampleCheckerFunc() {
	var c reflex.Checker = reflex.CheckerFunc(func(ctx context.Context, s string) (reflex.Report, error) {
		return reflex.NewReport(s, reflex.KindURL), nil
	})
	r, _ := c.Check(context.Background(), "https://www.impots.gouv.fr/")
	fmt.Println(r.Subject, r.Verdict())
	// Output: https://www.impots.gouv.fr/ ok
}

// A TextEncoder writes reports for a person: the verdict word, the subject, the reflex
// of the first finding, then what was seen. Errors say what happened in plain words.
func ExampleTextEncoder() {
	enc := reflex.NewTextEncoder(os.Stdout, reflex.English)
	_ = enc.Encode(reflex.NewReport("https://ants-gouv.fr/carte-grise", reflex.KindURL,
		reflex.Finding{Code: reflex.URLGouvToken, Severity: reflex.Danger, Suggest: "https://ants.gouv.fr/"},
		reflex.Finding{Code: reflex.URLLookalike, Severity: reflex.Danger, Evidence: "ants-gouv.fr ~ ants.gouv.fr", Suggest: "https://ants.gouv.fr/"},
	))
	_ = enc.EncodeError("/home/me/missing.pdf", reflex.KindFile,
		&fs.PathError{Op: "open", Path: "/home/me/missing.pdf", Err: fs.ErrNotExist})
	// Output:
	// DANGER       https://ants-gouv.fr/carte-grise
	//   → Do not enter anything and do not pay. Type the official address yourself: https://ants.gouv.fr/
	//   · This address imitates an official site (https://ants.gouv.fr/). It is the mark of a scam. [ants-gouv.fr ~ ants.gouv.fr]
	//   · This address contains "gouv" but is not a State site. Only .gouv.fr sites are.
	// ERROR        /home/me/missing.pdf
	//   ! No such file or folder: /home/me/missing.pdf.
}

// A package's person-facing errors are Problems: developers keep their text and
// errors.Is, people read the catalogue's words in their language.
func ExampleErrorText() {
	err := fmt.Errorf("open book: %w", &reflex.Problem{
		ID:     reflex.TextNoBook,
		Params: map[string]string{"path": "payees.db"},
		Err:    errors.New("payee: no book at payees.db"),
	})
	fmt.Println(err)
	fmt.Println(reflex.ErrorText(err, reflex.English))
	// Output:
	// open book: payee: no book at payees.db
	// No payee book there: payees.db. Check the path, or record a first payee to create it.
}
