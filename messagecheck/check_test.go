package messagecheck

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck"
)

// scamMessage is a message shaped like those the public receives, with the codes its
// report must hold and the verdict it must get.
type scamMessage struct {
	name    string
	text    string
	verdict reflex.Severity
	codes   []reflex.Code
}

// scamMessages are real-shaped French scam SMS and mails (the wording of campaigns
// reported to Cybermalveillance.gouv.fr and the ANTAI) and benign messages.
var scamMessages = []scamMessage{
	{
		name:    "antai fine, bare host",
		text:    "INFO ANTAI : Vous avez un avis de contravention en attente de paiement. Réglez 35 € sous 24h sur antai-gouv-amendes.net pour éviter une majoration.",
		verdict: reflex.Danger,
		codes:   []reflex.Code{reflex.MessagePublicBodyPayment, reflex.MessageUrgentPayment},
	},
	{
		name:    "carte vitale fees, shortener",
		text:    "Assurance Maladie : votre nouvelle carte Vitale est disponible. Des frais d'envoi de 1,90 EUR sont à régler : https://bit.ly/3VitaleFr",
		verdict: reflex.Danger,
		codes:   []reflex.Code{reflex.MessagePublicBodyPayment},
	},
	{
		name:    "tax refund bait",
		text:    "impots.gouv : Après le dernier calcul de votre impôt, vous êtes éligible à un remboursement de 289,90 €. Confirmez vos coordonnées bancaires sur www.remboursement-impots-fr.com",
		verdict: reflex.Danger,
		codes:   []reflex.Code{reflex.MessagePublicBodyPayment},
	},
	{
		name:    "faux RIB mail",
		text:    "Bonjour,\nSuite à un changement de banque, nos coordonnées bancaires ont changé. Merci de régler la facture n° 2026-114 sur notre nouveau compte :\nIBAN : FR76 3000 6000 0112 3456 7890 189\nCordialement, le service comptable",
		verdict: reflex.Danger,
		codes:   []reflex.Code{reflex.MessageNewBankDetails},
	},
	{
		name:    "faux RIB without IBAN yet",
		text:    "Bonjour Madame, notre RIB a changé, je vous envoie le nouveau dans la journée.",
		verdict: reflex.Caution,
		codes:   []reflex.Code{reflex.MessageNewBankDetails},
	},
	{
		name:    "crit'air, urgency",
		text:    "DERNIER RAPPEL : votre vignette Crit'Air expire. Payez immédiatement 3,77€ sur critair-vignette.com sinon amende de 135€.",
		verdict: reflex.Danger,
		codes:   []reflex.Code{reflex.MessagePublicBodyPayment, reflex.MessageUrgentPayment},
	},
	{
		name:    "parcel fees, not a public body",
		text:    "Colissimo: votre colis est en attente. Frais de livraison de 2,99€ à régler aujourd'hui : https://colis-suivi-fr.top/p",
		verdict: reflex.Danger,
		codes:   []reflex.Code{reflex.MessageParcelFee, reflex.MessageUrgentPayment},
	},
	{
		name:    "the commonest scam SMS",
		text:    "Votre colis est en attente, réglez 1,99 € sur https://colis-laposte-suivi.com",
		verdict: reflex.Danger,
		codes:   []reflex.Code{reflex.MessageParcelFee},
	},
	{
		name:    "customs fees, no brand",
		text:    "Votre paquet est retenu en douane. Des frais de dédouanement de 2,40 EUR sont à payer : dedouanement-colis.info/r/8841",
		verdict: reflex.Danger,
		codes:   []reflex.Code{reflex.MessageParcelFee, reflex.MessagePublicBodyPayment},
	},
	{
		name:    "redelivery by phone",
		text:    "Chronopost : livraison impossible, adresse incomplète. Pour reprogrammer, appelez le 08 99 25 41 10.",
		verdict: reflex.Danger,
		codes:   []reflex.Code{reflex.MessageParcelFee, reflex.MessagePremiumNumber},
	},
	{
		name:    "fake bank adviser",
		text:    "Alerte : une opération suspecte de 489,90 € a été détectée sur votre carte. Si ce n'est pas vous, appelez votre conseiller au 01 84 80 22 17.",
		verdict: reflex.Danger,
		codes:   []reflex.Code{reflex.MessageBankAdviser},
	},
	{
		name:    "ameli with another number",
		text:    "Assurance Maladie : votre carte Vitale doit être renouvelée. Frais de 4,90 € à régler en appelant le +33 1 84 25 66 90.",
		verdict: reflex.Danger,
		codes:   []reflex.Code{reflex.MessagePublicBodyPayment, reflex.MessageUnofficialNumber},
	},
	{
		name:    "premium-rate callback",
		text:    "Vous avez un message vocal en attente. Pour l'écouter rappelez vite le 0892 70 12 34.",
		verdict: reflex.Caution,
		codes:   []reflex.Code{reflex.MessagePremiumNumber},
	},
	{
		name:    "ANTAI by phone only",
		text:    "ANTAI: amende impayée. Réglez-la en appelant le 01 23 45 67 89.",
		verdict: reflex.Caution,
		codes:   []reflex.Code{reflex.MessagePublicBodyPayment},
	},
	// benign
	{
		name:    "ameli refund notice",
		text:    "Assurance Maladie : votre remboursement de 25,00 € a été effectué le 12/05. Consultez le détail dans votre compte ameli.",
		verdict: reflex.OK,
	},
	{
		name:    "tax notice with the official link",
		text:    "Votre avis d'impôt est disponible dans votre espace particulier. Vous pouvez payer en ligne sur https://www.impots.gouv.fr avant le 15/12.",
		verdict: reflex.OK,
	},
	{
		name:    "bank warning",
		text:    "Votre banque ne vous demandera jamais vos coordonnées bancaires par SMS. Ne communiquez jamais vos codes.",
		verdict: reflex.OK,
	},
	{
		name:    "nothing to pay",
		text:    "Bonjour, c'est Paul. On se voit demain à 18h ? Tu n'as rien à payer, c'est mon tour.",
		verdict: reflex.OK,
	},
	{
		name:    "parcel delivered, official link",
		text:    "La Poste : votre colis a été livré ce matin. Suivi : https://www.laposte.fr/outils/suivre-vos-envois",
		verdict: reflex.OK,
	},
	{
		name:    "the real ameli number",
		text:    "Pour toute question sur votre remboursement, appelez le 3646 (service gratuit + prix de l'appel).",
		verdict: reflex.OK,
	},
	{
		name:    "a date and an amount are no phone numbers",
		text:    "Rendez-vous le 12/05/2026 à 14h30, salle 3, tarif 35,50 €, 2 personnes.",
		verdict: reflex.OK,
	},
	{
		name:    "family chat with a link",
		text:    "Les photos du mariage sont là : https://www.ameli.fr (oups, mauvais lien) Merci.Bises",
		verdict: reflex.OK,
	},
}

// fakeURLs stands in for urlcheck in the unit tests: a few official hosts, a shortener,
// everything else "not official".
var fakeURLs = reflex.CheckerFunc(func(_ context.Context, s string) (reflex.Report, error) {
	host, _ := schemeHost("https://" + strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(s), "https://"), "http://"))
	switch strings.TrimPrefix(host, "www.") {
	case "impots.gouv.fr", "ameli.fr", "antai.gouv.fr", "laposte.fr":
		return reflex.NewReport(s, reflex.KindURL, reflex.Finding{Code: reflex.URLOfficial, Severity: reflex.OK}), nil
	case "bit.ly":
		return reflex.NewReport(s, reflex.KindURL, reflex.Finding{Code: reflex.URLShortener, Severity: reflex.Caution}), nil
	}
	return reflex.NewReport(s, reflex.KindURL, reflex.Finding{Code: reflex.URLNotOfficial, Severity: reflex.Info}), nil
})

// fakeIBANs stands in for the ibancheck validator.
var fakeIBANs = reflex.CheckerFunc(func(_ context.Context, s string) (reflex.Report, error) {
	return reflex.NewReport(s, reflex.KindIBAN, reflex.Finding{Code: reflex.IBANValid, Severity: reflex.OK}), nil
})

func codesOf(r reflex.Report) []reflex.Code {
	var out []reflex.Code
	for _, f := range r.Findings {
		if strings.HasPrefix(string(f.Code), "message.") {
			out = append(out, f.Code)
		}
	}
	return out
}

// TestMessageFindings runs the table with stand-in checkers (message-level rules alone)
// and with the real urlcheck and ibancheck: the verdicts are the same.
func TestMessageFindings(t *testing.T) {
	for name, c := range map[string]*Checker{
		"fakes": New(WithURLChecker(fakeURLs), WithIBANChecker(fakeIBANs)),
		"real":  New(),
	} {
		t.Run(name, func(t *testing.T) { testMessages(t, c) })
	}
}

func testMessages(t *testing.T, c *Checker) {
	for _, m := range scamMessages {
		t.Run(m.name, func(t *testing.T) {
			r, err := c.Check(context.Background(), m.text)
			require.NoError(t, err)
			require.NoError(t, r.Validate())
			assert.Equal(t, reflex.KindMessage, r.Kind)
			assert.ElementsMatch(t, m.codes, codesOf(r))
			if m.codes == nil {
				assert.LessOrEqual(t, r.Verdict(), reflex.Info, "a benign message gets no warning: %v", r.Findings)
			} else {
				assert.Equal(t, m.verdict, r.Verdict(), "%v", r.Findings)
			}
		})
	}
}

func TestMessageEvidenceNamesLinksAndMasksIBANs(t *testing.T) {
	c := New(WithURLChecker(fakeURLs), WithIBANChecker(fakeIBANs))
	r, err := c.Check(context.Background(), "Nouveau RIB : FR76 3000 6000 0112 3456 7890 189, réglez via bit.ly/abc")
	require.NoError(t, err)
	require.NoError(t, r.Validate())
	sh := r.Find(reflex.URLShortener)
	require.NotNil(t, sh)
	assert.Equal(t, "bit.ly/abc", sh.Evidence)
	v := r.Find(reflex.IBANValid)
	require.NotNil(t, v)
	assert.Equal(t, "FR76 **** **** 0189", v.Evidence)
	assert.NotContains(t, r.Subject, "3000 6000", "the subject masks IBANs")
	assert.Contains(t, r.Subject, "FR76 **** **** 0189")
	for _, f := range r.Findings {
		assert.NotContains(t, f.Evidence, "30006000")
	}
	pb := r.Find(reflex.MessageNewBankDetails)
	require.NotNil(t, pb)
	assert.Equal(t, reflex.Danger, pb.Severity)
}

func TestMessagePublicBodySuggestsTheOfficialSite(t *testing.T) {
	c := New(WithURLChecker(fakeURLs), WithIBANChecker(fakeIBANs))
	r, err := c.Check(context.Background(), scamMessages[0].text)
	require.NoError(t, err)
	f := r.Find(reflex.MessagePublicBodyPayment)
	require.NotNil(t, f)
	assert.Equal(t, "https://www.antai.gouv.fr/", f.Suggest)
	assert.Contains(t, f.Params["org"], "(ANTAI)")
	w := r.Wire(reflex.French)
	assert.Contains(t, w.Findings[0].Message, "(ANTAI)")
	assert.Contains(t, w.Findings[0].Reflex, "https://www.antai.gouv.fr/")
}

func TestMessageCheckErrors(t *testing.T) {
	boom := errors.New("store down")
	failing := reflex.CheckerFunc(func(context.Context, string) (reflex.Report, error) { return reflex.Report{}, boom })
	c := New(WithURLChecker(failing), WithIBANChecker(fakeIBANs))
	_, err := c.Check(context.Background(), "voir ameli.fr")
	assert.ErrorIs(t, err, boom)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = New(WithURLChecker(fakeURLs), WithIBANChecker(fakeIBANs)).Check(ctx, "voir ameli.fr")
	assert.ErrorIs(t, err, context.Canceled)
}

func TestMessageSubjectIsShortAndOneLine(t *testing.T) {
	c := New(WithURLChecker(fakeURLs), WithIBANChecker(fakeIBANs))
	r, err := c.Check(context.Background(), strings.Repeat("Bonjour\n", 100))
	require.NoError(t, err)
	assert.NotContains(t, r.Subject, "\n")
	assert.LessOrEqual(t, len([]rune(r.Subject)), maxSubjectRunes)
	assert.True(t, strings.HasSuffix(r.Subject, "…"))
}

func TestMessageIBANsWithTheValidator(t *testing.T) {
	c := New(WithURLChecker(fakeURLs)) // the default IBAN checker: ibancheck
	for _, tc := range []struct {
		text string
		code reflex.Code
	}{
		{"Nouveau RIB : FR76 3000 6000 0112 3456 7890 189 Merci", reflex.IBANValid},
		{"Nouveau RIB : FR21 3000 6000 0112 3456 7890 112", reflex.IBANInvalidNationalKey},
		{"IBAN FR76 3000 6000 0112 3456 7890 188", reflex.IBANInvalidChecksum},
		// cut at the French length: the stray group is not part of the IBAN
		{"Virez sur FR76 3000 6000 0112 3456 7890 189 SVP", reflex.IBANValid},
	} {
		r, err := c.Check(context.Background(), tc.text)
		require.NoError(t, err)
		require.NoError(t, r.Validate())
		f := r.Find(tc.code)
		require.NotNil(t, f, "%s: %v", tc.text, r.Findings)
		assert.Regexp(t, `^FR\d\d \*\*\*\* \*\*\*\* \d{3,4}`, f.Evidence)
		assert.Contains(t, f.Evidence, "****", "IBANs are masked in evidence")
	}
}

// TestPublicBodySitesAreOfficial ties the sites suggested by the message rules to the
// urlcheck catalogue: each must be judged official there.
func TestPublicBodySitesAreOfficial(t *testing.T) {
	urls := urlcheck.New()
	c := New()
	require.NotEmpty(t, c.orgs)
	for _, o := range c.orgs {
		r, err := urls.Check(context.Background(), o.site)
		require.NoError(t, err)
		assert.Equal(t, reflex.OK, r.Verdict(), "%s: %s is not official for urlcheck: %v", o.name, o.site, r.Findings)
	}
}

// BenchmarkCheck is the whole check of a typical scam SMS, and of a message at the size
// cap full of links and IBANs (bounded by MaxLinks and MaxIBANs).
func BenchmarkCheck(b *testing.B) {
	c := New()
	ctx := context.Background()
	for name, text := range map[string]string{
		"sms":   scamMessages[0].text,
		"huge":  strings.Repeat(scamMessages[3].text+" bit.ly/x"+" ", MaxBytes/(len(scamMessages[3].text)+10)),
		"plain": strings.Repeat("Bonjour, on se voit demain ? ", MaxBytes/30),
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Check(ctx, text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
