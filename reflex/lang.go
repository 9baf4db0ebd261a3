package reflex

import (
	"fmt"
	"strings"
)

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

// ParseLang accepts "fr" or "en" in any case, with or without a region or an encoding
// ("fr-FR", "en_GB.UTF-8"), and the empty string, meaning French.
func ParseLang(s string) (Lang, error) {
	if strings.TrimSpace(s) == "" {
		return French, nil
	}
	switch primaryLanguage(s) {
	case "fr":
		return French, nil
	case "en":
		return English, nil
	}
	return French, fmt.Errorf("reflex: unknown language %q (want fr or en)", s)
}

// primaryLanguage returns the lower-case language part of a tag or a locale name
// ("fr_FR.UTF-8" → "fr"), or "" when s has none.
func primaryLanguage(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "-_.@"); i >= 0 {
		s = s[:i]
	}
	return strings.ToLower(s)
}

// LangFromLocale chooses the language from the POSIX locale variables, in their order
// of precedence: LC_ALL, then LC_MESSAGES, then LANG. A locale in French ("fr_FR.UTF-8")
// gives French, any other set locale ("C", "en_US.UTF-8", "de_DE") gives English; ok is
// false when none is set. getenv is os.Getenv, or a test's map.
func LangFromLocale(getenv func(string) string) (lang Lang, ok bool) {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := strings.TrimSpace(getenv(name))
		if v == "" {
			continue
		}
		if primaryLanguage(v) == "fr" {
			return French, true
		}
		return English, true
	}
	return French, false
}

// LangFromAcceptLanguage chooses the language from an HTTP Accept-Language header: the
// first of fr or en in the order of preference (q values), French when neither is named.
func LangFromAcceptLanguage(header string) Lang {
	best, bestQ := French, -1.0
	for part := range strings.SplitSeq(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if _, err := fmt.Sscanf(v, "%g", &q); err != nil {
				continue
			}
		}
		var l Lang
		switch primaryLanguage(tag) {
		case "fr":
			l = French
		case "en":
			l = English
		default:
			continue
		}
		if q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}
