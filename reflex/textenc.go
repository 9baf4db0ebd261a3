package reflex

import (
	"io"
	"strings"
	"sync"
	"unicode/utf8"
)

// ANSI styles of the text form, used only when colour is on (a terminal).
const (
	ansiReset  = "\033[0m"
	ansiBold   = "\033[1m"
	ansiRed    = "\033[1;31m"
	ansiYellow = "\033[1;33m"
	ansiCyan   = "\033[36m"
	ansiGreen  = "\033[32m"
)

var severityColour = [...]string{OK: ansiGreen, Info: ansiCyan, Caution: ansiYellow, Danger: ansiRed}

// TextEncoder writes reports as short plain text for a person, in one language: the
// verdict word and the subject, then the reflex of the first finding (the one thing to
// do), then each message with its evidence.
//
//	DANGER     https://ants-gouv.fr/carte-grise
//	  → Ne saisissez rien et ne payez rien. Tapez vous-même l'adresse officielle : https://ants.gouv.fr/
//	  · Cette adresse imite un site officiel (https://ants.gouv.fr/). C'est le signe d'une arnaque. [ants-gouv.fr ~ ants.gouv.fr]
//
// Everything from the input (subject, names, hosts) is shown through [Printable], so no
// control character reaches the terminal. It is safe for concurrent use; each report
// is written with a single Write.
type TextEncoder struct {
	mu     sync.Mutex
	w      io.Writer
	lang   Lang
	colour bool
	width  int // of the verdict column
}

// NewTextEncoder returns an encoder writing to w with texts in lang, without colour.
func NewTextEncoder(w io.Writer, lang Lang) *TextEncoder {
	width := utf8.RuneCountInString(Text{ID: "label.could-not-check"}.In(lang))
	for s := OK; s <= Danger; s++ {
		width = max(width, utf8.RuneCountInString(s.Label(lang)))
	}
	return &TextEncoder{w: w, lang: lang, width: max(width+1, 10)}
}

// SetColour turns ANSI colours on or off. Turn them on only for a terminal, and never
// when NO_COLOR is set.
func (e *TextEncoder) SetColour(on bool) {
	e.mu.Lock()
	e.colour = on
	e.mu.Unlock()
}

// Encode writes one report.
func (e *TextEncoder) Encode(r Report) error {
	r.Findings = append([]Finding(nil), r.Findings...)
	r.Sort()
	e.mu.Lock()
	defer e.mu.Unlock()
	v := r.Verdict()
	var b strings.Builder
	e.head(&b, severityColour[v], v.Label(e.lang), r.Subject)
	if len(r.Findings) > 0 {
		b.WriteString("  → ")
		b.WriteString(e.paint(ansiBold, r.Findings[0].Reflex(e.lang)))
		b.WriteByte('\n')
		for _, f := range r.Findings {
			b.WriteString("  · ")
			b.WriteString(f.Message(e.lang))
			if ev := f.EvidenceText(e.lang); ev != "" {
				b.WriteString(" [" + ev + "]")
			}
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(e.w, b.String())
	return err
}

// EncodeError writes a subject that could not be checked, with the reason as a person
// reads it ([ErrorText]).
func (e *TextEncoder) EncodeError(subject, kind string, err error) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	var b strings.Builder
	e.head(&b, ansiRed, Text{ID: "label.could-not-check"}.In(e.lang), subject)
	b.WriteString("  ! ")
	b.WriteString(ErrorText(err, e.lang))
	b.WriteByte('\n')
	_, werr := io.WriteString(e.w, b.String())
	return werr
}

func (e *TextEncoder) head(b *strings.Builder, colour, label, subject string) {
	label = strings.ToUpper(label)
	pad := e.width - utf8.RuneCountInString(label)
	b.WriteString(e.paint(colour, label+strings.Repeat(" ", max(pad, 1))))
	b.WriteString(Printable(subject))
	b.WriteByte('\n')
}

func (e *TextEncoder) paint(code, s string) string {
	if !e.colour {
		return s
	}
	return code + s + ansiReset
}
