package pain001_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/internal/golden"

	"github.com/trustreflex/trustreflex/ibancheck/pain001"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/reflex"
)

const (
	ibanFR = "FR7630006000011234567890189"
	ibanLT = "LT121000011101001000"
)

// downStore is a payee store whose database is down.
type downStore struct{ err error }

func (d downStore) Events(context.Context, string) ([]payee.Event, error) { return nil, d.err }
func (d downStore) Append(context.Context, payee.Event) (payee.Event, error) {
	return payee.Event{}, d.err
}

func parseFile(t *testing.T, name string) *pain001.Document {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	defer f.Close()
	doc, err := pain001.Parse(f)
	require.NoError(t, err)
	return doc
}

func TestParseV03(t *testing.T) {
	doc := parseFile(t, "pain.001.001.03.xml")
	assert.Equal(t, "pain.001.001.03", doc.Version)
	assert.Equal(t, "VIR-2026-03-0017", doc.MsgID)
	assert.Equal(t, "2026-03-27T09:14:03", doc.CreatedAt)
	assert.Equal(t, "4", doc.NbOfTxs)
	assert.Equal(t, "8765.43", doc.CtrlSum)
	assert.Equal(t, "BOULANGERIE MARTIN SARL", doc.Initiator)
	require.Len(t, doc.Payments, 2)
	pi := doc.Payments[0]
	assert.Equal(t, "PmtInf[1]", pi.Path)
	assert.Equal(t, "LOT-FOURNISSEURS-0317", pi.ID)
	assert.Equal(t, "TRF", pi.Method)
	assert.Equal(t, "2026-03-31", pi.ExecutionDate, "plain ReqdExctnDt")
	assert.Equal(t, "FR7610107001011234567890129", pi.DebtorIBAN)
	assert.Equal(t, "BREDFRPPXXX", pi.DebtorBIC)
	assert.Equal(t, "3", pi.NbOfTxs)
	assert.Equal(t, "7015.43", pi.CtrlSum)
	require.Len(t, pi.Transfers, 3)
	tx := pi.Transfers[0]
	assert.Equal(t, "PmtInf[1]/CdtTrfTxInf[1]", tx.Path)
	assert.Equal(t, "INSTR-0317-001", tx.InstrID)
	assert.Equal(t, "FAC-2026-0412", tx.EndToEndID)
	assert.Equal(t, "4250.00", tx.Amount)
	assert.Equal(t, "EUR", tx.Currency)
	assert.Equal(t, "MINOTERIE DU RHONE SAS", tx.Creditor)
	assert.Equal(t, "F-0042", tx.CreditorID)
	assert.Equal(t, "FR7630006000011234567890189", tx.IBAN)
	assert.Equal(t, "SOGEFRPP", tx.BIC, "BIC in .03")
	assert.Equal(t, "FACTURE 2026-0412 FARINE T65", tx.Remittance)
	assert.Equal(t, "", pi.Transfers[2].BIC)
	assert.Equal(t, "FR14 2004 1010 0505 0001 3M02 606", doc.Payments[1].Transfers[0].IBAN, "as written")
	assert.Empty(t, doc.ControlErrors())
}

func TestParseV09(t *testing.T) {
	doc := parseFile(t, "pain.001.001.09.xml")
	assert.Equal(t, "pain.001.001.09", doc.Version, "namespace with a prefix")
	assert.Equal(t, "Cabinet Moreau & Associés", doc.Initiator)
	pi := doc.Payments[0]
	assert.Equal(t, "2026-04-28", pi.ExecutionDate, "ReqdExctnDt wrapped in Dt")
	assert.Equal(t, "AGRIFRPP", pi.DebtorBIC, "BICFI")
	require.Len(t, pi.Transfers, 3)
	assert.Equal(t, "CMCIFRPP", pi.Transfers[0].BIC, "BICFI")
	assert.Equal(t, "SAL-007", pi.Transfers[0].CreditorID, "PrvtId")
	assert.Equal(t, "2310.55", pi.Transfers[0].Amount)
	assert.Empty(t, doc.ControlErrors(), "5921.17 is exact, whatever a float says")
}

// doc builds a pain.001 file around transfers, with the given group header counts.
func doc(ns, grpNb, grpSum, pmtInf string) string {
	return `<?xml version="1.0"?><Document` + ns + `><CstmrCdtTrfInitn><GrpHdr><MsgId>M1</MsgId>` +
		`<CreDtTm>2026-01-01T00:00:00</CreDtTm><NbOfTxs>` + grpNb + `</NbOfTxs>` + grpSum +
		`<InitgPty><Nm>X</Nm></InitgPty></GrpHdr>` + pmtInf + `</CstmrCdtTrfInitn></Document>`
}

func pmtInf(extra string, txs ...string) string {
	return `<PmtInf><PmtInfId>P</PmtInfId><PmtMtd>TRF</PmtMtd>` + extra +
		`<ReqdExctnDt><Dt>2026-01-02</Dt></ReqdExctnDt><Dbtr><Nm>D</Nm></Dbtr>` + strings.Join(txs, "") + `</PmtInf>`
}

func tx(amount, iban string) string {
	return `<CdtTrfTxInf><PmtId><EndToEndId>E</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">` + amount +
		`</InstdAmt></Amt><Cdtr><Nm>C</Nm></Cdtr><CdtrAcct><Id><IBAN>` + iban + `</IBAN></Id></CdtrAcct></CdtTrfTxInf>`
}

const ns03 = ` xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"`

func TestParseErrors(t *testing.T) {
	good := tx("10.00", ibanFR)
	for _, tc := range []struct {
		name, xml string
		is        error
		contains  []string
	}{
		{"empty", "", pain001.ErrNotCreditTransfer, nil},
		{"not XML", "IBAN;Montant\nFR76...;12,50\n", pain001.ErrNotCreditTransfer, nil},
		{"direct debit", `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"><CstmrDrctDbtInitn/></Document>`,
			pain001.ErrNotCreditTransfer, []string{"pain.008"}},
		{"other root", `<html><body/></html>`, pain001.ErrNotCreditTransfer, []string{"html"}},
		{"decimal comma", doc(ns03, "1", "", pmtInf("", tx("12,50", ibanFR))), pain001.ErrInvalid,
			[]string{"Document/CstmrCdtTrfInitn/PmtInf[1]/CdtTrfTxInf[1]/Amt/InstdAmt", `"12,50"`, "line 1"}},
		{"exponent", doc(ns03, "1", "", pmtInf("", tx("1e3", ibanFR))), pain001.ErrInvalid, []string{"InstdAmt"}},
		{"too many decimals", doc(ns03, "1", "", pmtInf("", tx("1.123456", ibanFR))), pain001.ErrInvalid, nil},
		{"negative", doc(ns03, "1", "", pmtInf("", tx("-5.00", ibanFR))), pain001.ErrInvalid, nil},
		{"bad count", doc(ns03, "two", "", pmtInf("", good)), pain001.ErrInvalid, []string{"GrpHdr/NbOfTxs"}},
		{"bad control sum", doc(ns03, "1", "<CtrlSum>10.OO</CtrlSum>", pmtInf("", good)), pain001.ErrInvalid, []string{"GrpHdr/CtrlSum"}},
		{"no amount", doc(ns03, "1", "", pmtInf("", `<CdtTrfTxInf><CdtrAcct><Id><IBAN>X</IBAN></Id></CdtrAcct></CdtTrfTxInf>`)),
			pain001.ErrInvalid, []string{"PmtInf[1]/CdtTrfTxInf[1]", "no amount"}},
		{"no account", doc(ns03, "1", "", pmtInf("", `<CdtTrfTxInf><Amt><InstdAmt Ccy="EUR">1</InstdAmt></Amt></CdtTrfTxInf>`)),
			pain001.ErrInvalid, []string{"no creditor account"}},
		{"no currency", doc(ns03, "1", "", pmtInf("", strings.Replace(good, ` Ccy="EUR"`, "", 1))), pain001.ErrInvalid, []string{"currency"}},
		{"digits for a currency", doc(ns03, "1", "", pmtInf("", strings.Replace(good, ` Ccy="EUR"`, ` Ccy="000"`, 1))), pain001.ErrInvalid, []string{"currency"}},
		{"empty PmtInf", doc(ns03, "0", "", pmtInf("")), pain001.ErrInvalid, []string{"PmtInf[1]", "no CdtTrfTxInf"}},
		{"no PmtInf", doc(ns03, "0", "", ""), pain001.ErrInvalid, []string{"no PmtInf"}},
		{"truncated", doc(ns03, "1", "", pmtInf("", good))[:300], nil, []string{"line 1", "CstmrCdtTrfInitn/PmtInf[1]/", "unexpected EOF"}},
		{"DTD", `<?xml version="1.0"?><!DOCTYPE Document [<!ENTITY x "y">]>` + doc(ns03, "1", "", pmtInf("", good)),
			pain001.ErrInvalid, []string{"DTD"}},
		{"deep", doc(ns03, "1", "", pmtInf(strings.Repeat("<X>", 40)+strings.Repeat("</X>", 40), good)),
			pain001.ErrInvalid, []string{"deeper"}},
		{"long value", doc(ns03, "1", "", pmtInf("", strings.Replace(good, "<Nm>C</Nm>", "<Nm>"+strings.Repeat("C", 5000)+"</Nm>", 1))),
			pain001.ErrInvalid, []string{"Cdtr/Nm", "longer"}},
		{"two documents", doc(ns03, "1", "", pmtInf("", good)) + doc(ns03, "1", "", pmtInf("", good)), pain001.ErrInvalid, []string{"second"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := pain001.Parse(strings.NewReader(tc.xml))
			require.Error(t, err)
			var pe *pain001.Error
			require.True(t, errors.As(err, &pe), "%T: %v", err, err)
			if tc.is != nil {
				assert.ErrorIs(t, err, tc.is)
			}
			for _, s := range tc.contains {
				assert.Contains(t, err.Error(), s)
			}
		})
	}
}

func TestParseIsNamespaceAgnostic(t *testing.T) {
	body := pmtInf("", tx("10.00", ibanFR))
	for ns, version := range map[string]string{
		"": "", ns03: "pain.001.001.03",
		` xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"`: "pain.001.001.09",
		` xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.05"`: "pain.001.001.05",
	} {
		d, err := pain001.Parse(strings.NewReader(doc(ns, "1", "", body)))
		require.NoError(t, err, ns)
		assert.Equal(t, version, d.Version)
		assert.Equal(t, "2026-01-02", d.Payments[0].ExecutionDate)
	}
}

func TestParseEncodings(t *testing.T) {
	latin1 := strings.Replace(doc("", "1", "", pmtInf("", tx("10.00", ibanFR))), "<Nm>C</Nm>", "<Nm>Lef\xe8vre</Nm>", 1)
	for _, enc := range []string{"ISO-8859-1", "iso-8859-15", "windows-1252"} {
		d, err := pain001.Parse(strings.NewReader(strings.Replace(latin1, `<?xml version="1.0"?>`, `<?xml version="1.0" encoding="`+enc+`"?>`, 1)))
		require.NoError(t, err, enc)
		assert.Equal(t, "Lefèvre", d.Payments[0].Transfers[0].Creditor, enc)
	}
	// A byte order mark and CRLF line ends, as Windows software writes them.
	bom := "\xef\xbb\xbf" + strings.ReplaceAll(doc(ns03, "1", "", pmtInf("", tx("10.00", ibanFR))), "><", ">\r\n<")
	_, err := pain001.Parse(strings.NewReader(bom))
	require.NoError(t, err, "BOM")
	_, err = pain001.Parse(strings.NewReader(strings.Replace(latin1, `<?xml version="1.0"?>`, `<?xml version="1.0" encoding="EBCDIC"?>`, 1)))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "use UTF-8")
}

func TestParseSizeLimit(t *testing.T) {
	big := doc(ns03, "1", "", pmtInf("", tx("10.00", ibanFR)))
	_, err := pain001.Parse(strings.NewReader(big), pain001.WithMaxBytes(int64(len(big))))
	require.NoError(t, err, "exactly at the limit")
	_, err = pain001.Parse(strings.NewReader(big), pain001.WithMaxBytes(int64(len(big)-1)))
	require.ErrorIs(t, err, pain001.ErrTooLarge)
	_, err = pain001.Parse(strings.NewReader(big+strings.Repeat(" ", 200)), pain001.WithMaxBytes(int64(len(big)+10)))
	require.ErrorIs(t, err, pain001.ErrTooLarge, "trailing bytes count too")
}

func TestControlErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		xml  string
		want []pain001.ControlError
	}{
		{"exact decimals", doc(ns03, "3", "<CtrlSum>0.6</CtrlSum>", pmtInf("<NbOfTxs>3</NbOfTxs><CtrlSum>0.60</CtrlSum>",
			tx("0.1", ibanFR), tx("0.2", ibanFR), tx("0.30", ibanFR))), nil},
		{"one transfer more", doc(ns03, "1", "<CtrlSum>10.00</CtrlSum>", pmtInf("", tx("10.00", ibanFR), tx("9000.00", ibanLT))),
			[]pain001.ControlError{{"GrpHdr", "NbOfTxs", "1", "2"}, {"GrpHdr", "CtrlSum", "10.00", "9010.00"}}},
		{"an amount changed", doc(ns03, "2", "", pmtInf("<NbOfTxs>2</NbOfTxs><CtrlSum>20.00</CtrlSum>", tx("10.00", ibanFR), tx("10.01", ibanFR))),
			[]pain001.ControlError{{"PmtInf[1]", "CtrlSum", "20.00", "20.01"}}},
		{"many decimals", doc(ns03, "2", "<CtrlSum>0.00002</CtrlSum>", pmtInf("", tx("0.00001", ibanFR), tx("0.00001", ibanFR))), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := pain001.Parse(strings.NewReader(tc.xml))
			require.NoError(t, err)
			assert.Equal(t, tc.want, d.ControlErrors())
		})
	}
}

// newBook returns a book on a memory store whose clock advances a day per call from
// 2026-01-05.
func newBook(t *testing.T) *payee.Book {
	t.Helper()
	now := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	return payee.NewBook(payee.NewMemoryStore(), payee.WithClock(func() time.Time {
		now = now.Add(24 * time.Hour)
		return now
	}))
}

// goldenBook is the payee book of the audit golden files: what the accounting team
// confirmed before the payment run.
func goldenBook(t *testing.T) *payee.Book {
	ctx := context.Background()
	b := newBook(t)
	for _, c := range [][3]string{
		{"F-0042", ibanFR, "Minoterie du Rhône SAS"},                                // unchanged
		{"EMBALLAGES LEFEVRE", "FR1420041010050500013M02606", "Emballages Lefèvre"}, // the file pays Lithuania
		{"SCI LES TILLEULS", "FR1420041010050500013M02606", "SCI Les Tilleuls"},     // unchanged, foreign BIC
		{"SAL-007", "FR7610107001011234567890129", "Claire Durand"},
		{"SAL-012", "BE68539007547034", "Paul Girad"}, // a typo when it was recorded
		// SAL-019 is a new employee.
	} {
		_, err := b.Confirm(ctx, c[0], c[1], c[2], "compta")
		require.NoError(t, err)
	}
	return b
}

func TestAuditGolden(t *testing.T) {
	for _, name := range []string{"pain.001.001.03.xml", "pain.001.001.09.xml"} {
		t.Run(name, func(t *testing.T) {
			d := parseFile(t, name)
			a, err := pain001.Audit(context.Background(), d, goldenBook(t))
			require.NoError(t, err)
			var buf bytes.Buffer
			enc := reflex.NewEncoder(&buf, reflex.French)
			for _, r := range append(a.Transfers, a.Summary) {
				require.NoError(t, r.Validate())
				require.NoError(t, enc.Encode(r))
			}
			golden.Equal(t, filepath.Join("testdata", "audit."+strings.TrimSuffix(name, ".xml")+".golden.jsonl"), buf.Bytes())
		})
	}
}

func TestAudit(t *testing.T) {
	d := parseFile(t, "pain.001.001.03.xml")
	a, err := pain001.Audit(context.Background(), d, goldenBook(t))
	require.NoError(t, err)
	require.Len(t, a.Transfers, 4)
	verdicts := []reflex.Severity{}
	for _, r := range a.Transfers {
		assert.Equal(t, reflex.KindPayment, r.Kind)
		verdicts = append(verdicts, r.Verdict())
	}
	assert.Equal(t, []reflex.Severity{reflex.OK, reflex.Danger, reflex.Caution, reflex.Caution}, verdicts)
	assert.True(t, a.Transfers[1].Has(reflex.IBANCountryChanged), "a French supplier paid in Lithuania")
	assert.True(t, a.Transfers[2].Has(reflex.IBANNewPayee))
	assert.True(t, a.Transfers[3].Has(reflex.IBANBICMismatch))
	assert.Equal(t, "FAC-2026-0412: MINOTERIE DU RHONE SAS 4250.00 EUR", a.Transfers[0].Subject)
	assert.Equal(t, "PmtInf[1]/CdtTrfTxInf[3]: M. Jean Dupont 875.33 EUR", a.Transfers[2].Subject)
	assert.Equal(t, reflex.KindFile, a.Summary.Kind)
	f := a.Summary.Find(reflex.PaymentBatchFlagged)
	require.NotNil(t, f)
	assert.Equal(t, reflex.Danger, f.Severity)
	assert.Equal(t, map[string]string{"total": "4", "flagged": "3", "danger": "1", "amount": "8765.43 EUR"}, f.Params)

	// Without a book: the validator and the BIC only.
	a, err = pain001.Audit(context.Background(), d, nil)
	require.NoError(t, err)
	for _, r := range a.Transfers {
		assert.False(t, r.Has(reflex.IBANNewPayee) || r.Has(reflex.IBANUnchanged), r.Subject)
	}

	// A store that is down fails the audit: never a clean summary.
	_, err = pain001.Audit(context.Background(), d, payee.NewBook(downStore{errors.New("down")}))
	require.Error(t, err)
}

func TestAuditControlMismatch(t *testing.T) {
	d, err := pain001.Parse(strings.NewReader(doc(ns03, "1", "", pmtInf("", tx("10.00", ibanFR), tx("10.00", ibanFR)))))
	require.NoError(t, err)
	a, err := pain001.Audit(context.Background(), d, nil)
	require.NoError(t, err)
	f := a.Summary.Find(reflex.PaymentControlMismatch)
	require.NotNil(t, f)
	assert.Equal(t, "number of transfers (GrpHdr): 1 declared, 2 found", f.EvidenceText(reflex.English))
	assert.Equal(t, reflex.Danger, a.Summary.Verdict())
	require.NoError(t, a.Summary.Validate())
	assert.True(t, a.Summary.Has(reflex.PaymentBatchOK), "the transfers themselves are fine")
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"pain.001.001.03.xml", "pain.001.001.09.xml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(doc(ns03, "1", "<CtrlSum>1</CtrlSum>", pmtInf("", tx("1", ibanFR)))))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := pain001.Parse(bytes.NewReader(data), pain001.WithMaxBytes(1<<20))
		if err != nil {
			var pe *pain001.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if d.MsgID == "" || len(d.Payments) == 0 {
			t.Fatal("a parsed file without MsgId or PmtInf")
		}
		for _, pi := range d.Payments {
			if len(pi.Transfers) == 0 {
				t.Fatal("a PmtInf without transfers")
			}
			for _, tx := range pi.Transfers {
				if tx.Amount == "" || !strings.HasPrefix(tx.Path, pi.Path+"/CdtTrfTxInf[") {
					t.Fatalf("bad transfer %+v", tx)
				}
			}
		}
		_ = d.ControlErrors()
		a, err := pain001.Audit(context.Background(), d, payee.NewBook(payee.NewMemoryStore()))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range append(a.Transfers, a.Summary) {
			if err := r.Validate(); err != nil {
				t.Fatal(err)
			}
		}
	})
}
