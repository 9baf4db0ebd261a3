package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck"
)

const urlUsage = `Usage: trustcheck url [--for PROCEDURE] [--json] [--lang fr|en] URL...

Tells whether each URL is the official site for a French administrative procedure,
and if not, how loudly to warn and which official address to type instead. Works
offline: only the embedded catalogue of official sites can say "official"; lookalikes
(ants-gouv.fr, amelli.fr, ameli.fr.secure-login.com), borrowed names
(impots-remboursement.fr) and paid intermediaries (carte-grise-en-ligne.fr) are flagged.
URLs may be pasted as they come: without https://, with upper case, with a port.

Flags:
  --for ID      the procedure the person is doing (see 'trustcheck procedures'): an
                official site of another procedure is flagged, and the suggestion is
                this procedure's address
  --json        one JSON object per URL and per line
  --lang fr|en  language of messages and reflexes (default fr)
  -             as a URL: read one URL per line from standard input

Examples:
  trustcheck url https://ants-gouv.fr/carte-grise
  trustcheck url --for carte-grise --lang en https://immatriculation.ants.gouv.fr/
  trustcheck url --json - < links.txt

Exit status: 0 official or no sign of fraud, 3 some URL to be wary of, 4 some URL
imitating an official site, 1 some URL could not be checked, 2 usage error (an unknown
--for procedure included).
`

func urlCommand() command {
	return command{
		name:    "url",
		summary: "is this really the official site for this procedure?",
		usage:   urlUsage,
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
			a.usageError(fmt.Sprintf("url: unknown procedure %q for --for (procedures: %s)", f.forID, strings.Join(procedureIDs(checker), ", ")))
			return exitUsage
		}
		c = reflex.CheckerFunc(func(ctx context.Context, u string) (reflex.Report, error) {
			return checker.CheckFor(ctx, u, p.ID)
		})
	}
	return a.check(ctx, f.flags, subjects, checkRun{src: single(reflex.KindURL, c)})
}

func procedureIDs(c *urlcheck.Checker) []string {
	var ids []string
	for _, p := range c.Procedures() {
		ids = append(ids, p.ID)
	}
	return ids
}
