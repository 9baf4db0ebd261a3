package reflex

import "fmt"

// Lang selects the language of messages and reflexes. French is the zero value:
// the people this library serves are first of all French users.
type Lang int

const (
	French Lang = iota
	English
)

// String returns the ISO 639-1 code: "fr" or "en".
func (l Lang) String() string {
	if l == English {
		return "en"
	}
	return "fr"
}

// ParseLang accepts "fr" or "en" (and the empty string, meaning French).
func ParseLang(s string) (Lang, error) {
	switch s {
	case "", "fr":
		return French, nil
	case "en":
		return English, nil
	}
	return French, fmt.Errorf("reflex: unknown language %q (want fr or en)", s)
}
