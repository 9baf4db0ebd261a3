// Command embed-urlcheck shows how an application checks a link before it opens it:
// one Checker for the whole program, one Check per link, the verdict decides, the
// reflex is what to tell the person.
//
//	go run ./examples/embed-urlcheck [URL...]
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer, links []string) error {
	if len(links) == 0 {
		links = []string{"https://ants-gouv.fr/carte-grise", "https://immatriculation.ants.gouv.fr/"}
	}
	checker := urlcheck.New() // embedded catalogue of official sites; safe for concurrent use
	for _, link := range links {
		report, err := checker.Check(context.Background(), link)
		if err != nil { // not a web address at all
			return err
		}
		fmt.Fprintf(w, "%s: %s\n", link, report.Verdict())
		if report.Verdict() >= reflex.Caution { // warn before the person goes on
			fmt.Fprintf(w, "  %s\n", report.Findings[0].Reflex(reflex.French))
		}
	}
	return nil
}
