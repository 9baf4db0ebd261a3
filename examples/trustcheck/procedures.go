package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck"
)

func proceduresCommand() command {
	return command{
		name:    "procedures",
		summary: cliText{"lister les sites officiels que la commande url connaît", "list the official sites the url check trusts"},
		usage:   cliText{fr: proceduresHelpFR, en: proceduresHelpEN},
		run:     runProcedures,
	}
}

var procedureLabels = map[reflex.Lang]struct{ hosts, cost, only, legacy, free string }{
	reflex.French:  {"sites :", "coût :", "seul", "ancien", "gratuit"},
	reflex.English: {"sites:", "cost:", "only", "legacy", "free"},
}

func runProcedures(_ context.Context, a *app, cmd *command, args []string) int {
	f := newFlags(cmd)
	rest, code, done := f.parse(a, args)
	if done {
		return code
	}
	if len(rest) > 0 {
		a.usageError(msgNoArgument, rest[0])
		return exitUsage
	}
	lang := a.lang
	procs := urlcheck.New().Procedures()
	if f.json {
		enc := json.NewEncoder(a.io.out)
		enc.SetEscapeHTML(false)
		for _, p := range procs {
			if err := enc.Encode(p); err != nil {
				return exitUnchecked
			}
		}
		return exitOK
	}
	l := procedureLabels[lang]
	var b strings.Builder
	for _, p := range procs {
		cost := p.Cost
		if p.Free() {
			cost = l.free
		}
		fmt.Fprintf(&b, "%-22s %s\n", p.ID, p.Organisation)
		var hosts []string
		for _, h := range p.Hosts {
			s := h.Name
			switch {
			case !h.Subdomains && h.Legacy:
				s += " (" + l.only + ", " + l.legacy + ")"
			case !h.Subdomains:
				s += " (" + l.only + ")"
			case h.Legacy:
				s += " (" + l.legacy + ")"
			}
			hosts = append(hosts, s)
		}
		fmt.Fprintf(&b, "  %s %s\n  %s %s\n", l.hosts, strings.Join(hosts, ", "), l.cost, cost)
	}
	_, _ = fmt.Fprint(a.io.out, b.String())
	return exitOK
}
