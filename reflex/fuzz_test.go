package reflex

import (
	"strings"
	"testing"
)

// FuzzFill renders arbitrary templates: it never panics, and a placeholder whose value
// is given never survives into the output.
func FuzzFill(f *testing.F) {
	for _, e := range catalogue {
		f.Add(e.fr.message, "x")
		f.Add(e.en.reflex, "https://ants.gouv.fr/")
	}
	f.Add("[{a}", "v")
	f.Add("}{]{[", "")
	f.Fuzz(func(t *testing.T, tmpl, value string) {
		if strings.ContainsAny(value, "{}[]") {
			return
		}
		out := filler{custom: func(string) string { return value }}.fill(tmpl)
		if balanced(tmpl) && value != "" && strings.Contains(out, "{") && !strings.Contains(tmpl, "{}") {
			for _, name := range placeholders(tmpl, true) {
				if strings.Contains(out, "{"+name+"}") && name != "" {
					t.Fatalf("fill(%q) = %q: {%s} left unfilled", tmpl, out, name)
				}
			}
		}
	})
}

// FuzzParseSeverity: only the four words parse, and they round-trip.
func FuzzParseSeverity(f *testing.F) {
	for _, s := range []string{"ok", "info", "caution", "danger", "DANGER", "", "okay"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseSeverity(s)
		if err != nil {
			return
		}
		if v.String() != s {
			t.Fatalf("ParseSeverity(%q) = %v", s, v)
		}
	})
}
