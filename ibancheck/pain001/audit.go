package pain001

import (
	"context"
	"math/big"
	"strconv"
	"strings"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/reflex"
)

// AuditResult is the result of [Audit].
type AuditResult struct {
	// Transfers has one report per credit transfer, in file order, of kind "payment",
	// with the subject "reference: creditor amount currency".
	Transfers []reflex.Report
	// Summary is the report on the file, of kind "file": payment.batch-ok or
	// payment.batch-flagged, and payment.control-mismatch for every control total
	// (NbOfTxs, CtrlSum) that does not match the transfers.
	Summary reflex.Report
}

// Audit checks every credit transfer of doc, as [payee.Book.Check] does for one
// payment (creditor name, IBAN and BIC), and the file's control totals
// ([Document.ControlErrors]). With a nil book, only the checks that need no history run
// ([ibancheck.Checker.CheckPayment]: the IBAN and the BIC's country).
//
// The payee of a transfer is the creditor's identifier in the file (Cdtr/Id/OrgId or
// PrvtId/Othr/Id) when there is one, otherwise the creditor's name as written (spaces
// collapsed): confirm payees under that identifier for the audit to find them. The
// error means only "could not check" (the book's store is down, ctx is done).
func Audit(ctx context.Context, doc *Document, book *payee.Book) (AuditResult, error) {
	var a AuditResult
	checker := ibancheck.New()
	if book != nil {
		checker = book.Checker()
	}
	total, flagged, danger := 0, 0, 0
	sum := new(big.Rat)
	currency, mixed := "", false // the total has a currency when every transfer has the same
	for _, pi := range doc.Payments {
		for _, tx := range pi.Transfers {
			r, err := auditTransfer(ctx, checker, book, tx)
			if err != nil {
				return AuditResult{}, err
			}
			a.Transfers = append(a.Transfers, r)
			total++
			if v := r.Verdict(); v >= reflex.Caution {
				flagged++
				if v == reflex.Danger {
					danger++
				}
			}
			if amt, ok := new(big.Rat).SetString(tx.Amount); ok {
				sum.Add(sum, amt)
			}
			if currency == "" {
				currency = tx.Currency
			}
			mixed = mixed || tx.Currency != currency
		}
	}
	a.Summary = reflex.Report{Subject: doc.MsgID, Kind: reflex.KindFile}
	// Language-neutral facts: the catalogue writes "3 virements, total 7 890,10 €".
	params := map[string]string{"total": strconv.Itoa(total)}
	if !mixed && currency != "" {
		params["amount"] = formatSum(sum) + " " + currency
	}
	if flagged == 0 {
		a.Summary.Add(reflex.Finding{Code: reflex.PaymentBatchOK, Severity: reflex.OK, Params: params})
	} else {
		params["flagged"] = strconv.Itoa(flagged)
		f := reflex.Finding{Code: reflex.PaymentBatchFlagged, Severity: reflex.Caution, Params: params}
		if danger > 0 {
			f.Severity = reflex.Danger
			f.Params["danger"] = strconv.Itoa(danger)
		}
		a.Summary.Add(f)
	}
	for _, c := range doc.ControlErrors() {
		a.Summary.Add(reflex.Finding{Code: reflex.PaymentControlMismatch, Severity: reflex.Danger,
			Params: map[string]string{"field": c.Field, "where": c.Path, "declared": c.Declared, "actual": c.Actual}})
	}
	return a, nil
}

// auditTransfer checks one transfer.
func auditTransfer(ctx context.Context, checker *ibancheck.Checker, book *payee.Book, tx CreditTransfer) (reflex.Report, error) {
	p := ibancheck.Payment{
		PayeeID: tx.CreditorID,
		Name:    tx.Creditor,
		IBAN:    tx.IBAN,
		BIC:     tx.BIC,
	}
	if p.PayeeID == "" {
		p.PayeeID = strings.Join(strings.Fields(tx.Creditor), " ")
	}
	if p.IBAN == "" {
		p.IBAN = tx.accountElse // not an IBAN: the validator says why
	}
	var r reflex.Report
	var err error
	switch {
	case book != nil && p.PayeeID != "":
		r, err = book.Check(ctx, p)
	default:
		r, err = checker.CheckPayment(ctx, p)
		if err == nil && book != nil {
			r.Add(reflex.Finding{Code: reflex.IBANNewPayee, Severity: reflex.Caution, Params: map[string]string{"reason": "no-creditor"}})
		}
	}
	if err != nil {
		return reflex.Report{}, err
	}
	r.Subject = transferSubject(tx)
	return r, nil
}

// transferSubject names a transfer for a person: its reference, creditor and amount.
func transferSubject(tx CreditTransfer) string {
	ref := tx.EndToEndID
	if ref == "" || ref == "NOTPROVIDED" {
		ref = tx.Path
	}
	s := ref + ": " + strings.Join(strings.Fields(tx.Creditor), " ")
	return strings.TrimSpace(s + " " + tx.Amount + " " + tx.Currency)
}
