// Command embed-messagecheck shows how a messaging or mail application warns about an
// SMS or a mail: one Check per message gives the findings of its links and IBANs and
// what the message itself asks for.
//
//	go run ./examples/embed-messagecheck < sms.txt
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/trustreflex/trustreflex/messagecheck"
	"github.com/trustreflex/trustreflex/reflex"
)

func main() {
	if err := run(os.Stdout, os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer, in io.Reader) error {
	text, err := io.ReadAll(io.LimitReader(in, messagecheck.MaxBytes))
	if err != nil {
		return err
	}
	checker := messagecheck.New() // urlcheck and ibancheck inside; safe for concurrent use
	report, err := checker.Check(context.Background(), string(text))
	if err != nil {
		return err
	}
	fmt.Fprintln(w, report.Verdict())
	if report.Verdict() >= reflex.Caution {
		fmt.Fprintln(w, report.Findings[0].Reflex(reflex.French)) // the one thing to do
		for _, f := range report.Findings {
			fmt.Fprintf(w, "- %s [%s]\n", f.Code, f.EvidenceText(reflex.French)) // evidence in the reader's language
		}
	}
	return nil
}
