package reflex

import "fmt"

// Severity says how loudly to warn. The order is meaningful: OK < Info < Caution < Danger,
// so the verdict of a report is the highest severity of its findings.
type Severity int

const (
	OK      Severity = iota // nothing to warn about: official site, known IBAN, encrypted file
	Info                    // worth knowing, no sign of fraud
	Caution                 // something is off: check before going on
	Danger                  // typical of a scam or a leak: stop
)

var severityNames = [...]string{OK: "ok", Info: "info", Caution: "caution", Danger: "danger"}

// String returns the wire form: "ok", "info", "caution" or "danger".
func (s Severity) String() string {
	if s < OK || s > Danger {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity parses the wire form. Any other word, including a different case, is an error.
func ParseSeverity(text string) (Severity, error) {
	for s, name := range severityNames {
		if name == text {
			return Severity(s), nil
		}
	}
	return OK, fmt.Errorf("reflex: unknown severity %q (want ok, info, caution or danger)", text)
}

// MarshalText implements encoding.TextMarshaler (and so the JSON form).
func (s Severity) MarshalText() ([]byte, error) {
	if s < OK || s > Danger {
		return nil, fmt.Errorf("reflex: invalid severity %d", int(s))
	}
	return []byte(severityNames[s]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(text []byte) error {
	v, err := ParseSeverity(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
