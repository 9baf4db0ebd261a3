package urlcheck

import (
	"context"
	"net/url"
	"testing"

	"golang.org/x/net/publicsuffix"
)

// benchURLs is a mixed set: official, State, lookalikes of every kind, unknown sites,
// as people paste them.
var benchURLs = []string{
	"https://www.impots.gouv.fr/portail/particulier",
	"https://www.ameli.fr/assure/remboursements",
	"https://immatriculation.ants.gouv.fr/demarches-en-ligne",
	"https://www.data.gouv.fr/fr/datasets/",
	"https://ants-gouv.fr/carte-grise",
	"https://impots-gouv-fr.vercel.app/remboursement",
	"https://ameli.fr.secure-verif.com/connexion",
	"https://www.espace-client-ameli-remboursement.com/",
	"https://amelli.fr/",
	"https://xn--meli-43d.fr/",
	"https://www.leboncoin.fr/voitures/offres",
	"https://www.lemonde.fr/economie/article/2025/10/01/x.html",
	"https://bit.ly/3xYzAb",
	"https://carte-grise-en-ligne.fr/tarifs",
	"http://192.168.1.1/login",
	"https://evil.example/ants.gouv.fr/login",
}

func BenchmarkCheck(b *testing.B) {
	c := New()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		for _, u := range benchURLs {
			if _, err := c.Check(ctx, u); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkBaseline is the floor Check is measured against: url.Parse and
// publicsuffix.EffectiveTLDPlusOne on the same inputs.
func BenchmarkBaseline(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range benchURLs {
			u, err := url.Parse(raw)
			if err != nil {
				b.Fatal(err)
			}
			_, _ = publicsuffix.EffectiveTLDPlusOne(u.Hostname())
		}
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		New()
	}
}
