// Command embed-ibancheck shows how a banking or accounting application guards its
// transfer form against the fake bank details fraud: the payee book remembers the IBAN
// the person confirmed with each payee, and Check compares every new payment with it.
//
//	go run ./examples/embed-ibancheck
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/reflex"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	ctx := context.Background()
	// In memory here; bookopen.Open(ctx, "payees.db") (or a postgres:// URL) keeps it for good.
	book := payee.NewBook(payee.NewMemoryStore())

	// Once, after the person checked the IBAN with the landlord by phone:
	if _, err := book.Confirm(ctx, "landlord", "FR76 3000 6000 0112 3456 7890 189", "Jean Martin", "me"); err != nil {
		return err
	}

	// Then at every transfer, as the person types:
	for _, p := range []ibancheck.Payment{
		{PayeeID: "landlord", Name: "Jean Martin", IBAN: "FR76 3000 6000 0112 3456 7890 189"},
		{PayeeID: "landlord", Name: "Jean Martin", IBAN: "FR76 3000 4000 0312 3456 7890 143"}, // "our bank details have changed"
		{PayeeID: "plumber", IBAN: "FR21 3000 6000 0112 3456 7890 112"},                       // forged RIB key
	} {
		report, err := book.Check(ctx, p)
		if err != nil { // the book could not be read: do not say "unchanged"
			return err
		}
		fmt.Fprintf(w, "%s %s: %s\n", p.PayeeID, ibancheck.Mask(p.IBAN), report.Verdict()) // "FR76 **** **** 0189": safe to log
		if report.Verdict() >= reflex.Caution {
			fmt.Fprintf(w, "  %s\n", report.Findings[0].Reflex(reflex.English))
		}
	}
	return nil
}
