package main

import (
	"context"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/reflex"
)

const ibanUsage = `Usage: trustcheck iban [--json] [--lang fr|en] IBAN...
       trustcheck iban --book BOOK --payee ID [--name NAME] [--bic BIC] IBAN...
       trustcheck iban --book BOOK --payee ID --name NAME --confirm [--by WHO] IBAN
       trustcheck iban --book BOOK --payee ID --revoke [--by WHO] IBAN

Checks that each IBAN is well formed: country of the IBAN registry, length, characters,
check digits (ISO 7064 mod 97) and, where it is public, the national bank key (the
French clé RIB, ...). A right mod 97 with a wrong bank key is typical of a forged RIB.
IBANs may be typed as printed (spaces, lower case, a leading "IBAN"). Human output shows
them masked (FR76 **** **** 0189); --json gives the subject as typed.

With a payee book, it also answers "is this IBAN unchanged for this payee?", the
reflex against the fake bank details fraud ("our bank details have changed"): each IBAN
is compared with the one verified earlier for the payee (kind "payment"). Checking never
records anything: record an IBAN with --confirm only after you verified it with the
payee, by phone, on the number you already knew.

Flags:
  --json        one JSON object per IBAN and per line
  --lang fr|en  language of messages and reflexes (default fr)
  --book BOOK   payee book: a SQLite file (created by the first --confirm), or a
                postgres://user@host/db URL
  --payee ID    the payee the IBAN is for (supplier id, contact id, ...)
  --name NAME   account holder's name: compared with the recorded one (match, close
                match, no match); recorded with --confirm
  --bic BIC     the BIC given with the IBAN: its country must be the IBAN's
  --confirm     record the IBAN as verified for the payee (it becomes the one to pay)
  --revoke      record that the IBAN must no longer be paid to the payee
  --by WHO      who verified or revoked it (default: the OS user)
  -             as an IBAN: read one IBAN per line from standard input

Examples:
  trustcheck iban "FR76 3000 6000 0112 3456 7890 189"
  trustcheck iban --json --lang en FR7630006000011234567890189 DE89370400440532013000
  trustcheck iban - < ibans.txt
  trustcheck iban --book payees.db --payee F-0042 --name "Minoterie du Rhône" --confirm FR7630006000011234567890189
  trustcheck iban --book payees.db --payee F-0042 --name "MINOTERIE DU RHONE SAS" LT121000011101001000

Exit status: 0 valid (and unchanged), 3 some IBAN to check again (typo, outside SEPA,
new payee, close name), 4 some IBAN with a forged-looking bank key or changed for its
payee, 1 the book could not be read, 2 usage error.
`

func ibanCommand() command {
	return command{
		name:    "iban",
		summary: "is this IBAN well formed, bank key included?",
		usage:   ibanUsage,
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
	if err := f.book.validate(subjects); err != nil {
		a.usageError(cmd.name + ": " + err.Error())
		return exitUsage
	}
	if f.book.confirm || f.book.revoke {
		return runPayeeRecord(ctx, a, f.flags, &f.book, subjects[0])
	}
	src, closeSrc := ibanSource(ctx, f)
	defer closeSrc()
	return a.check(ctx, f.flags, subjects, checkRun{
		src:     src,
		display: ibancheck.Mask,
	})
}

// ibanSource returns what checks one IBAN, according to the flags, and what releases it.
func ibanSource(ctx context.Context, f *ibanFlags) (source, func()) {
	if f.book.book == "" {
		return single(reflex.KindIBAN, ibancheck.New()), func() {}
	}
	store, err := openPayeeBook(ctx, f.book.book, false)
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
