package payee_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/reflex"
)

// A payee book against the fake bank details fraud: check every payment, record an
// IBAN only after verifying it with the payee.
func ExampleBook() {
	ctx := context.Background()
	book := payee.NewBook(payee.NewMemoryStore()) // sqlitestore or pgstore in an app

	// The first payment to a supplier: no IBAN verified yet.
	r, _ := book.Check(ctx, ibancheck.Payment{PayeeID: "F-0042", IBAN: "FR76 3000 6000 0112 3456 7890 189"})
	fmt.Println(r.Verdict(), r.Findings[0].Code)

	// The accountant called the supplier on the number she already had, then records it.
	if _, err := book.Confirm(ctx, "F-0042", "FR7630006000011234567890189", "Minoterie du Rhône SAS", "marie"); err != nil {
		fmt.Println(err)
	}
	r, _ = book.Check(ctx, ibancheck.Payment{PayeeID: "F-0042", Name: "MINOTERIE DU RHONE", IBAN: "FR7630006000011234567890189"})
	fmt.Println(r.Verdict())

	// "Our bank details have changed": a new IBAN, abroad.
	r, _ = book.Check(ctx, ibancheck.Payment{PayeeID: "F-0042", IBAN: "LT121000011101001000"})
	fmt.Println(r.Verdict())
	for _, f := range r.Findings {
		fmt.Println(strings.TrimSpace("  " + string(f.Code) + " " + f.Suggest)) // Suggest: the verified IBAN, masked
	}
	fmt.Println(r.Findings[0].Reflex(reflex.French))
	// Output:
	// caution iban.new-payee
	// ok
	// danger
	// iban.changed FR76 **** **** 0189
	// iban.country-changed
	// iban.valid
	// Ne payez pas. Appelez votre créancier au numéro que vous connaissez, pas celui du message.
}

func ExampleMatchName() {
	for _, given := range []string{"DUPONT Jean", "Jaen Dupont", "Jean Dupond", "J. Dupont", "Maxime Dupont", "M."} {
		fmt.Printf("%-14s %s\n", given, payee.MatchName("M. Jean Dupont", given))
	}
	// Output:
	// DUPONT Jean    match
	// Jaen Dupont    close match
	// Jean Dupond    close match
	// J. Dupont      close match
	// Maxime Dupont  no match
	// M.             not possible
}

func ExampleNormalizeName() {
	fmt.Println(payee.NormalizeName("S.A.R.L. Boulangerie Lefèvre-Müller"))
	// Output: boulangerie lefevre muller
}
