package urlcheck

import (
	"context"
	"net/url"
	"testing"
	"time"

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

// BenchmarkCheckVsBaseline runs both on the same inputs, interleaved, and reports how
// many times slower Check is (the goal: within 4x). Interleaving keeps the ratio
// meaningful on a busy machine, where two separate benchmarks drift apart.
func BenchmarkCheckVsBaseline(b *testing.B) {
	c := New()
	ctx := context.Background()
	var check, base time.Duration
	for b.Loop() {
		t0 := time.Now()
		for _, raw := range benchURLs {
			u, _ := url.Parse(raw)
			_, _ = publicsuffix.EffectiveTLDPlusOne(u.Hostname())
		}
		t1 := time.Now()
		for _, raw := range benchURLs {
			_, _ = c.Check(ctx, raw)
		}
		t2 := time.Now()
		base += t1.Sub(t0)
		check += t2.Sub(t1)
	}
	b.ReportMetric(float64(check)/float64(base), "x-baseline")
	b.ReportMetric(float64(check)/float64(b.N*len(benchURLs)), "ns/url")
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		New()
	}
}
