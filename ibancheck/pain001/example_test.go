package pain001_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/trustreflex/trustreflex/ibancheck/pain001"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/reflex"
)

// Audit a bank transfer file before sending it.
func ExampleAudit() {
	const file = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn>
	<GrpHdr><MsgId>VIR-0317</MsgId><NbOfTxs>2</NbOfTxs><CtrlSum>6140.10</CtrlSum></GrpHdr>
	<PmtInf><ReqdExctnDt><Dt>2026-03-31</Dt></ReqdExctnDt>
	  <CdtTrfTxInf><PmtId><EndToEndId>FAC-0412</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">4250.00</InstdAmt></Amt>
	    <Cdtr><Nm>Minoterie du Rhône SAS</Nm></Cdtr><CdtrAcct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></CdtrAcct></CdtTrfTxInf>
	  <CdtTrfTxInf><PmtId><EndToEndId>FAC-0419</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">1890.10</InstdAmt></Amt>
	    <Cdtr><Nm>Emballages Lefèvre</Nm></Cdtr><CdtrAcct><Id><IBAN>LT121000011101001000</IBAN></Id></CdtrAcct></CdtTrfTxInf>
	</PmtInf></CstmrCdtTrfInitn></Document>`
	ctx := context.Background()
	book := payee.NewBook(payee.NewMemoryStore())
	// Without a creditor id in the file, the payee is the creditor's name as written.
	book.Confirm(ctx, "Minoterie du Rhône SAS", "FR7630006000011234567890189", "Minoterie du Rhône SAS", "marie")
	book.Confirm(ctx, "Emballages Lefèvre", "FR1420041010050500013M02606", "Emballages Lefèvre", "marie")

	doc, err := pain001.Parse(strings.NewReader(file))
	if err != nil {
		fmt.Println(err) // with the line and the element path
		return
	}
	audit, err := pain001.Audit(ctx, doc, book)
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
	// danger 1 of 2 transfers is flagged, 1 of them to stop.
}
