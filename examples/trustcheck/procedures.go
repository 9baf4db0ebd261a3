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

var procedureLabels = map[reflex.Lang]struct{ hosts, cost, phones, only, legacy string }{
	reflex.French:  {"sites :", "coût :", "téléphone :", "seul", "ancien"},
	reflex.English: {"sites:", "cost:", "phone:", "only", "legacy"},
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
		org := p.Organisation
		if lang == reflex.English && p.OrganisationEN != "" {
			org = p.OrganisationEN
		}
		fmt.Fprintf(&b, "%-22s %s\n", p.ID, reflex.Printable(org))
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
		fmt.Fprintf(&b, "  %s %s\n", l.hosts, strings.Join(hosts, ", "))
		if cost := p.Cost.Text(lang); cost != "" {
			fmt.Fprintf(&b, "  %s %s\n", l.cost, reflex.Printable(cost))
		}
		if len(p.Phones) > 0 {
			phones := make([]string, len(p.Phones))
			for i, n := range p.Phones {
				phones[i] = reflex.PhoneNumber(n)
			}
			fmt.Fprintf(&b, "  %s %s\n", l.phones, strings.Join(phones, ", "))
		}
	}
	_, _ = fmt.Fprint(a.io.out, b.String())
	return exitOK
}
