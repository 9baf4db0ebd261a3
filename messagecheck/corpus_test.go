package messagecheck

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/internal/evaldata"
	"github.com/trustreflex/trustreflex/reflex"
)

// smsTemplates put a host where scam SMS put their links: bare after a colon, with a
// scheme and a path, at the end of a sentence, between guillemets.
var smsTemplates = []string{
	"INFO : votre dossier est en attente, réglez sur %s avant le 12/05.",
	"Suivez le lien https://%s/paiement?id=4521 pour finaliser.",
	"Rendez-vous sur %s.",
	"Connectez-vous à «%s» !",
}

// TestExtractRecallOnCorpora checks that the extractor finds every host of the
// evaluation corpora (phishing hosts impersonating French public services, and the
// public-sector domains) in SMS-shaped sentences, with the right host. Entries without a
// real top-level domain are expected only with a scheme.
func TestExtractRecallOnCorpora(t *testing.T) {
	for _, corpus := range []string{"phishing-fr-public-services.txt", "public-domains-fr.txt"} {
		t.Run(corpus, func(t *testing.T) {
			hosts := evaldata.Hosts(t, corpus)
			missed, total := 0, 0
			for i, host := range hosts {
				for k, tmpl := range smsTemplates {
					if corpus == "public-domains-fr.txt" && (i+k)%4 != 0 {
						continue // one template per public host: 89k hosts
					}
					text := strings.Replace(tmpl, "%s", host, 1)
					f := Extract(text)
					if !strings.Contains(tmpl, "://") && !knownTLD(host[strings.LastIndexByte(host, '.')+1:]) {
						// A few entries end in no real TLD ("grandavignon.frfr", "….wix"):
						// without a scheme they are words, not links.
						assert.Empty(t, f.Links, text)
						continue
					}
					total++
					if len(f.Links) != 1 || f.Links[0].Host != host {
						missed++
						if missed <= 5 {
							t.Logf("missed %q in %q: %+v", host, text, f.Links)
						}
					}
				}
			}
			t.Logf("%s: %d/%d sentences extracted with the right host (%.2f%%)", corpus, total-missed, total, 100*float64(total-missed)/float64(total))
			assert.Zero(t, missed)
		})
	}
}

// TestScamTemplatesOnPhishingHosts wraps each phishing host of the corpus in a fine
// scam SMS: the message-level rule must warn (danger) whatever urlcheck says of the
// host, since none of them is an official site.
func TestScamTemplatesOnPhishingHosts(t *testing.T) {
	hosts := evaldata.Hosts(t, "phishing-fr-public-services.txt")
	c := New()
	ctx := context.Background()
	danger, publicBody := 0, 0
	for _, host := range hosts {
		r, err := c.Check(ctx, "INFO ANTAI : avis de contravention impayé. Réglez 35 € sur "+host+" sous 24h.")
		require.NoError(t, err)
		if r.Verdict() == reflex.Danger {
			danger++
		}
		if r.Has(reflex.MessagePublicBodyPayment) {
			publicBody++
		}
	}
	t.Logf("%d hosts: %d danger, %d with message.public-body-payment", len(hosts), danger, publicBody)
	assert.Equal(t, len(hosts), danger)
	assert.Equal(t, len(hosts), publicBody)
}

// TestBenignTemplatesOnPublicHosts puts public-sector hosts in everyday messages: the
// message-level rules must stay silent (their false positives), and the verdicts, which
// then come from urlcheck, are logged.
func TestBenignTemplatesOnPublicHosts(t *testing.T) {
	hosts := evaldata.Hosts(t, "public-domains-fr.txt")
	c := New()
	ctx := context.Background()
	var verdicts [4]int
	checked := 0
	for i, host := range hosts {
		if i%20 != 0 { // a sample of 1 in 20: the full list is 89k hosts
			continue
		}
		checked++
		r, err := c.Check(ctx, "Bonjour, votre rendez-vous du 12 mai est confirmé. Informations pratiques : https://"+host+"/ Bonne journée.")
		require.NoError(t, err)
		verdicts[r.Verdict()]++
		for _, f := range r.Findings {
			assert.False(t, strings.HasPrefix(string(f.Code), "message."), "%s: %s", host, f.Code)
		}
	}
	t.Logf("%d public hosts in a benign message: ok %d, info %d, caution %d, danger %d",
		checked, verdicts[reflex.OK], verdicts[reflex.Info], verdicts[reflex.Caution], verdicts[reflex.Danger])
}
