package pii_test

import (
	"fmt"
	"strings"

	"github.com/trustreflex/trustreflex/docstore/pii"
)

func ExampleScan() {
	text := `Numéro fiscal : 01 23 456 789 211
IBAN : FR76 3000 6000 0112 3456 7890 189
SIRET : 362 521 879 00035, commande 4012 8888 8888 1881`
	matches, err := pii.Scan(strings.NewReader(text), pii.WithRejected())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range matches {
		fmt.Printf("%s at %d: %s (checksum %s, context %s, personal %v)\n", m.Kind, m.Offset, m.Masked, m.Checksum, m.Context, m.Personal())
	}
	fmt.Println(pii.Kinds(matches))
	// Output:
	// spi at 17: 0* ** *** *** *11 (checksum valid, context positive, personal true)
	// iban at 42: FR76 **** **** 0189 (checksum valid, context positive, personal true)
	// card at 112: **** **** **** 1881 (checksum valid, context negative, personal false)
	// [iban spi]
}
