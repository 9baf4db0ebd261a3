package pain001_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/ibancheck/pain001"
	"github.com/trustreflex/trustreflex/internal/langwords"
	"github.com/trustreflex/trustreflex/reflex"
)

// TestDuplicateElements: every element the audit reads, allowed once by the schema, is
// refused when it appears twice in the same place (the attacker's value first, the
// expected one last, or the reverse), and so are two alternatives of a choice. Such a
// file is never audited as OK.
func TestDuplicateElements(t *testing.T) {
	const attacker = "LT121000011101001000"
	good := tx("10.00", ibanFR)
	twice := func(old, new string) string { return strings.Replace(good, old, new, 1) }
	for _, tc := range []struct {
		name, xml, element string
	}{
		{"two IBANs, the attacker's first", doc(ns03, "1", "", pmtInf("", twice("<IBAN>"+ibanFR+"</IBAN>",
			"<IBAN>"+attacker+"</IBAN><IBAN>"+ibanFR+"</IBAN>"))), "PmtInf/CdtTrfTxInf/CdtrAcct/Id/IBAN"},
		{"two creditor accounts", doc(ns03, "1", "", pmtInf("", twice("</CdtrAcct>",
			"</CdtrAcct><CdtrAcct><Id><IBAN>"+attacker+"</IBAN></Id></CdtrAcct>"))), "PmtInf/CdtTrfTxInf/CdtrAcct"},
		{"IBAN and another account", doc(ns03, "1", "", pmtInf("", twice("</IBAN>", "</IBAN><Othr><Id>123</Id></Othr>"))),
			"PmtInf/CdtTrfTxInf/CdtrAcct/Id/Othr"},
		{"two names", doc(ns03, "1", "", pmtInf("", twice("<Nm>C</Nm>", "<Nm>Escroc</Nm><Nm>C</Nm>"))), "PmtInf/CdtTrfTxInf/Cdtr/Nm"},
		{"two amounts", doc(ns03, "1", "", pmtInf("", twice("</InstdAmt>", `</InstdAmt><InstdAmt Ccy="EUR">9000</InstdAmt>`))),
			"PmtInf/CdtTrfTxInf/Amt/InstdAmt"},
		{"amount and its equivalent", doc(ns03, "1", "", pmtInf("", twice("</InstdAmt>", `</InstdAmt><EqvtAmt><Amt Ccy="EUR">9000</Amt></EqvtAmt>`))),
			"PmtInf/CdtTrfTxInf/Amt/EqvtAmt"},
		{"two BICs", doc(ns03, "1", "", pmtInf("", twice("<Cdtr>", "<CdtrAgt><FinInstnId><BIC>AAAALTXX</BIC><BICFI>SOGEFRPP</BICFI></FinInstnId></CdtrAgt><Cdtr>"))),
			"PmtInf/CdtTrfTxInf/CdtrAgt/FinInstnId/BICFI"},
		{"two end-to-end ids", doc(ns03, "1", "", pmtInf("", twice("</EndToEndId>", "</EndToEndId><EndToEndId>F</EndToEndId>"))),
			"PmtInf/CdtTrfTxInf/PmtId/EndToEndId"},
		{"two creditor ids", doc(ns03, "1", "", pmtInf("", twice("</Nm></Cdtr>", "</Nm><Id><OrgId><Othr><Id>F-1</Id><Id>F-2</Id></Othr></OrgId></Id></Cdtr>"))),
			"PmtInf/CdtTrfTxInf/Cdtr/Id/OrgId/Othr/Id"},
		{"organisation and person", doc(ns03, "1", "", pmtInf("", twice("</Nm></Cdtr>", "</Nm><Id><OrgId/><PrvtId/></Id></Cdtr>"))),
			"PmtInf/CdtTrfTxInf/Cdtr/Id/PrvtId"},
		{"two debtor IBANs", doc(ns03, "1", "", pmtInf("<DbtrAcct><Id><IBAN>"+ibanFR+"</IBAN><IBAN>"+attacker+"</IBAN></Id></DbtrAcct>", good)),
			"PmtInf/DbtrAcct/Id/IBAN"},
		{"two execution dates", doc(ns03, "1", "", strings.Replace(pmtInf("", good), "</Dt>", "</Dt><DtTm>2026-01-03T00:00:00</DtTm>", 1)),
			"PmtInf/ReqdExctnDt/DtTm"},
		{"two group headers", strings.Replace(doc(ns03, "1", "", pmtInf("", good)), "<PmtInf>", "<GrpHdr><MsgId>M2</MsgId></GrpHdr><PmtInf>", 1), "GrpHdr"},
		{"two message ids", strings.Replace(doc(ns03, "1", "", pmtInf("", good)), "</MsgId>", "</MsgId><MsgId>M2</MsgId>", 1), "GrpHdr/MsgId"},
		{"two control sums", doc(ns03, "1", "<CtrlSum>10.00</CtrlSum><CtrlSum>10.00</CtrlSum>", pmtInf("", good)), "GrpHdr/CtrlSum"},
		{"two remittance blocks", doc(ns03, "1", "", pmtInf("", twice("</CdtrAcct>", "</CdtrAcct><RmtInf><Ustrd>a</Ustrd></RmtInf><RmtInf><Ustrd>b</Ustrd></RmtInf>"))),
			"PmtInf/CdtTrfTxInf/RmtInf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := pain001.Parse(strings.NewReader(tc.xml))
			require.ErrorIs(t, err, pain001.ErrDuplicate)
			require.ErrorIs(t, err, pain001.ErrInvalid)
			var pe *pain001.Error
			require.True(t, errors.As(err, &pe))
			assert.Equal(t, tc.element, pe.Element)
			fr := reflex.ErrorText(err, reflex.French)
			assert.Contains(t, fr, "N'envoyez pas")
			assert.Contains(t, fr, tc.element)
			assert.Empty(t, langwords.Foreign(fr, "fr"))
			assert.Contains(t, reflex.ErrorText(err, reflex.English), "appears twice")
		})
	}
}

// TestRepeatsTheSchemaAllows: PmtInf, CdtTrfTxInf, Ustrd and the creditor's Othr may
// repeat; elements the audit does not read are not judged.
func TestRepeatsTheSchemaAllows(t *testing.T) {
	good := tx("10.00", ibanFR)
	ok := strings.Replace(good, "</CdtrAcct>", "</CdtrAcct><RmtInf><Ustrd>FACTURE 1</Ustrd><Ustrd>FACTURE 2</Ustrd></RmtInf>"+
		"<RgltryRptg/><RgltryRptg/>", 1)
	ok = strings.Replace(ok, "</Nm></Cdtr>", "</Nm><Id><OrgId><Othr><Id>F-1</Id></Othr><Othr><Id>SIRET</Id></Othr></OrgId></Id></Cdtr>", 1)
	d, err := pain001.Parse(strings.NewReader(doc(ns03, "3", "", pmtInf("", ok, good)+pmtInf("", good))))
	require.NoError(t, err)
	tx := d.Payments[0].Transfers[0]
	assert.Equal(t, "FACTURE 1 FACTURE 2", tx.Remittance)
	assert.Equal(t, "F-1", tx.CreditorID)
	a, err := pain001.Audit(context.Background(), d, nil)
	require.NoError(t, err)
	assert.Len(t, a.Transfers, 3)
}

// TestRemittanceIsBounded: many Ustrd lines cannot grow one value without bound.
func TestRemittanceIsBounded(t *testing.T) {
	many := strings.Replace(tx("10.00", ibanFR), "</CdtrAcct>", "</CdtrAcct><RmtInf>"+strings.Repeat("<Ustrd>0123456789</Ustrd>", 1000)+"</RmtInf>", 1)
	_, err := pain001.Parse(strings.NewReader(doc(ns03, "1", "", pmtInf("", many))))
	require.ErrorIs(t, err, pain001.ErrInvalid)
	assert.Contains(t, err.Error(), "remittance")
}

// TestMarkupGuardKeepsValidSyntax: the markup bounds follow quotes, comments, CDATA and
// processing instructions, so a valid file that uses them still parses.
func TestMarkupGuardKeepsValidSyntax(t *testing.T) {
	body := strings.Replace(tx("10.00", ibanFR), "<IBAN>"+ibanFR+"</IBAN>", "<IBAN><![CDATA["+ibanFR+"]]></IBAN>", 1)
	xml := strings.Replace(doc(ns03, "1", "", "<!-- lot > 1 - ok --><?app a>b?>"+pmtInf("", body)), "<Document",
		`<Document xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="a > b"`, 1)
	d, err := pain001.Parse(strings.NewReader(xml))
	require.NoError(t, err)
	assert.Equal(t, ibanFR, d.Payments[0].Transfers[0].IBAN)
}
