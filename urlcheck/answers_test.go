package urlcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/internal/golden"
	"github.com/trustreflex/trustreflex/reflex"
)

// answerURLs are the addresses of the table tests and examples of this package, beside
// the benchmark's and the own test sets: together, every branch of the rules.
var answerURLs = []string{
	"https://www.impots.gouv.fr/", "https://cfspart.impots.gouv.fr/LoginMDP?op=c", "HTTPS://WWW.AMELI.FR./assure",
	"www.ameli.fr", "//immatriculation.ants.gouv.fr/", "https://ants.gouv.fr:443/",
	"https://permisdeconduire.ants.gouv.fr/?next=ants-gouv.fr", "https://www.caf.fr/#https://caf-remboursement.com",
	"https://candidat.pole-emploi.fr/", "https://www.service-public.fr/particuliers", "https://www.service-public.gouv.fr/",
	"https://www.certificat-air.gouv.fr/", "https://casier-judiciaire.justice.gouv.fr/", "https://app.franceconnect.gouv.fr/",
	"https://www.17cyber.gouv.fr/", "https://autoentrepreneur.urssaf.fr/", "http://www.caf.fr/", "https://user@www.ameli.fr/",
	"https://www.data.gouv.fr/", "https://xn--impts-8ta.gouv.fr/", "https://www.legifrance.gouv.fr/",
	"https://permisdeconduire.ants.gouv.fr/", "https://permis-de-conduire-en-ligne.fr/",
	"https://ants-gouv.fr/carte-grise", "antsgouv.fr", "ants.gouv.com", "ants.fr", "https://amelli.fr/", "https://arneli.fr/",
	"https://аmeli.fr/", "https://іmpots.gouv.fr/", "https://ants.gouv.fr.secure-verif.com/", "https://impots-gouv-fr.vercel.app/",
	"https://evil.example/ants.gouv.fr/", "https://www.ameli.fr@evil.example/", "https://impots-remboursement.fr/",
	"https://clientameli.fr/", "https://ma-cartevitale2024.com/", "https://amende-gouv.com/", "https://paiement-amende.fr/",
	"https://caf-remboursement.com/", "https://cqf.fr/", "https://myamelie-remboursement.com/", "https://mon-cpf-formation.fr/",
	"http://192.168.1.10/ameli", "https://bit.ly/3xYz", "https://my-site.netlify.app/", "https://www.example.com/",
	"https://gouv.nc/", "https://carte-grise-en-ligne.fr/", "https://www.enfants.fr/", "https://pantalon.fr/", "https://escafe.fr/",
	"https://immatriculation.ants.gouv.fr/", "https://www.exemple-ville.fr/etat-civil", "https://exemple-ville-paiement.com/",
	"https://www.caudan.fr/", "https://mairie-exemple.fr/", "https://amelie-les-bains.com/", "https://autre-commune.fr/",
	"https://www.ameli.fr", "xn--meli-43d.fr/..//ants.gouv.fr@x", "https://ameli.fr/",
	// IP literals, ports, userinfo with a password, defanged links, paths and long hosts
	"http://[2001:db8::1]/ameli", "http://3232235777/", "https://0x7f.1/impots", "https://ameli.fr:8443/",
	"https://impots.gouv.fr:secret@evil.example/", "hxxps://ants-gouv[.]fr/carte-grise", "https://xn--amli-bpa.fr/",
	"https://evil.example/https://www.interieur.gouv.fr/x", "https://a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.ameli-remboursement.com/",
	"https://www.xn--80ak6aa92e.com/", "https://xn--pple-43d.xn--p1ai/", "https://impôts.gouv.fr/", "https://impôts-gouv.fr/",
	"https://laposte-colis-frais.com/", "https://colis-suivi-fr.top/", "https://www.ameli.fr/carte-grise",
	"https://ants.gouv.fr/permis-de-conduire", "https://ameli-gouv.fr/carte-grise/permis-de-conduire",
}

// answerSubjectsFor are the addresses whose CheckFor answers are pinned for p: its own,
// an unknown site, another entry's, its host dashed, a State site, its host embedded.
func answerSubjectsFor(p Procedure, other Procedure) []string {
	host := strings.TrimSuffix(strings.TrimPrefix(p.URL, "https://"), "/")
	return []string{p.URL, "https://www.example.com/", other.URL,
		"https://" + strings.ReplaceAll(strings.TrimPrefix(host, "www."), ".", "-") + ".com/",
		"https://www.data.gouv.fr/", "https://" + strings.TrimPrefix(host, "www.") + ".secure-verif.com/x/carte-grise"}
}

// TestAnswersGolden pins the full answer of Check and CheckFor on every address of the
// tests and own test sets of this package: the findings with their Params, and the wire
// form in French and English. Any change of answer shows in testdata/answers.golden.
func TestAnswersGolden(t *testing.T) {
	c := New()
	pub := New(WithExtraCatalogue(strings.NewReader(extra)),
		WithPublicSectorHosts(strings.NewReader("# towns\nwww.caudan.fr\nmairie-exemple.fr\namelie-les-bains.com\n")))
	require.NoError(t, pub.Err())
	var out bytes.Buffer
	ctx := context.Background()
	write := func(name string, r reflex.Report, err error) {
		fmt.Fprintf(&out, "# %s\n", name)
		if err != nil {
			for _, lang := range []reflex.Lang{reflex.French, reflex.English} {
				b, jerr := reflex.WireError(r.Subject, r.Kind, err, lang).MarshalJSON()
				require.NoError(t, jerr)
				fmt.Fprintf(&out, "%s %s\n", lang, b)
			}
			return
		}
		require.NoError(t, r.Validate(), name)
		for _, f := range r.Findings {
			keys := slices.Sorted(maps.Keys(f.Params))
			fmt.Fprintf(&out, "  %s %s %q %q", f.Code, f.Severity, f.Evidence, f.Suggest)
			if f.Params == nil {
				out.WriteString(" nil")
			}
			for _, k := range keys {
				fmt.Fprintf(&out, " %s=%q", k, f.Params[k])
			}
			out.WriteByte('\n')
		}
		for _, lang := range []reflex.Lang{reflex.French, reflex.English} {
			b, jerr := json.Marshal(r.Wire(lang))
			require.NoError(t, jerr)
			fmt.Fprintf(&out, "%s %s\n", lang, b)
		}
	}
	var subjects []string
	for _, set := range [][]string{benchURLs, answerURLs, benign, officialAndTricky, publicServiceLures(), parcelLures(), legitimatePublicHosts()} {
		for _, s := range set {
			if !slices.Contains(subjects, s) {
				subjects = append(subjects, s)
			}
		}
	}
	invalid := []string{"", "   ", "ftp://ameli.fr", "https://ameli..fr", "https://[::1", "https://%zz.fr"}
	for _, s := range append(subjects, invalid...) {
		r, err := c.Check(ctx, s)
		write(s, r, err)
	}
	for _, s := range answerURLs {
		r, err := pub.Check(ctx, s)
		write("public-sector "+s, r, err)
	}
	procs := c.Procedures()
	for i, p := range procs {
		other := procs[(i+1)%len(procs)]
		for _, s := range answerSubjectsFor(p, other) {
			r, err := c.CheckFor(ctx, s, p.ID)
			write("for "+p.ID+" "+s, r, err)
		}
	}
	for _, s := range answerURLs[:24] {
		r, err := c.CheckFor(ctx, s, "permis-de-conduire")
		write("for permis-de-conduire "+s, r, err)
	}
	golden.Equal(t, "testdata/answers.golden", out.Bytes())
}

// answerEntryKeys are the params that come from a catalogue entry (who it is, its cost):
// the generated golden writes each set of them once.
var answerEntryKeys = map[string]bool{
	"org": true, "org.en": true, "procedure": true, "procedure.en": true, "owner": true, "cost": true,
	"free": true, "tax": true, "tax.en": true, "price": true, "pricenote": true, "pricenote.en": true,
	"dues": true, "dues.en": true,
}

// TestGeneratedAnswersGolden pins the answers on the generated lookalikes, one line a
// host: the findings with their Params (the wire form renders from them).
func TestGeneratedAnswersGolden(t *testing.T) {
	c := New()
	var out bytes.Buffer
	entries := map[string]int{} // the params of a catalogue entry, written once at the top
	ctx := context.Background()
	for _, target := range officialTargets(t, c) {
		fams := generate(target)
		for _, fam := range slices.Sorted(maps.Keys(fams)) {
			for _, h := range fams[fam] {
				r, err := c.Check(ctx, h)
				if err != nil {
					fmt.Fprintf(&out, "%s\terror %v\n", h, err)
					continue
				}
				fmt.Fprintf(&out, "%s", h)
				for _, f := range r.Findings {
					fmt.Fprintf(&out, "\t%s %s %q %q", f.Code, f.Severity, f.Evidence, f.Suggest)
					var entry strings.Builder
					for _, k := range slices.Sorted(maps.Keys(f.Params)) {
						if answerEntryKeys[k] {
							fmt.Fprintf(&entry, " %s=%q", k, f.Params[k])
						} else {
							fmt.Fprintf(&out, " %s=%q", k, f.Params[k])
						}
					}
					if entry.Len() > 0 {
						n, ok := entries[entry.String()]
						if !ok {
							n = len(entries)
							entries[entry.String()] = n
						}
						fmt.Fprintf(&out, " entry#%d", n)
					}
				}
				out.WriteByte('\n')
			}
		}
	}
	var head bytes.Buffer
	for _, e := range slices.SortedFunc(maps.Keys(entries), func(a, b string) int { return entries[a] - entries[b] }) {
		fmt.Fprintf(&head, "entry#%d%s\n", entries[e], e)
	}
	golden.Equal(t, "testdata/generated.golden", append(head.Bytes(), out.Bytes()...))
}
