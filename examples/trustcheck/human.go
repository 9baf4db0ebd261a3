package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
)

// ANSI colours of the verdicts, used only on a terminal.
const (
	ansiReset  = "\033[0m"
	ansiBold   = "\033[1m"
	ansiRed    = "\033[1;31m"
	ansiYellow = "\033[1;33m"
	ansiCyan   = "\033[36m"
	ansiGreen  = "\033[32m"
)

var verdictLabel = map[reflex.Lang][4]string{
	reflex.French:  {"OK", "INFO", "ATTENTION", "DANGER"},
	reflex.English: {"OK", "INFO", "CAUTION", "DANGER"},
}

var verdictColour = [4]string{ansiGreen, ansiCyan, ansiYellow, ansiRed}

var uncheckedLabel = map[reflex.Lang][2]string{
	reflex.French:  {"ERREUR", "vérification impossible : "},
	reflex.English: {"ERROR", "could not check: "},
}

// writeHuman prints a report for a person: the verdict and subject, then the reflex of
// the most severe finding (the one thing to do), then what was seen.
//
//	DANGER     https://ants-gouv.fr/carte-grise
//	  → Ne saisissez rien et ne payez rien. Tapez vous-même l'adresse officielle : https://ants.gouv.fr/
//	  · Cette adresse imite un site officiel (https://ants.gouv.fr/). C'est le signe d'une arnaque. [ants-gouv.fr ~ ants.gouv.fr]
func writeHuman(w io.Writer, r reflex.Report, lang reflex.Lang, colour bool, display func(string) string) {
	v := r.Verdict()
	var b strings.Builder
	b.WriteString(paint(colour, verdictColour[v], fmt.Sprintf("%-10s", verdictLabel[lang][v])))
	b.WriteString(shown(r.Subject, display))
	b.WriteByte('\n')
	if len(r.Findings) > 0 {
		reflexText := r.Findings[0].Reflex(lang)
		b.WriteString("  → ")
		b.WriteString(paint(colour, ansiBold, reflexText))
		b.WriteByte('\n')
		for _, f := range r.Findings {
			b.WriteString("  · ")
			b.WriteString(f.Message(lang))
			if f.Evidence != "" {
				b.WriteString(" [" + f.Evidence + "]")
			}
			b.WriteByte('\n')
		}
	}
	io.WriteString(w, b.String())
}

func writeHumanError(w io.Writer, r reflex.Report, err error, lang reflex.Lang, colour bool, display func(string) string) {
	l := uncheckedLabel[lang]
	fmt.Fprintf(w, "%s%s\n  ! %s%v\n", paint(colour, ansiRed, fmt.Sprintf("%-10s", l[0])), shown(r.Subject, display), l[1], err)
}

func shown(subject string, display func(string) string) string {
	if display != nil {
		return display(subject)
	}
	return subject
}

func paint(on bool, code, s string) string {
	if !on {
		return s
	}
	return code + s + ansiReset
}
