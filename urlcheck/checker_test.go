package urlcheck

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/reflex"
)

type want struct {
	verdict reflex.Severity
	codes   []reflex.Code // must be present
	suggest string        // suggestion of the first finding, when set
}

func checkTable(t *testing.T, c *Checker, forID string, cases map[string]want) {
	t.Helper()
	for in, w := range cases {
		t.Run(in, func(t *testing.T) {
			var r reflex.Report
			var err error
			if forID == "" {
				r, err = c.Check(context.Background(), in)
			} else {
				r, err = c.CheckFor(context.Background(), in, forID)
			}
			require.NoError(t, err)
			require.NoError(t, r.Validate())
			assert.Equal(t, in, r.Subject)
			assert.Equal(t, reflex.KindURL, r.Kind)
			assert.Equal(t, w.verdict, r.Verdict(), "%v", r.Findings)
			for _, code := range w.codes {
				assert.True(t, r.Has(code), "want %s in %v", code, r.Findings)
			}
			if w.suggest != "" {
				assert.Equal(t, w.suggest, r.Findings[0].Suggest, "%v", r.Findings)
			}
		})
	}
}

func TestOfficialAndTrickyButLegit(t *testing.T) {
	official := want{verdict: reflex.OK, codes: []reflex.Code{reflex.URLOfficial}}
	checkTable(t, New(), "", map[string]want{
		"https://www.impots.gouv.fr/":                              official,
		"https://cfspart.impots.gouv.fr/LoginMDP?op=c":             official,
		"HTTPS://WWW.AMELI.FR./assure":                             official,
		"www.ameli.fr":                                             official,
		"//immatriculation.ants.gouv.fr/":                          official,
		"https://ants.gouv.fr:443/":                                official,
		"https://permisdeconduire.ants.gouv.fr/?next=ants-gouv.fr": official, // the query never makes an official host suspicious
		"https://www.caf.fr/#https://caf-remboursement.com":        official,
		"https://candidat.pole-emploi.fr/":                         official, // legacy, still official
		"https://www.service-public.fr/particuliers":               official,
		"https://www.service-public.gouv.fr/":                      official,
		"https://www.certificat-air.gouv.fr/":                      official,
		"https://casier-judiciaire.justice.gouv.fr/":               official,
		"https://app.franceconnect.gouv.fr/":                       official,
		"https://www.17cyber.gouv.fr/":                             official,
		"https://autoentrepreneur.urssaf.fr/":                      official,
		"http://www.caf.fr/":                                       {verdict: reflex.Info, codes: []reflex.Code{reflex.URLOfficial, reflex.URLInsecure}},
		"https://user@www.ameli.fr/":                               {verdict: reflex.Info, codes: []reflex.Code{reflex.URLOfficial, reflex.URLUserinfo}},
		"https://www.data.gouv.fr/":                                {verdict: reflex.Info, codes: []reflex.Code{reflex.URLState}},
		"https://xn--impts-8ta.gouv.fr/":                           {verdict: reflex.Info, codes: []reflex.Code{reflex.URLState}}, // the State's own accented name
		"https://www.legifrance.gouv.fr/":                          {verdict: reflex.Info, codes: []reflex.Code{reflex.URLState}},
	})
}

func TestOfficialTexts(t *testing.T) {
	c := New()
	r, err := c.Check(context.Background(), "https://www.certificat-air.gouv.fr/")
	require.NoError(t, err)
	assert.Contains(t, r.Findings[0].Reflex(reflex.French), "Prix officiel\u00a0: 3,70\u00a0€ + envoi")
	r, err = c.Check(context.Background(), "https://permisdeconduire.ants.gouv.fr/")
	require.NoError(t, err)
	assert.Equal(t, "C'est un site officiel\u00a0: France Titres (ex-ANTS).", r.Findings[0].Message(reflex.French))
	assert.Contains(t, r.Findings[0].Reflex(reflex.French), "gratuite sur permisdeconduire.ants.gouv.fr")
	r, err = c.Check(context.Background(), "https://permis-de-conduire-en-ligne.fr/")
	require.NoError(t, err)
	f := r.Find(reflex.URLNotOfficial)
	require.NotNil(t, f, "%v", r.Findings)
	assert.Equal(t, reflex.Caution, f.Severity, "a private site built on a procedure: the paid intermediary")
	assert.Contains(t, f.Reflex(reflex.French), "Cette démarche est gratuite sur permisdeconduire.ants.gouv.fr")
	assert.Contains(t, f.Reflex(reflex.English), "This procedure is free on permisdeconduire.ants.gouv.fr")
}

func TestLookalikes(t *testing.T) {
	danger := func(code reflex.Code, suggest string) want {
		return want{verdict: reflex.Danger, codes: []reflex.Code{code}, suggest: suggest}
	}
	checkTable(t, New(), "", map[string]want{
		"https://ants-gouv.fr/carte-grise":       danger(reflex.URLLookalike, "https://immatriculation.ants.gouv.fr/"), // the procedure the path names
		"antsgouv.fr":                            danger(reflex.URLLookalike, "https://ants.gouv.fr/"),
		"ants.gouv.com":                          danger(reflex.URLLookalike, "https://ants.gouv.fr/"),
		"ants.fr":                                danger(reflex.URLLookalike, "https://ants.gouv.fr/"),
		"https://amelli.fr/":                     danger(reflex.URLLookalike, "https://www.ameli.fr/"),
		"https://arneli.fr/":                     danger(reflex.URLLookalike, "https://www.ameli.fr/"),
		"https://аmeli.fr/":                      {verdict: reflex.Danger, codes: []reflex.Code{reflex.URLLookalike, reflex.URLMixedScript}},
		"https://іmpots.gouv.fr/":                {verdict: reflex.Danger, codes: []reflex.Code{reflex.URLLookalike}}, // Cyrillic і under gouv.fr
		"https://ants.gouv.fr.secure-verif.com/": danger(reflex.URLEmbedding, "https://ants.gouv.fr/"),
		"https://impots-gouv-fr.vercel.app/":     {verdict: reflex.Danger, codes: []reflex.Code{reflex.URLEmbedding, reflex.URLGouvToken, reflex.URLFreeHosting}},
		"https://evil.example/ants.gouv.fr/":     danger(reflex.URLEmbedding, "https://ants.gouv.fr/"),
		"https://www.ameli.fr@evil.example/":     {verdict: reflex.Danger, codes: []reflex.Code{reflex.URLEmbedding, reflex.URLUserinfo}},
		"https://impots-remboursement.fr/":       danger(reflex.URLCombo, "https://www.impots.gouv.fr/"),
		"https://clientameli.fr/":                danger(reflex.URLCombo, "https://www.ameli.fr/"),
		"https://ma-cartevitale2024.com/":        danger(reflex.URLCombo, "https://www.ameli.fr/"),
		"https://amende-gouv.com/":               {verdict: reflex.Danger, codes: []reflex.Code{reflex.URLGouvToken}},
		"https://paiement-amende.fr/":            danger(reflex.URLCombo, "https://www.amendes.gouv.fr/"),
		"https://caf-remboursement.com/":         danger(reflex.URLCombo, "https://www.caf.fr/"),
		"https://cqf.fr/":                        danger(reflex.URLLookalike, "https://www.caf.fr/"),
		"https://myamelie-remboursement.com/":    danger(reflex.URLCombo, "https://www.ameli.fr/"), // ameli glued to a letter, with bait
		"https://mon-cpf-formation.fr/":          {verdict: reflex.Caution, codes: []reflex.Code{reflex.URLCombo}},
		"http://192.168.1.10/ameli":              {verdict: reflex.Caution, codes: []reflex.Code{reflex.URLIPHost, reflex.URLInsecure}},
		"https://bit.ly/3xYz":                    {verdict: reflex.Caution, codes: []reflex.Code{reflex.URLShortener}},
		"https://my-site.netlify.app/":           {verdict: reflex.Caution, codes: []reflex.Code{reflex.URLFreeHosting}},
		"https://www.example.com/":               {verdict: reflex.Info, codes: []reflex.Code{reflex.URLNotOfficial}},
		"https://gouv.nc/":                       {verdict: reflex.Info, codes: []reflex.Code{reflex.URLNotOfficial}},
		"https://carte-grise-en-ligne.fr/":       {verdict: reflex.Caution, codes: []reflex.Code{reflex.URLNotOfficial}, suggest: "https://immatriculation.ants.gouv.fr/"},
		"https://www.enfants.fr/":                {verdict: reflex.Info},
		"https://pantalon.fr/":                   {verdict: reflex.Info},
		"https://escafe.fr/":                     {verdict: reflex.Info},
	})
}

func TestCheckFor(t *testing.T) {
	c := New()
	checkTable(t, c, "permis-de-conduire", map[string]want{
		"https://permisdeconduire.ants.gouv.fr/": {verdict: reflex.OK, codes: []reflex.Code{reflex.URLOfficial}},
		"https://ants.gouv.fr/":                  {verdict: reflex.OK, codes: []reflex.Code{reflex.URLOfficial}},
		"https://immatriculation.ants.gouv.fr/":  {verdict: reflex.Caution, codes: []reflex.Code{reflex.URLOtherProcedure}, suggest: "https://permisdeconduire.ants.gouv.fr/"},
		"https://www.impots.gouv.fr/":            {verdict: reflex.Caution, codes: []reflex.Code{reflex.URLOtherProcedure}},
		"https://www.data.gouv.fr/":              {verdict: reflex.Caution, codes: []reflex.Code{reflex.URLState, reflex.URLOtherProcedure}},
		"https://www.example.com/":               {verdict: reflex.Info, codes: []reflex.Code{reflex.URLNotOfficial}, suggest: "https://permisdeconduire.ants.gouv.fr/"},
		"https://permisdeconduire-ants-gouv.fr/": {verdict: reflex.Danger},
	})
	_, err := c.CheckFor(context.Background(), "https://ants.gouv.fr/", "nope")
	require.ErrorIs(t, err, ErrUnknownProcedure)
	assert.ErrorContains(t, err, "permis-de-conduire")
}

func TestInvalidInput(t *testing.T) {
	c := New()
	for _, in := range []string{"", "   ", "ftp://ameli.fr", "https://ameli..fr", "https://[::1", "https://%zz.fr"} {
		r, err := c.Check(context.Background(), in)
		assert.ErrorIs(t, err, ErrInvalidURL, "%q", in)
		assert.Equal(t, in, r.Subject)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.Check(ctx, "https://ameli.fr/")
	assert.ErrorIs(t, err, context.Canceled)
}

const extra = `[mairie-exemple]
name: Démarches de la mairie d'Exemple
org: Mairie d'Exemple
url: https://www.exemple-ville.fr/
hosts: exemple-ville.fr
cost: gratuit
note: Etat civil et inscriptions scolaires.
brands: exemple-ville
source: https://www.exemple-ville.fr/
checked: 2026-11-23
`

func TestOptions(t *testing.T) {
	ctx := context.Background()
	c := New(WithExtraCatalogue(strings.NewReader(extra)))
	require.NoError(t, c.Err())
	r, err := c.CheckFor(ctx, "https://www.exemple-ville.fr/etat-civil", "mairie-exemple")
	require.NoError(t, err)
	assert.Equal(t, reflex.OK, r.Verdict())
	r, err = c.Check(ctx, "https://exemple-ville-paiement.com/")
	require.NoError(t, err)
	assert.Equal(t, reflex.Danger, r.Verdict(), "extra brands are protected too")
	assert.Len(t, c.Procedures(), len(New().Procedures())+1)

	only := New(WithCatalogue(strings.NewReader(extra)))
	require.NoError(t, only.Err())
	assert.Len(t, only.Procedures(), 1)
	r, err = only.Check(ctx, "https://www.ameli.fr/")
	require.NoError(t, err)
	assert.False(t, r.Has(reflex.URLOfficial), "a replaced catalogue no longer knows ameli.fr")

	bad := New(WithExtraCatalogue(strings.NewReader(strings.Replace(extra, "mairie-exemple", "ameli", 1))))
	require.ErrorIs(t, bad.Err(), ErrCatalogue)
	_, err = bad.Check(ctx, "https://www.ameli.fr/")
	assert.ErrorIs(t, err, ErrCatalogue)
	assert.Nil(t, bad.Procedures())

	pub := New(WithPublicSectorHosts(strings.NewReader("# towns\nwww.caudan.fr\nmairie-exemple.fr\namelie-les-bains.com\n")))
	require.NoError(t, pub.Err())
	for in, v := range map[string]reflex.Severity{
		"https://www.caudan.fr/":        reflex.Info,
		"https://mairie-exemple.fr/":    reflex.Info,
		"https://amelie-les-bains.com/": reflex.Caution, // listed, yet a lookalike signal stays
		"https://www.ameli.fr/":         reflex.OK,
		"https://autre-commune.fr/":     reflex.Info,
	} {
		r, err := pub.Check(ctx, in)
		require.NoError(t, err)
		assert.Equal(t, v, r.Verdict(), "%s: %v", in, r.Findings)
		assert.NotEqual(t, reflex.OK, r.Verdict() == reflex.OK && !r.Has(reflex.URLOfficial), in)
	}
	r, _ = pub.Check(ctx, "https://www.caudan.fr/")
	assert.True(t, r.Has(reflex.URLPublicSector))
	assert.False(t, r.Has(reflex.URLNotOfficial))
	assert.ErrorIs(t, New(WithPublicSectorHosts(strings.NewReader("not a host/..\n"))).Err(), ErrCatalogue)
}

func TestConcurrentUse(t *testing.T) {
	c := New()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for _, in := range benchURLs {
				r, err := c.Check(context.Background(), in)
				if err == nil && i == 0 {
					assert.NoError(t, r.Validate())
				}
			}
		})
	}
	wg.Wait()
}

func TestErrorsAreDistinct(t *testing.T) {
	assert.False(t, errors.Is(ErrInvalidURL, ErrCatalogue))
	assert.False(t, errors.Is(ErrUnknownProcedure, ErrInvalidURL))
}

func TestReportsAreIndependentValues(t *testing.T) {
	c := New()
	a, err := c.Check(context.Background(), "https://www.ameli.fr/")
	require.NoError(t, err)
	a.Findings[0].Params["org"] = "changed by the caller"
	b, err := c.Check(context.Background(), "https://www.ameli.fr/")
	require.NoError(t, err)
	assert.Equal(t, "Caisse nationale de l'Assurance maladie (CPAM)", b.Findings[0].Params["org"])
}

func TestZeroCheckerDoesNotPanic(t *testing.T) {
	var c Checker
	_, err := c.Check(context.Background(), "https://www.ameli.fr/")
	assert.Error(t, err)
	assert.Nil(t, c.Procedures())
	_, err = c.CheckFor(context.Background(), "https://www.ameli.fr/", "ameli")
	assert.Error(t, err)
}
