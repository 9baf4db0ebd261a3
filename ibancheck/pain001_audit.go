package ibancheck

import (
	"context"
	"math/big"
	"strconv"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
)

// Audit is the result of AuditPain001.
type Audit struct {
	// Transfers has one report per credit transfer, in file order, of kind "payment",
	// with the subject "reference: creditor amount currency".
	Transfers []reflex.Report
	// Summary is the report on the file, of kind "file": payment.batch-ok or
	// payment.batch-flagged, and payment.control-mismatch for every control total
	// (NbOfTxs, CtrlSum) that does not match the transfers.
	Summary reflex.Report
}

// AuditPain001 checks every credit transfer of doc, as Book.Check does for one payment
// (creditor name, IBAN and BIC), and the file's control totals. With a nil book, only
// the validator and the BIC check run.
//
// The payee of a transfer is the creditor's identifier in the file (Cdtr/Id/OrgId or
// PrvtId/Othr/Id) when there is one, otherwise the creditor's name as written (spaces
// collapsed): confirm payees under that identifier for the audit to find them. The
// error means only "could not check" (the book's store is down, ctx is done).
func AuditPain001(ctx context.Context, doc *Pain001, book *Book) (Audit, error) {
	var a Audit
	checker := New()
	if book != nil {
		checker = book.checker
	}
	total, flagged, danger := 0, 0, 0
	sum := new(big.Rat)
	for _, pi := range doc.Payments {
		for _, tx := range pi.Transfers {
			r, err := auditTransfer(ctx, checker, book, tx)
			if err != nil {
				return Audit{}, err
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
		}
	}
	a.Summary = reflex.Report{Subject: doc.MsgID, Kind: reflex.KindFile}
	evidence := strconv.Itoa(total) + " transfers, total " + formatSum(sum)
	if flagged == 0 {
		a.Summary.Add(reflex.Finding{Code: reflex.PaymentBatchOK, Severity: reflex.OK, Evidence: evidence,
			Params: map[string]string{"total": strconv.Itoa(total)}})
	} else {
		f := reflex.Finding{Code: reflex.PaymentBatchFlagged, Severity: reflex.Caution, Evidence: evidence,
			Params: map[string]string{"total": strconv.Itoa(total), "flagged": strconv.Itoa(flagged)}}
		if danger > 0 {
			f.Severity = reflex.Danger
			f.Params["danger"] = strconv.Itoa(danger)
		}
		a.Summary.Add(f)
	}
	for _, c := range doc.ControlErrors() {
		a.Summary.Add(reflex.Finding{Code: reflex.PaymentControlMismatch, Severity: reflex.Danger,
			Evidence: c.Path + "/" + c.Field + " " + c.Declared + " ≠ " + c.Actual})
	}
	return a, nil
}

// auditTransfer checks one transfer.
func auditTransfer(ctx context.Context, checker *Checker, book *Book, tx CreditTransfer) (reflex.Report, error) {
	p := Payment{
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
		r, err = checkWithoutBook(ctx, checker, p)
		if err == nil && book != nil {
			r.Add(reflex.Finding{Code: reflex.IBANNewPayee, Severity: reflex.Caution, Evidence: "no creditor name nor identifier in the file"})
		}
	}
	if err != nil {
		return reflex.Report{}, err
	}
	r.Subject = transferSubject(tx)
	return r, nil
}

// checkWithoutBook is the part of Book.Check that needs no history: the validator and
// the BIC.
func checkWithoutBook(ctx context.Context, checker *Checker, p Payment) (reflex.Report, error) {
	r, err := checker.Check(ctx, p.IBAN)
	if err != nil {
		return reflex.Report{}, err
	}
	r.Kind = reflex.KindPayment
	if ip, err := checker.Registry().Parse(p.IBAN); err == nil {
		if f, ok := bicFinding(p.BIC, ip); ok {
			r.Add(f)
		}
	}
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
