package main

import (
	"context"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/reflex"
)

const ibanUsage = `Usage: trustcheck iban [--json] [--lang fr|en] IBAN...

Checks that each IBAN is well formed: country of the IBAN registry, length, characters,
check digits (ISO 7064 mod 97) and, where it is public, the national bank key (the
French clé RIB, ...). A right mod 97 with a wrong bank key is typical of a forged RIB.
IBANs may be typed as printed (spaces, lower case, a leading "IBAN"). Human output shows
them masked (FR76 **** **** 0189); --json gives the subject as typed.

Flags:
  --json        one JSON object per IBAN and per line
  --lang fr|en  language of messages and reflexes (default fr)
  -             as an IBAN: read one IBAN per line from standard input

Examples:
  trustcheck iban "FR76 3000 6000 0112 3456 7890 189"
  trustcheck iban --json --lang en FR7630006000011234567890189 DE89370400440532013000
  trustcheck iban - < ibans.txt

Exit status: 0 valid, 3 some IBAN to check again (typo, outside SEPA),
4 some IBAN with a forged-looking bank key, 2 usage error.
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
}

func runIBAN(ctx context.Context, a *app, cmd *command, args []string) int {
	f := &ibanFlags{flags: newFlags(cmd)}
	subjects, code, done := f.parse(a, args)
	if done {
		return code
	}
	return a.check(ctx, f.flags, subjects, checkRun{
		src:     ibanSource(f),
		display: ibancheck.Mask,
	})
}

// ibanSource returns what checks one IBAN, according to the flags.
func ibanSource(*ibanFlags) source {
	return single(reflex.KindIBAN, ibancheck.New())
}
