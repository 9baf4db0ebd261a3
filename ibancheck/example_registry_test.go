package ibancheck_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/reflex"
)

// A country joined the IBAN registry after this version of ibancheck was built: the
// application ships the updated registry file and gives it to New. Here the file is
// ibancheck's own registry.txt with one fictitious country added.
func ExampleWithRegistry() {
	data, err := os.ReadFile("registry.txt") // in an application: its updated copy
	if err != nil {
		fmt.Println(err)
		return
	}
	updated := string(data) + "ZZ  18  4!a10!n  1-4  -  5-14  no  ZZ78TRST0123456789  Zedland\n"

	c := ibancheck.New(ibancheck.WithRegistry(strings.NewReader(updated)))
	if err := c.Err(); err != nil {
		fmt.Println(err) // a bad registry: ErrRegistry, with the line at fault
		return
	}
	r, _ := c.Check(context.Background(), "ZZ78 TRST 0123 4567 89")
	fmt.Println(r.Verdict(), r.Find(reflex.IBANValid).EvidenceText(reflex.English), r.Has(reflex.IBANNonSEPA))

	ip, _ := c.Registry().Parse("ZZ78TRST0123456789")
	fmt.Println(ip.Country(), ip.BankCode(), ip.AccountNumber())

	fmt.Println(ibancheck.Validate("ZZ78TRST0123456789")) // the package-level functions keep the embedded registry

	bad := ibancheck.New(ibancheck.WithRegistry(strings.NewReader("ZZ 18 4!a10!n 1-4 - 5-14 no ZZ79TRST0123456789 Zedland\n")))
	fmt.Println(bad.Err())
	// Output:
	// caution ZZ, checks passed true
	// ZZ TRST 0123456789
	// ibancheck: ZZ is not an IBAN country code
	// ibancheck: bad IBAN registry: line 1: ZZ: example ZZ79TRST0123456789: fails ISO 7064 mod 97-10
}
