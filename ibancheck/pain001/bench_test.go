package pain001_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/trustreflex/trustreflex/ibancheck/pain001"
)

// BenchmarkParse reads a file of 10 000 transfers (about 5 MB), as a payroll or
// supplier run of a mid-sized company.
func BenchmarkParse(b *testing.B) {
	var txs strings.Builder
	for i := range 10_000 {
		fmt.Fprintf(&txs, `<CdtTrfTxInf><PmtId><EndToEndId>E2E-%06d</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">%d.%02d</InstdAmt></Amt>`+
			`<CdtrAgt><FinInstnId><BICFI>SOGEFRPP</BICFI></FinInstnId></CdtrAgt><Cdtr><Nm>Fournisseur %06d SARL</Nm></Cdtr>`+
			`<CdtrAcct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></CdtrAcct><RmtInf><Ustrd>FACTURE %06d</Ustrd></RmtInf></CdtTrfTxInf>`+"\n",
			i, 100+i, i%100, i, i)
	}
	data := []byte(doc(ns03, "10000", "", pmtInf("", txs.String())))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pain001.Parse(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
