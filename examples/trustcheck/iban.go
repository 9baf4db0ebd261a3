package main

import (
	"context"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/reflex"
)

func ibanCommand() command {
	return command{
		name:    "iban",
		summary: cliText{"cet IBAN est-il bien formé, clé bancaire comprise ?", "is this IBAN well formed, bank key included?"},
		usage:   cliText{fr: ibanHelpFR, en: ibanHelpEN},
		run:     runIBAN,
	}
}

// ibanFlags are the flags of the iban subcommand: the shared ones, plus those of the
// checks that build on the IBAN (a payee book, ...), each adding its own here.
type ibanFlags struct {
	*flags
	book bookFlags
}

func runIBAN(ctx context.Context, a *app, cmd *command, args []string) int {
	f := &ibanFlags{flags: newFlags(cmd)}
	f.book.register(f.flags, true)
	subjects, code, done := f.parse(a, args)
	if done {
		return code
	}
	if msg, ok := f.book.validate(subjects); !ok {
		a.usageError(msg)
		return exitUsage
	}
	if f.book.confirm || f.book.revoke {
		return runPayeeRecord(ctx, a, f.flags, &f.book, subjects[0])
	}
	src, closeSrc := ibanSource(ctx, f)
	defer closeSrc()
	kind := reflex.KindIBAN
	if f.book.book != "" {
		kind = reflex.KindPayment
	}
	return a.check(ctx, f.flags, subjects, checkRun{
		src:     src,
		display: ibancheck.Mask,
		kind:    kind,
	})
}

// ibanSource returns what checks one IBAN, according to the flags, and what releases it.
func ibanSource(ctx context.Context, f *ibanFlags) (source, func()) {
	if f.book.book == "" {
		return single(reflex.KindIBAN, ibancheck.New()), func() {}
	}
	store, err := openPayeeBook(ctx, f.book.book, bookCheck)
	if err != nil { // every IBAN is then a subject that could not be checked
		return func(_ context.Context, subject string, emit func(outcome)) {
			emit(outcome{report: reflex.Report{Subject: subject, Kind: reflex.KindPayment}, err: err})
		}, func() {}
	}
	book := payee.NewBook(store)
	return func(ctx context.Context, subject string, emit func(outcome)) {
		r, err := book.Check(ctx, ibancheck.Payment{PayeeID: f.book.payee, Name: f.book.name, IBAN: subject, BIC: f.book.bic})
		emit(outcome{report: r, err: err})
	}, func() { store.Close() }
}
