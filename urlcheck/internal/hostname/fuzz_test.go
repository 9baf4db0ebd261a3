package hostname

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzNormalize: Parse never panics, normalising a normalised URL changes nothing, and
// LabelUnicode and DisplayLabel read each label of the host as Parse reads it alone.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"https://www.ameli.fr/", "HTTPS://IMPOTS.GOUV.FR.", "//ants.gouv.fr", "аmeli.fr",
		"http://0x7f.1", "https://u:p@x.example:8443/p?q#f", "http://[::1]/", "xn--meli-43d.fr",
		"xn--impts-8ta.gouv.fr", "xn--pple-43d.xn--p1ai", "xn--mnchen-3ya.xn--80ak6aa92e.com", "xn--a.fr", "xn--ls8h.la", "xn--abc-.fr"} {
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
		labels := strings.Split(u.Host, ".")
		for i, label := range labels {
			want := label // what Parse makes of the label alone
			if l, err := Parse(label); err == nil {
				want = l.Unicode
			}
			if !strings.HasPrefix(label, "xn--") {
				continue
			}
			if got := LabelUnicode(label); got != want {
				t.Fatalf("LabelUnicode(%q) = %q, Parse gives %q", label, got, want)
			}
			if got := u.DisplayLabel(label, len(labels)-i); got != want {
				t.Fatalf("%q: DisplayLabel(%q, %d) = %q, Parse gives %q", raw, label, len(labels)-i, got, want)
			}
		}
	})
}
