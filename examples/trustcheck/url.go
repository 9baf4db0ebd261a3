package main

import (
	"context"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck"
)

func urlCommand() command {
	return command{
		name:    "url",
		summary: cliText{"est-ce bien le site officiel de cette démarche ?", "is this really the official site for this procedure?"},
		usage:   cliText{fr: urlHelpFR, en: urlHelpEN},
		run:     runURL,
	}
}

// urlFlags are the flags of the url subcommand.
type urlFlags struct {
	*flags
	forID string
}

func runURL(ctx context.Context, a *app, cmd *command, args []string) int {
	f := &urlFlags{flags: newFlags(cmd)}
	f.StringVar(&f.forID, "for", "", "the procedure the person is doing (trustcheck procedures)")
	subjects, code, done := f.parse(a, args)
	if done {
		return code
	}
	checker := urlcheck.New()
	var c reflex.Checker = checker
	if f.forID != "" {
		p, ok := checker.Procedure(f.forID)
		if !ok {
			a.usageError(msgUnknownProcedure, f.forID)
			return exitUsage
		}
		c = reflex.CheckerFunc(func(ctx context.Context, u string) (reflex.Report, error) {
			return checker.CheckFor(ctx, u, p.ID)
		})
	}
	return a.check(ctx, f.flags, subjects, checkRun{src: single(reflex.KindURL, c)})
}
