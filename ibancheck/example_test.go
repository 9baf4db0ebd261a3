package ibancheck_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/reflex"
)

// A payment form checks the IBAN a person pasted, then warns in plain words.
func Example() {
	for _, input := range []string{
		"fr76 3000 6000 0112 3456 7890 189", // fine, as pasted
		"FR84 2004 1010 0505 0001 3M02 607", // from an "IBAN calculator": clé RIB wrong
		"GP76 3000 6000 0112 3456 7890 189", // Guadeloupe uses FR IBANs
	} {
		ip, err := ibancheck.Parse(input)
		var e *ibancheck.Error
		switch {
		case err == nil:
			fmt.Println(ip.Masked(), "ok, SEPA:", ip.IsSEPA())
		case errors.Is(err, ibancheck.ErrNationalKey):
			fmt.Println("forged-looking:", err)
		case errors.As(err, &e) && e.UseCountry != "":
			fmt.Println("use", e.UseCountry, "instead of", e.Country)
		default:
			fmt.Println(err)
		}
	}

	report, _ := ibancheck.New().Check(context.Background(), "FR84 2004 1010 0505 0001 3M02 607")
	fmt.Println(report.Verdict(), "→", report.Findings[0].Reflex(reflex.French))
	// Output:
	// FR76 **** **** 0189 ok, SEPA: true
	// forged-looking: ibancheck: FR IBAN passes mod 97 but its national key (clé RIB) is wrong
	// use FR instead of GP
	// danger → Ne faites pas ce virement. Appelez le bénéficiaire au numéro que vous connaissez, pas celui du message.
}

func ExampleParseBIC() {
	bic, err := ibancheck.ParseBIC("bnpa fr pp")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bic, bic.Institution(), bic.Country(), bic.Branch())
	// Output: BNPAFRPP BNPA FR XXX
}

func ExampleIBAN_Masked() {
	ip := ibancheck.MustParse("DE89 3704 0044 0532 0130 00")
	fmt.Println(ip.Masked())
	fmt.Println(ibancheck.Mask("de89 3704 0044 0532 0130 0X")) // invalid, still masked
	// Output:
	// DE89 **** **** 3000
	// DE89 **** **** 300X
}

func ExampleParse() {
	ip, err := ibancheck.Parse("fr14 2004 1010 0505 0001 3m02 606")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ip)
	fmt.Println(ip.Print())
	fmt.Println(ip.Masked())
	fmt.Println(ip.Country(), ip.BankCode(), ip.BranchCode(), ip.IsSEPA())
	// Output:
	// FR1420041010050500013M02606
	// FR14 2004 1010 0505 0001 3M02 606
	// FR14 **** **** 2606
	// FR 20041 01005 true
}

func ExampleValidate() {
	// An IBAN from an online "IBAN calculator": mod 97 is right, the clé RIB is not.
	err := ibancheck.Validate("FR84 2004 1010 0505 0001 3M02 607")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ibancheck.ErrNationalKey))

	var e *ibancheck.Error
	if errors.As(ibancheck.Validate("FR14 2004 1010 0505 00#1 3M02 606"), &e) {
		fmt.Println(e.Reason, "at character", e.Pos)
	}
	// Output:
	// ibancheck: FR IBAN passes mod 97 but its national key (clé RIB) is wrong
	// true
	// format at character 19
}

func ExampleChecker() {
	checker := ibancheck.New()
	report, err := checker.Check(context.Background(), "FR84 2004 1010 0505 0001 3M02 607")
	if err != nil {
		panic(err) // only a cancelled context
	}
	fmt.Println(report.Verdict())
	for _, f := range report.Findings {
		fmt.Println(f.Code, "-", f.EvidenceText(reflex.English))
		fmt.Println(f.Reflex(reflex.English))
	}
	// Output:
	// danger
	// iban.invalid-national-key - France
	// Do not make this transfer. Call the payee on the number you know, not the one in the message.
}

// Find the IBANs of a message: where they are, valid or why not, and how to show them.
func ExampleFind() {
	msg := "Bonjour, nos coordonnées bancaires ont changé. Nouveau RIB : fr84 2004 1010 0505 0001 3m02 607. " +
		"L'ancien (FR76 3000 6000 0112 3456 7890 189) est clos."
	for f := range ibancheck.Find(msg) {
		if f.Err != nil {
			fmt.Printf("%d-%d %s: %v\n", f.Start, f.End, f.Masked(), f.Err)
			continue
		}
		fmt.Printf("%d-%d %s: %s\n", f.Start, f.End, f.IBAN.Masked(), ibancheck.CountryName(f.IBAN.Country()))
	}
	// Output:
	// 63-96 FR84 **** **** 2607: ibancheck: FR IBAN passes mod 97 but its national key (clé RIB) is wrong
	// 108-141 FR76 **** **** 0189: France
}

func ExampleMask() {
	fmt.Println(ibancheck.Mask("IBAN: fr76 3000 6000 0112 3456 7890 189"))
	fmt.Println(ibancheck.Mask("FR76-3000-6000-0112-3456-7890-18")) // invalid, still masked
	fmt.Println(ibancheck.Mask("FR76 3000"))                        // too short to show a part
	// Output:
	// FR76 **** **** 0189
	// FR76 **** **** 9018
	// ****
}

func ExampleLength() {
	n, ok := ibancheck.Length("FR")
	fmt.Println(n, ok)
	_, ok = ibancheck.Length("GP") // Guadeloupe uses FR IBANs
	fmt.Println(ok)
	// Output:
	// 27 true
	// false
}

// Check a payment without a payee book: the IBAN, and a BIC of another country.
func ExampleChecker_CheckPayment() {
	r, err := ibancheck.New().CheckPayment(context.Background(), ibancheck.Payment{
		IBAN: "FR76 3000 6000 0112 3456 7890 189",
		BIC:  "DEUTDEFF",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range r.Findings {
		fmt.Println(f.Severity, f.Code, f.EvidenceText(reflex.English))
	}
	// Output:
	// caution iban.bic-mismatch BIC DEUTDEFF: Germany instead of France
	// ok iban.valid France, checks passed (including: RIB key)
}
