package urlcheck

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/publicsuffix"
)

// The procedures the issue asks for, at least.
var requiredProcedures = []string{
	"cni-passeport", "permis-de-conduire", "carte-grise", "france-titres", "impots", "ameli", "caf",
	"retraite", "info-retraite", "agirc-arrco", "france-travail", "crit-air", "amendes", "antai",
	"stationnement", "cpf", "franceconnect", "service-public", "casier-judiciaire", "procuration",
	"cybermalveillance", "17cyber", "france-identite", "urssaf", "msa", "net-entreprises",
	"demarches-simplifiees", "maprimerenov", "chorus-pro", "mes-droits-sociaux", "mon-espace-sante",
	"parcoursup", "justice", "police-nationale", "gendarmerie", "interieur", "securite-sociale",
	"laposte", "colissimo", "chronopost", "dpd", "dhl", "ups", "fedex", "gls", "mondial-relay", "relais-colis",
}

// costWords are the words of a price: a note never says them, the cost does.
var costWords = regexp.MustCompile(`(?i)gratuit|frais|payant|€|\beur\b|timbre fiscal \(`)

// generic registrable labels that are words, not brands (the subdomain names the service)
var genericLabels = []string{"justice", "interieur", "budget"}

func TestEmbeddedCatalogue(t *testing.T) {
	procs, err := parseCatalogue(strings.NewReader(catalogue))
	require.NoError(t, err)
	ids := map[string]bool{}
	for _, p := range procs {
		ids[p.ID] = true
		t.Run(p.ID, func(t *testing.T) {
			assert.NotEmpty(t, p.Name)
			assert.NotEmpty(t, p.Organisation)
			assert.LessOrEqual(t, len([]rune(p.Note)), 160, "note: one line")
			if p.Kind == KindProcedure {
				assert.NotEmpty(t, p.Cost.Kind, "a procedure says what it costs")
				assert.NotRegexp(t, costWords, p.Note, "the note speaks of the cost: say it in cost")
			} else {
				assert.Empty(t, p.Cost.Kind, "an organisation has no cost of its own")
			}
			if p.Kind != KindCompany {
				assert.NotEmpty(t, p.NameEN, "an English name for English output")
			}
			require.NotEmpty(t, p.Sources)
			for _, s := range p.Sources {
				assert.True(t, strings.HasPrefix(s, "https://"), s)
			}
			checked, err := time.Parse(time.DateOnly, p.Checked)
			require.NoError(t, err)
			assert.True(t, checked.Before(time.Now().Add(24*time.Hour)), "checked in the future")
			assert.NotEmpty(t, append(p.Brands, p.Topics...), "a procedure needs the words scams borrow")
			for _, h := range p.Hosts {
				rd, err := publicsuffix.EffectiveTLDPlusOne(h.Name)
				require.NoError(t, err, h.Name)
				label := strings.SplitN(rd, ".", 2)[0]
				if strings.HasSuffix(rd, ".gouv.fr") || h.Legacy || slices.Contains(genericLabels, label) {
					continue
				}
				local := slices.ContainsFunc(p.Local, func(b string) bool { return strings.HasPrefix(label, b+"-") })
				assert.True(t, brandOf(p, label) || local, "%s: its registrable label %q must be a brand, or a local office's site", h.Name, label)
			}
		})
	}
	for _, id := range requiredProcedures {
		assert.True(t, ids[id], "missing procedure %s", id)
	}
	c := New()
	require.NoError(t, c.Err())
	assert.Equal(t, procs, c.Procedures())
}

func TestParseCatalogueErrors(t *testing.T) {
	const good = "[x]\nname: N\norg: O\nurl: https://x.example.fr/\nhosts: x.example.fr\ncost: free\nnote: n\nbrands: xample\nsource: https://x.example.fr/\nchecked: 2026-01-02\n"
	_, err := parseCatalogue(strings.NewReader(good))
	require.NoError(t, err)
	for _, tc := range []struct{ name, text, want string }{
		{"empty", "# nothing\n", "no procedure"},
		{"text first", "name: x\n", "before the first"},
		{"bad id", strings.Replace(good, "[x]", "[X Y]", 1), "bad procedure id"},
		{"duplicate id", good + good, `duplicate procedure id "x"`},
		{"duplicate key", strings.Replace(good, "note: n\n", "note: n\nnote: m\n", 1), `duplicate key "note"`},
		{"unknown key", strings.Replace(good, "note: n\n", "nope: n\n", 1), "unknown key"},
		{"no colon", strings.Replace(good, "note: n\n", "note n\n", 1), "want key: value"},
		{"missing cost", strings.Replace(good, "cost: free\n", "", 1), "missing cost"},
		{"bad cost", strings.Replace(good, "cost: free\n", "cost: cheap\n", 1), "not free, tax, price or dues"},
		{"tax without words", strings.Replace(good, "cost: free\n", "cost: tax\n", 1), "cost.fr and cost.en"},
		{"price without amount", strings.Replace(good, "cost: free\n", "cost: price\ncost.fr: x\ncost.en: y\n", 1), "missing cost.amount"},
		{"bad amount", strings.Replace(good, "cost: free\n", "cost: price\ncost.amount: 3,70 €\n", 1), "not an amount"},
		{"amount of a tax", strings.Replace(good, "cost: free\n", "cost: tax\ncost.amount: 3.70 EUR\ncost.fr: x\ncost.en: y\n", 1), "for a price only"},
		{"free with words", strings.Replace(good, "cost: free\n", "cost: free\ncost.fr: x\n", 1), "no amount nor text"},
		{"bad kind", strings.Replace(good, "cost: free\n", "kind: shop\n", 1), "not procedure, public-body or company"},
		{"bad phone", strings.Replace(good, "cost: free\n", "cost: free\nphones: 01 23\n", 1), "not a French number"},
		{"empty note", strings.Replace(good, "note: n\n", "note:\n", 1), "empty note"},
		{"host not canonical", strings.Replace(good, "hosts: x.example.fr", "hosts: X.Example.fr", 1), "not a canonical host"},
		{"host with dot", strings.Replace(good, "hosts: x.example.fr", "hosts: x.example.fr.", 1), "not a canonical host"},
		{"ip host", strings.Replace(good, "hosts: x.example.fr", "hosts: x.example.fr 192.0.2.1", 1), "not a canonical host"},
		{"url not https", strings.Replace(good, "url: https://", "url: http://", 1), "not a canonical https URL"},
		{"url not canonical", strings.Replace(good, "url: https://x.example.fr/", "url: https:X.example.fr/", 1), "not a canonical https URL"},
		{"empty source", strings.Replace(good, "source: https://x.example.fr/", "source: https://", 1), "not an https URL"},
		{"url elsewhere", strings.Replace(good, "url: https://x.example.fr/", "url: https://y.example.fr/", 1), "not among the official hosts"},
		{"bad date", strings.Replace(good, "2026-01-02", "02/01/2026", 1), "not a date"},
		{"bad source", strings.Replace(good, "source: https://", "source: ftp://", 1), "not an https URL"},
		{"bad brand", strings.Replace(good, "brands: xample", "brands: Xample", 1), "bad brands word"},
		{"short star", strings.Replace(good, "brands: xample", "brands: abc*", 1), "5 letters"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseCatalogue(strings.NewReader(tc.text))
			require.Error(t, err)
			assert.ErrorContains(t, err, tc.want)
			assert.True(t, errors.Is(err, ErrCatalogue))
			var ce *CatalogueError
			assert.True(t, errors.As(err, &ce))
		})
	}
	long := "[x]\nnote: " + strings.Repeat("a", maxLine) + "\n"
	_, err = parseCatalogue(strings.NewReader(long))
	assert.ErrorIs(t, err, ErrCatalogue)
}

// FuzzCatalogue: the parser never panics, and what it accepts is consistent.
func FuzzCatalogue(f *testing.F) {
	f.Add(catalogue)
	f.Add("[x]\nname: N\norg: O\nurl: https://x.example.fr/\nhosts: x.example.fr =y.example.fr\nlegacy: z.example.fr\ncost: gratuit\nnote: n\nbrands: xample* a-b\ntopics: t\nsource: https://x.example.fr/\nchecked: 2026-01-02\n")
	f.Add("[x]\nhosts: =\n")
	f.Fuzz(func(t *testing.T, text string) {
		procs, err := parseCatalogue(strings.NewReader(text))
		if err != nil {
			if !errors.Is(err, ErrCatalogue) {
				t.Fatalf("error not wrapping ErrCatalogue: %v", err)
			}
			return
		}
		for _, p := range procs {
			if p.ID == "" || len(p.Hosts) == 0 || !strings.HasPrefix(p.URL, "https://") {
				t.Fatalf("accepted an incomplete procedure: %+v", p)
			}
		}
		if _, err := buildIndex(procs, wordList, shortenerList); err != nil {
			t.Fatalf("accepted catalogue does not index: %v", err)
		}
	})
}
