// Package pain001 reads ISO 20022 credit transfer initiation files (pain.001), the
// files an accounting or payroll tool hands to the bank to pay many creditors at once,
// and audits them before they are sent.
//
// Business payers may opt out of the bank's name check (the EU Verification of Payee)
// for such bulk files, which is where an offline check of each transfer matters: a
// supplier's IBAN swapped in the file is the fake bank details fraud at scale.
//
// # What to call first
//
// [Parse] the file, then [Audit] it through the payee book:
//
//	doc, err := pain001.Parse(f) // errors say the line and the element path
//	if err != nil { ... }        // errors.Is: ErrTooLarge, ErrNotCreditTransfer, ErrInvalid
//	audit, err := pain001.Audit(ctx, doc, book) // book: a *payee.Book, or nil
//	for _, r := range audit.Transfers { ... }   // one reflex.Report per transfer
//	show(audit.Summary)                         // payment.batch-ok or -flagged, control totals
//
// Parse streams versions pain.001.001.03 and .09 (BIC or BICFI, execution date plain or
// in Dt, any namespace prefix, UTF-8 or a declared Latin-1 or Windows-1252 encoding),
// reads at most [DefaultMaxBytes] ([WithMaxBytes] to change it), refuses DTDs, and
// stops at the first malformed element with an [*Error]. [Document.ControlErrors]
// checks NbOfTxs and CtrlSum in exact decimals.
//
// Audit runs every transfer through [payee.Book.Check] (creditor name, IBAN unchanged
// for the creditor, BIC's country), or, without a book, through
// [ibancheck.Checker.CheckPayment] (the IBAN and the BIC's country only), and sums the
// file up ([AuditResult]).
package pain001
