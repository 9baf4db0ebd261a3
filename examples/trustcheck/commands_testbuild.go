//go:build trustchecktest

package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
)

// testCommands adds, in a binary built with -tags trustchecktest, the "echo" command
// that the end-to-end scripts use to test the frame itself (order, stdin, exit codes,
// output forms) independently of any real check.
func testCommands() []command {
	return []command{hangCommand(), {
		name:    "echo",
		summary: cliText{"commande de test : GRAVITÉ:TEXTE donne un constat de cette gravité", "test command: SEVERITY:TEXT gives a finding of that severity"},
		usage:   cliText{"Utilisation : trustcheck echo [--json] [--lang fr|en] GRAVITÉ:TEXTE...\n", "Usage: trustcheck echo [--json] [--lang fr|en] SEVERITY:TEXT...\n"},
		run: func(ctx context.Context, a *app, cmd *command, args []string) int {
			f := newFlags(cmd)
			subjects, code, done := f.parse(a, args)
			if done {
				return code
			}
			return a.check(ctx, f, subjects, checkRun{src: single(reflex.KindURL, echoChecker{})})
		},
	}}
}

// hangCommand is "hang": it says so on stderr, then blocks for ever without looking at
// its context, as a call stuck in the kernel would; only a second signal ends it.
func hangCommand() command {
	return command{
		name:    "hang",
		summary: cliText{"commande de test : bloque pour toujours, sans voir l'annulation", "test command: blocks for ever, ignoring cancellation"},
		usage:   cliText{"Utilisation : trustcheck hang\n", "Usage: trustcheck hang\n"},
		run: func(ctx context.Context, a *app, cmd *command, args []string) int {
			fmt.Fprintln(a.io.err, "hanging")
			select {}
		},
	}
}

// echoChecker answers "ok:x", "info:x", "caution:x", "danger:x" with one finding of that
// severity, "none:x" with no finding and "error:x" with an error.
type echoChecker struct{}

var echoFindings = map[string]reflex.Finding{
	"ok":      {Code: reflex.URLOfficial, Severity: reflex.OK},
	"info":    {Code: reflex.URLNotOfficial, Severity: reflex.Info},
	"caution": {Code: reflex.URLInsecure, Severity: reflex.Caution, Evidence: "http"},
	"danger":  {Code: reflex.URLLookalike, Severity: reflex.Danger, Evidence: "ants-gouv.fr ~ ants.gouv.fr", Suggest: "https://ants.gouv.fr/"},
}

func (echoChecker) Check(ctx context.Context, subject string) (reflex.Report, error) {
	word, _, _ := strings.Cut(subject, ":")
	if word == "error" {
		return reflex.Report{}, errors.New("test error for " + subject)
	}
	r := reflex.NewReport(subject, reflex.KindURL)
	if f, ok := echoFindings[word]; ok {
		r.Add(f)
	}
	return r, nil
}
