package messagecheck_test

import (
	"context"
	"fmt"

	"github.com/trustreflex/trustreflex/messagecheck"
	"github.com/trustreflex/trustreflex/reflex"
)

func Example() {
	checker := messagecheck.New()
	sms := "INFO ANTAI : avis de contravention impayé. Réglez 35 € sous 24h sur antai-gouv-amendes.net"
	report, err := checker.Check(context.Background(), sms)
	if err != nil {
		fmt.Println("could not check:", err)
		return
	}
	fmt.Println(report.Verdict())
	fmt.Println(report.Findings[0].Reflex(reflex.English))
	fmt.Println(report.Has(reflex.MessageUrgentPayment))
	// Output:
	// danger
	// Do not click and do not pay. Go to the official site yourself: https://www.antai.gouv.fr/
	// true
}

func ExampleExtract() {
	found := messagecheck.Extract("Nouveau RIB : FR76 3000 6000 0112 3456 7890 189, détails sur bit.ly/3xYzA.")
	for _, l := range found.Links {
		fmt.Println("link:", l.Text, "host:", l.Host)
	}
	fmt.Println("IBANs:", len(found.IBANs))
	// Output:
	// link: bit.ly/3xYzA host: bit.ly
	// IBANs: 1
}
