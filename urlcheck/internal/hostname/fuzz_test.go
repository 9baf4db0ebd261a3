package hostname

import (
	"testing"
	"unicode/utf8"
)

// FuzzNormalize: Parse never panics, and normalising a normalised URL changes nothing.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"https://www.ameli.fr/", "HTTPS://IMPOTS.GOUV.FR.", "//ants.gouv.fr", "аmeli.fr",
		"http://0x7f.1", "https://u:p@x.example:8443/p?q#f", "http://[::1]/", "xn--meli-43d.fr"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		u, err := Parse(raw)
		if err != nil {
			return
		}
		if u.Host == "" || !utf8.ValidString(u.Unicode) {
			t.Fatalf("Parse(%q) = %+v: empty host or invalid display form", raw, u)
		}
		again, err := Parse(u.String())
		if err != nil {
			t.Fatalf("Parse(%q) ok but Parse(%q): %v", raw, u.String(), err)
		}
		if again.Host != u.Host || again.Port != u.Port || again.Path != u.Path || again.Scheme != u.Scheme || again.IP != u.IP {
			t.Fatalf("not idempotent: %q -> %+v -> %+v", raw, u, again)
		}
	})
}
