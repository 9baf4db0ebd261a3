package urlcheck

import (
	"context"
	"strings"
	"testing"

	"github.com/trustreflex/trustreflex/reflex"
)

// FuzzCheck: Check never panics, every report is valid, and an official address stays
// official whatever path, query, fragment, port or case is added to it.
func FuzzCheck(f *testing.F) {
	for _, s := range benchURLs {
		f.Add(s, "/x?q=ants-gouv.fr#ameli-remboursement.com")
	}
	f.Add("https://www.ameli.fr", "")
	f.Add("xn--meli-43d.fr", "/..//ants.gouv.fr@x")
	c := New()
	officialHosts := []string{}
	for _, p := range c.Procedures() {
		officialHosts = append(officialHosts, strings.TrimPrefix(strings.TrimSuffix(p.URL, "/"), "https://"))
	}
	f.Fuzz(func(t *testing.T, raw, tail string) {
		ctx := context.Background()
		r, err := c.Check(ctx, raw+tail)
		if err == nil {
			if verr := r.Validate(); verr != nil {
				t.Fatalf("Check(%q): %v", raw+tail, verr)
			}
		}
		if strings.ContainsAny(tail, "@\\") {
			return // could move the host
		}
		host := officialHosts[len(raw)%len(officialHosts)]
		for _, u := range []string{"https://" + host + "/" + tail, "//" + strings.ToUpper(host) + ":443/" + tail} {
			r, err := c.Check(ctx, u)
			if err != nil {
				t.Fatalf("Check(%q): %v", u, err)
			}
			if r.Verdict() >= reflex.Danger || !r.Has(reflex.URLOfficial) {
				t.Fatalf("official %q: %v", u, r.Findings)
			}
		}
	})
}
