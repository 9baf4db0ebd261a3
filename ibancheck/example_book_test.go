package ibancheck_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/reflex"
)

// A payee book against the fake bank details fraud: check every payment, record an
// IBAN only after verifying it with the payee.
func ExampleBook() {
	ctx := context.Background()
	book := ibancheck.NewBook(ibancheck.NewMemoryStore()) // sqlitestore or pgstore in an app

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
		fmt.Printf("%-14s %s\n", given, ibancheck.MatchName("M. Jean Dupont", given))
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
	fmt.Println(ibancheck.NormalizeName("S.A.R.L. Boulangerie Lefèvre-Müller"))
	// Output: boulangerie lefevre muller
}

// Audit a bank transfer file before sending it.
func ExampleAuditPain001() {
	const file = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn>
	<GrpHdr><MsgId>VIR-0317</MsgId><NbOfTxs>2</NbOfTxs><CtrlSum>6140.10</CtrlSum></GrpHdr>
	<PmtInf><ReqdExctnDt><Dt>2026-03-31</Dt></ReqdExctnDt>
	  <CdtTrfTxInf><PmtId><EndToEndId>FAC-0412</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">4250.00</InstdAmt></Amt>
	    <Cdtr><Nm>Minoterie du Rhône SAS</Nm></Cdtr><CdtrAcct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></CdtrAcct></CdtTrfTxInf>
	  <CdtTrfTxInf><PmtId><EndToEndId>FAC-0419</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">1890.10</InstdAmt></Amt>
	    <Cdtr><Nm>Emballages Lefèvre</Nm></Cdtr><CdtrAcct><Id><IBAN>LT121000011101001000</IBAN></Id></CdtrAcct></CdtTrfTxInf>
	</PmtInf></CstmrCdtTrfInitn></Document>`
	ctx := context.Background()
	book := ibancheck.NewBook(ibancheck.NewMemoryStore())
	// Without a creditor id in the file, the payee is the creditor's name as written.
	book.Confirm(ctx, "Minoterie du Rhône SAS", "FR7630006000011234567890189", "Minoterie du Rhône SAS", "marie")
	book.Confirm(ctx, "Emballages Lefèvre", "FR1420041010050500013M02606", "Emballages Lefèvre", "marie")

	doc, err := ibancheck.ParsePain001(strings.NewReader(file))
	if err != nil {
		fmt.Println(err) // with the line and the element path
		return
	}
	audit, err := ibancheck.AuditPain001(ctx, doc, book)
	if err != nil {
		fmt.Println(err) // the book could not be read
		return
	}
	for _, r := range audit.Transfers {
		fmt.Println(r.Verdict(), r.Subject)
	}
	fmt.Println(audit.Summary.Verdict(), audit.Summary.Findings[0].Message(reflex.English))
	// Output:
	// ok FAC-0412: Minoterie du Rhône SAS 4250.00 EUR
	// danger FAC-0419: Emballages Lefèvre 1890.10 EUR
	// danger 1 of 2 transfers are flagged, 1 of them to stop.
}
