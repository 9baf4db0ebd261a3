package docstore_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/trustreflex/trustreflex/docstore"
	"github.com/trustreflex/trustreflex/reflex"
)

func ExampleInspector_InspectReader() {
	upload := "Bulletin de paie\nN° de sécurité sociale : 1 85 05 78 006 084 91\n"
	in := docstore.NewInspector()
	report, err := in.InspectReader(context.Background(), "bulletin.txt", strings.NewReader(upload), int64(len(upload)))
	if err != nil {
		fmt.Println("could not check:", err)
		return
	}
	fmt.Println(report.Verdict())
	for _, f := range report.Findings {
		fmt.Printf("%s: %s [%s]\n", f.Code, f.Message(reflex.English), f.EvidenceText(reflex.English))
	}
	// Output:
	// caution
	// store.sensitive: Personal data can be read in clear: social security number. [1 ** ** ** *** *** 91]
	// store.plaintext: The content is not encrypted: anyone who gets the file can read it. [text]
}

func ExampleInspector_Check() {
	in := docstore.NewInspector()
	report, err := in.Check(context.Background(), "testdata/fixtures/weak-pdf-empty-user.pdf")
	if err != nil {
		fmt.Println("could not check:", err)
		return
	}
	weak := report.Find(reflex.StoreWeakEncryption)
	fmt.Println(report.Verdict(), weak.Code)
	fmt.Println(weak.EvidenceText(reflex.English))
	// it opens without a secret, so its content is read too
	fmt.Println(report.Find(reflex.StoreSensitive).EvidenceText(reflex.English))
	// Output:
	// caution store.weak-encryption
	// PDF /V 5 /R 6, AES-256 (empty user password, opens without a secret)
	// 1 ** ** ** *** *** 91
}
