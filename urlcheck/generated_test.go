package urlcheck

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/publicsuffix"

	"github.com/trustreflex/trustreflex/reflex"
)

// The generated test set: lookalikes of every official address of the catalogue, by the
// families of typosquatting tools (dnstwist, URLCrazy) and of French public-service
// scams. Hosts that land under gouv.fr are dropped: only the State registers there.

var (
	qwertyRows = []string{"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"}
	azertyRows = []string{"1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"}
	vowels     = "aeiouy"
	asciiGlyph = map[string][]string{"o": {"0"}, "l": {"1", "i"}, "i": {"1", "l"}, "m": {"rn", "nn"}, "w": {"vv"}, "d": {"cl"}, "e": {"3"}, "s": {"5"}, "a": {"4"}}
	uniGlyph   = map[rune][]string{'a': {"а", "ɑ"}, 'e': {"е", "ė"}, 'o': {"о", "ο", "ö"}, 'p': {"р"}, 'c': {"с"}, 'i': {"і", "í"}, 'm': {"ṃ"}, 's': {"ѕ"}, 'n': {"ո"}, 'u': {"υ"}}
	baitWords  = []string{"remboursement", "paiement", "amende", "carte-vitale", "renouvellement", "dossier", "connexion", "securite", "verification", "espace-client", "mon-compte", "actualisation"}
	tlds       = []string{"com", "net", "org", "info", "fr", "eu", "online", "site", "xyz", "co"}
)

func keyboardNeighbours(c byte) string {
	var out []byte
	for _, rows := range [][]string{qwertyRows, azertyRows} {
		for r, row := range rows {
			i := strings.IndexByte(row, c)
			if i < 0 {
				continue
			}
			add := func(rr, k int) {
				if rr >= 0 && rr < len(rows) && k >= 0 && k < len(rows[rr]) && !slices.Contains(out, rows[rr][k]) {
					out = append(out, rows[rr][k])
				}
			}
			add(r, i-1)
			add(r, i+1)
			add(r-1, i)
			add(r-1, i+1)
			add(r+1, i-1)
			add(r+1, i)
		}
	}
	return string(out)
}

// generate returns family -> lookalike hosts of host (without "www.").
func generate(host string) map[string][]string {
	tld := host[strings.LastIndexByte(host, '.')+1:]
	body := strings.TrimSuffix(host, "."+tld) // ants.gouv, ameli
	labels := strings.Split(body, ".")
	brand := labels[0]
	if len(labels) >= 2 && labels[len(labels)-1] == "gouv" {
		brand = labels[len(labels)-2]
	}
	f := map[string][]string{}
	add := func(family, s string) { f[family] = append(f[family], s) }
	edits := func(family string, each func(i int, b string) []string) {
		for i := range len(body) {
			for _, v := range each(i, body) {
				add(family, v+"."+tld)
			}
		}
	}
	edits("omission", func(i int, b string) []string {
		if b[i] == '.' {
			return nil
		}
		return []string{b[:i] + b[i+1:]}
	})
	edits("repetition", func(i int, b string) []string {
		if b[i] == '.' || b[i] == '-' {
			return nil
		}
		return []string{b[:i] + b[i:i+1] + b[i:]}
	})
	edits("transposition", func(i int, b string) []string {
		if i+1 >= len(b) || b[i] == b[i+1] || b[i] == '.' || b[i+1] == '.' {
			return nil
		}
		return []string{b[:i] + b[i+1:i+2] + b[i:i+1] + b[i+2:]}
	})
	edits("keyboard-replacement", func(i int, b string) []string {
		var out []string
		for _, n := range []byte(keyboardNeighbours(b[i])) {
			out = append(out, b[:i]+string(n)+b[i+1:])
		}
		return out
	})
	edits("keyboard-insertion", func(i int, b string) []string {
		var out []string
		for _, n := range []byte(keyboardNeighbours(b[i])) {
			out = append(out, b[:i]+string(n)+b[i:], b[:i+1]+string(n)+b[i+1:])
		}
		return out
	})
	edits("vowel-swap", func(i int, b string) []string {
		if !strings.ContainsRune(vowels, rune(b[i])) {
			return nil
		}
		var out []string
		for _, v := range vowels {
			if byte(v) != b[i] {
				out = append(out, b[:i]+string(v)+b[i+1:])
			}
		}
		return out
	})
	edits("bit-flip", func(i int, b string) []string {
		var out []string
		for bit := range 8 {
			c := b[i] ^ 1<<bit
			if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' {
				out = append(out, b[:i]+string(c)+b[i+1:])
			}
		}
		return out
	})
	edits("homoglyph-ascii", func(i int, b string) []string {
		var out []string
		for _, g := range asciiGlyph[b[i:i+1]] {
			out = append(out, b[:i]+g+b[i+1:])
		}
		return out
	})
	edits("hyphenation", func(i int, b string) []string {
		if i == 0 || b[i] == '.' || b[i-1] == '.' || b[i] == '-' || b[i-1] == '-' {
			return nil
		}
		return []string{b[:i] + "-" + b[i:]}
	})
	edits("dot-insertion", func(i int, b string) []string {
		if i == 0 || b[i] == '.' || b[i-1] == '.' || b[i] == '-' || b[i-1] == '-' {
			return nil
		}
		return []string{b[:i] + "." + b[i:]}
	})
	edits("dot-to-hyphen", func(i int, b string) []string {
		if b[i] != '.' {
			return nil
		}
		return []string{b[:i] + "-" + b[i+1:]}
	})
	for i, r := range []rune(body) {
		for _, g := range uniGlyph[r] {
			rs := []rune(body)
			add("homoglyph-unicode", string(rs[:i])+g+string(rs[i+1:])+"."+tld)
		}
	}
	// the dot before the TLD removed, and the TLD swapped
	add("dot-removal", strings.ReplaceAll(body, ".", "")+"."+tld)
	add("dot-removal", body+tld+".com")
	for _, t := range tlds {
		if t != tld {
			add("tld-swap", body+"."+t)
		}
		add("suffix-appended", host+"."+t)
	}
	if strings.HasSuffix(body, ".gouv") {
		stem := strings.TrimSuffix(body, ".gouv")
		for _, g := range []string{"gov", "gouv", "gouve", "gouvfr", "gouv-fr", "gov-fr"} {
			add("gouv-token", stem+"-"+g+".fr")
			add("gouv-token", stem+"."+g+".com")
		}
		add("gouv-swap", stem+".gov.fr")
		add("gouv-swap", stem+".gouv.com")
		add("gouv-swap", stem+".gouv.fr.com")
	} else {
		for _, g := range []string{"gouv", "gouv-fr", "gouvfr", "gov-fr"} {
			add("gouv-token", brand+"-"+g+".fr")
			add("gouv-token", g+"-"+brand+".com")
		}
	}
	for _, w := range baitWords {
		add("combo", brand+"-"+w+".fr")
		add("combo", w+"-"+brand+".com")
		add("combo-glued", brand+strings.ReplaceAll(w, "-", "")+".com")
		add("combo-free-hosting", brand+"-"+w+".netlify.app")
	}
	for _, evil := range []string{"secure-verif.com", "login-check.net", "appspot.com"} {
		add("embedding-subdomain", host+"."+evil)
		add("embedding-subdomain", "www."+host+"-"+evil)
	}
	add("embedding-dashed", strings.ReplaceAll(host, ".", "-")+".vercel.app")
	add("embedding-dashed", strings.ReplaceAll(host, ".", "-")+".com")
	// the registrable label alone, typed wrong or under another suffix (justlce.fr, ants.com)
	if rd, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		label := strings.SplitN(rd, ".", 2)[0]
		for i := range len(label) {
			add("label-typo", label[:i]+label[i+1:]+".fr")
			if i+1 < len(label) {
				add("label-typo", label[:i]+label[i+1:i+2]+label[i:i+1]+label[i+2:]+".com")
			}
		}
		for _, t := range []string{"fr", "com", "net", "info"} {
			if label+"."+t != host {
				add("label-tld-swap", label+"."+t)
			}
		}
	}
	add("embedding-path", "https://evil.example/"+host+"/login")
	add("embedding-userinfo", "https://"+host+"@evil.example/")
	add("subdomain-brand", brand+".secure-client.com")
	add("subdomain-brand", "espace-"+brand+".verification-compte.info")
	return f
}

func officialTargets(t *testing.T, c *Checker) []string {
	var hosts []string
	for _, p := range c.Procedures() {
		h := strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(p.URL, "https://"), "/"), "www.")
		if !slices.Contains(hosts, h) {
			hosts = append(hosts, h)
		}
	}
	require.GreaterOrEqual(t, len(hosts), 30)
	return hosts
}

func TestGeneratedLookalikes(t *testing.T) {
	c := New()
	type tally struct{ n, caution, danger int }
	families := map[string]*tally{}
	var total tally
	var misses []string
	for _, target := range officialTargets(t, c) {
		for family, hosts := range generate(target) {
			for _, h := range hosts {
				r, err := c.Check(context.Background(), h)
				if err != nil {
					continue // not a valid host name: nobody can register it
				}
				if r.Has(reflex.URLOfficial) || r.Has(reflex.URLState) {
					continue // another official host, or under gouv.fr
				}
				require.NoError(t, r.Validate(), h)
				ft := families[family]
				if ft == nil {
					ft = &tally{}
					families[family] = ft
				}
				for _, tt := range []*tally{ft, &total} {
					tt.n++
					if r.Verdict() >= reflex.Caution {
						tt.caution++
					}
					if r.Verdict() == reflex.Danger {
						tt.danger++
					}
				}
				if r.Verdict() < reflex.Caution {
					misses = append(misses, h)
				}
			}
		}
	}
	names := make([]string, 0, len(families))
	for name := range families {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ft := families[name]
		t.Logf("%-22s %5d  caution+ %5.1f %%  danger %5.1f %%", name, ft.n, pct(ft.caution, ft.n), pct(ft.danger, ft.n))
	}
	t.Logf("total %d lookalikes over %d families: caution+ %.2f %%, danger %.2f %%", total.n, len(families), pct(total.caution, total.n), pct(total.danger, total.n))
	if testing.Verbose() && len(misses) > 0 {
		t.Logf("below caution (%d): %v", len(misses), misses[:min(len(misses), 80)])
	}
	assert.GreaterOrEqual(t, pct(total.caution, total.n), 99.0)
	assert.GreaterOrEqual(t, pct(total.danger, total.n), 90.0)
}

func pct(a, n int) float64 {
	if n == 0 {
		return 0
	}
	return 100 * float64(a) / float64(n)
}

// Popular hosts whose names hold a brand word: never danger.
var benign = []string{
	"enfants.fr", "www.pantalon.fr", "cafe.fr", "escafe.fr", "msai.fr", "santai.fr", "www.cafes-richard.fr",
	"restaurants.fr", "etudiants.fr", "www.amelioration-habitat.fr", "www.decathlon.fr", "www.leboncoin.fr",
	"www.lemonde.fr", "www.cafedeparis.fr", "www.msn.com", "www.camelia-fleurs.fr", "nantais.fr", "www.plantes.fr",
	"www.google.com", "www.amazon.fr", "www.gouvernement.fr", "www.orange.fr",
	"www.laposte.fr", "www.credit-agricole.fr", "www.doctolib.fr", "www.sncf-connect.com", "www.free.fr",
	"www.legifrance.gouv.fr", "www.vitalis.fr", "www.caf-conc.fr", "www.antaimmo.fr", "www.messages.fr",
	"www.francebleu.fr", "www.education.gouv.qc.ca", "www.gouv.sn", "www.msasafety.com", "www.cafpi.fr", "www.ouest-france.fr", "www.carrefour.fr", "www.mutuelle-generale.fr", "www.pages-jaunes.fr",
}

func TestBenignHostsAreNeverDanger(t *testing.T) {
	c := New()
	for _, h := range benign {
		r, err := c.Check(context.Background(), h)
		require.NoError(t, err, h)
		require.NoError(t, r.Validate())
		assert.Less(t, r.Verdict(), reflex.Danger, "%s: %s", h, fmt.Sprint(r.Findings))
	}
}
