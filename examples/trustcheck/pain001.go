package main

import (
	"context"
	"io"
	"os"

	"github.com/trustreflex/trustreflex/ibancheck/pain001"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/reflex"
)

const pain001Usage = `Usage: trustcheck pain001 [--book BOOK] [--json] [--lang fr|en] FILE.xml...

Audits a bank transfer file before it goes to the bank: an ISO 20022 credit transfer
initiation (pain.001.001.03 or .09, as accounting and payroll software export them).
Each transfer gets its report (kind "payment"): IBAN well formed, BIC of the IBAN's
country and, with a payee book, IBAN unchanged for the creditor and name as recorded.
Then one report per file (kind "file"): how many transfers are flagged, and whether
the control totals (NbOfTxs, CtrlSum) match the transfers.

Business payers may opt out of the bank's Verification of Payee for such bulk files:
this check runs offline, on your own book, before you send it.

The payee of a transfer is the creditor's identifier in the file (Cdtr/Id/.../Othr/Id)
when there is one, otherwise the creditor's name as written: record payees under it
with 'trustcheck iban --book BOOK --payee ID --name NAME --confirm IBAN'.

Flags:
  --book BOOK   payee book: a SQLite file, or a postgres://user@host/db URL
  --json        one JSON object per transfer and per file, one per line
  --lang fr|en  language of messages and reflexes (default fr)
  -             as a file: read one file name per line from standard input

Examples:
  trustcheck pain001 virements-mars.xml
  trustcheck pain001 --book payees.db --json virements-mars.xml

Exit status: 0 nothing to report, 3 some transfer to check, 4 some transfer to stop
or control totals that do not match, 1 a file or the book could not be read,
2 usage error.
`

func pain001Command() command {
	return command{
		name:    "pain001",
		summary: "audit a bank transfer file (pain.001) before sending it",
		usage:   pain001Usage,
		run:     runPain001,
	}
}

func runPain001(ctx context.Context, a *app, cmd *command, args []string) int {
	f := newFlags(cmd)
	var b bookFlags
	b.register(f, false)
	subjects, code, done := f.parse(a, args)
	if done {
		return code
	}
	var book *payee.Book
	var bookErr error
	if b.book != "" {
		store, err := openPayeeBook(ctx, b.book, false)
		if err != nil {
			bookErr = err
		} else {
			defer store.Close()
			book = payee.NewBook(store)
		}
	}
	return a.check(ctx, f, subjects, checkRun{
		src: func(ctx context.Context, path string, emit func(outcome)) {
			if bookErr != nil {
				emit(outcome{report: reflex.Report{Subject: path, Kind: reflex.KindFile}, err: bookErr})
				return
			}
			auditFile(ctx, book, path, emit)
		},
		workers: 2,
	})
}

// auditFile emits the report of every transfer of the file, then the file's.
func auditFile(ctx context.Context, book *payee.Book, path string, emit func(outcome)) {
	fail := func(err error) { emit(outcome{report: reflex.Report{Subject: path, Kind: reflex.KindFile}, err: err}) }
	var r io.Reader
	file, err := os.Open(path)
	if err != nil {
		fail(err)
		return
	}
	defer file.Close()
	r = file
	doc, err := pain001.Parse(r)
	if err != nil {
		fail(err)
		return
	}
	audit, err := pain001.Audit(ctx, doc, book)
	if err != nil {
		fail(err)
		return
	}
	for _, t := range audit.Transfers {
		emit(outcome{report: t})
	}
	audit.Summary.Subject = path
	emit(outcome{report: audit.Summary})
}
