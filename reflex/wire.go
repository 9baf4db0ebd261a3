package reflex

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"
)

// WireReport is the JSON wire form of a report (DESIGN.md): the one shape shared by the
// CLI's --json output and the HTTP API. A report that could not be made carries only
// Subject, Kind and Error.
type WireReport struct {
	Subject  string        `json:"subject"`
	Kind     string        `json:"kind"`
	Verdict  Severity      `json:"verdict"`
	Findings []WireFinding `json:"findings"`
	Error    string        `json:"error,omitempty"`
}

// WireFinding is the JSON wire form of a finding, with its texts in one language
// (the evidence too, as [Finding.EvidenceText] renders it).
type WireFinding struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Reflex   string   `json:"reflex"`
	Evidence string   `json:"evidence,omitempty"`
	Suggest  string   `json:"suggest,omitempty"`
}

// Wire returns the wire form of r, with texts in lang and findings in canonical order.
func (r Report) Wire(lang Lang) WireReport {
	r.Findings = append([]Finding(nil), r.Findings...)
	r.Sort()
	w := WireReport{Subject: wireSubject(r.Subject), Kind: r.Kind, Verdict: r.Verdict(), Findings: make([]WireFinding, len(r.Findings))}
	for i, f := range r.Findings {
		w.Findings[i] = WireFinding{
			Code: f.Code, Severity: f.Severity,
			Message: f.Message(lang), Reflex: f.Reflex(lang),
			Evidence: f.EvidenceText(lang), Suggest: f.Suggest,
		}
	}
	return w
}

// WireError returns the wire form of a subject that could not be checked: the error as
// a person reads it in lang ([ErrorText]), never the developer's text.
func WireError(subject, kind string, err error, lang Lang) WireReport {
	return WireReport{Subject: wireSubject(subject), Kind: kind, Error: ErrorText(err, lang)}
}

// wireSubject is how the wire form writes a subject. JSON strings are Unicode: a plain
// encoder turns every byte that is not UTF-8 into U+FFFD, so that two file names that
// differ only there would read the same. Such bytes are written as the four characters
// \xHH instead, as human output shows them ([Printable]): the subject stays one string,
// the same in both outputs, and tells the files apart. A valid subject is unchanged.
func wireSubject(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// MarshalJSON writes a report object, or an error object when Error is set, as
// encoding/json would with HTML escaping off ("&", "<" and ">" stay readable in URLs
// and messages).
func (w WireReport) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 512)
	if w.Error != "" {
		return appendErrorObject(b, w.Subject, w.Kind, w.Error), nil
	}
	if w.Verdict < OK || w.Verdict > Danger {
		return nil, fmt.Errorf("reflex: invalid severity %d", int(w.Verdict))
	}
	b = appendReportHead(b, w.Subject, w.Kind, w.Verdict)
	for i, f := range w.Findings {
		if f.Severity < OK || f.Severity > Danger {
			return nil, fmt.Errorf("reflex: invalid severity %d", int(f.Severity))
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = appendFindingHead(b, f.Code, f.Severity)
		b = appendJSONString(b, f.Message)
		b = append(b, `,"reflex":`...)
		b = appendJSONString(b, f.Reflex)
		b = appendOptional(b, `,"evidence":`, f.Evidence)
		b = append(appendOptional(b, `,"suggest":`, f.Suggest), '}')
	}
	return append(b, "]}"...), nil
}

// Encoder writes reports as JSON lines: one object per subject, one per line.
// It is safe for concurrent use; each line is written with a single Write.
type Encoder struct {
	mu   sync.Mutex
	w    io.Writer
	lang Lang
}

// NewEncoder returns an encoder writing to w with texts in lang.
func NewEncoder(w io.Writer, lang Lang) *Encoder {
	return &Encoder{w: w, lang: lang}
}

// Encode writes one report line.
func (e *Encoder) Encode(r Report) error {
	for _, f := range r.Findings {
		if f.Severity < OK || f.Severity > Danger {
			return fmt.Errorf("reflex: invalid severity %d", int(f.Severity))
		}
	}
	return e.write(append(r.AppendWire(nil, e.lang), '\n'))
}

// EncodeError writes the line of a subject that could not be checked.
func (e *Encoder) EncodeError(subject, kind string, err error) error {
	return e.write(append(AppendWireError(nil, subject, kind, err, e.lang), '\n'))
}

func (e *Encoder) write(b []byte) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	_, err := e.w.Write(b)
	return err
}
