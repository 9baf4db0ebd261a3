package messagecheck

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func linkTexts(f Found) []string {
	var out []string
	for _, l := range f.Links {
		out = append(out, l.Text)
	}
	return out
}

func ibanTexts(f Found) []string {
	var out []string
	for _, b := range f.IBANs {
		out = append(out, b.Compact)
	}
	return out
}

func TestExtractLinks(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"INFO ANTAI : retard de paiement, réglez sur antai-gouv-amendes.net avant le 12/05.", []string{"antai-gouv-amendes.net"}},
		{"Votre colis est bloqué: https://bit.ly/3xYzA.", []string{"https://bit.ly/3xYzA"}},
		{"Suivi : bit.ly/3xYzA ou t.co/AbC", []string{"bit.ly/3xYzA", "t.co/AbC"}},
		{"(voir www.ameli.fr) et «impots.gouv.fr»", []string{"www.ameli.fr", "impots.gouv.fr"}},
		{"Rendez-vous sur:ants-gouv.fr/carte-grise, merci", []string{"ants-gouv.fr/carte-grise"}},
		{"Cliquez ici:https://ameli.fr@evil.example.com/x", []string{"https://ameli.fr@evil.example.com/x"}},
		{"HTTPS://ANTS-GOUV.FR/Paiement", []string{"HTTPS://ANTS-GOUV.FR/Paiement"}},
		{"http://192.168.1.1:8080/amende et http://0x7f.1/x", []string{"http://192.168.1.1:8080/amende", "http://0x7f.1/x"}},
		{"lien : ameli-rembоursement.fr (o cyrillique)", []string{"ameli-rembоursement.fr"}},
		{"site.fr:8443/login", []string{"site.fr:8443/login"}},
		{"Payez sur Antai-Gouv.Fr ou Amendes-Paiement.Com.", []string{"Antai-Gouv.Fr", "Amendes-Paiement.Com"}},
		{"Alerte : ne cliquez pas sur hxxps://ants-gouv[.]fr/carte ni antai-amende[.]com.", []string{"hxxps://ants-gouv[.]fr/carte", "antai-amende[.]com"}},
		{"deux fois : ameli.fr puis AMELI.FR puis ameli.fr", []string{"ameli.fr"}}, // one check per link, whatever its case
		// not links
		{"Merci.Cordialement, M.Dupont. Voir facture.pdf et photo.jpg", nil},
		{"Bonjour.Ma voisine.Tu viens ? Merci.Le colis", nil},
		{"Écrivez à contact@ameli-remboursement.fr", nil},
		{"Montant : 1.90 EUR, version 2.3.4, 12.05.2026", nil},
		{"le fichier notes.txt et la version v1.2", nil},
		{"", nil},
		{"https://", nil},
	} {
		t.Run(tc.text, func(t *testing.T) {
			assert.Equal(t, tc.want, linkTexts(Extract(tc.text)))
		})
	}
}

func TestExtractDefangedHost(t *testing.T) {
	f := Extract("voir hxxps://ants-gouv[.]fr/x et antai-amende[.]com")
	require.Len(t, f.Links, 2)
	assert.Equal(t, "ants-gouv.fr", f.Links[0].Host)
	assert.Equal(t, "antai-amende.com", f.Links[1].Host)
}

func TestExtractLinkHost(t *testing.T) {
	f := Extract("Payez sur HTTPS://User@Ants-Gouv.FR.:443/carte-grise?x=1 maintenant.")
	require.Len(t, f.Links, 1)
	l := f.Links[0]
	assert.Equal(t, "ants-gouv.fr", l.Host)
	assert.Equal(t, "HTTPS://User@Ants-Gouv.FR.:443/carte-grise?x=1", l.Text)
	assert.Equal(t, l.Text, "Payez sur HTTPS://User@Ants-Gouv.FR.:443/carte-grise?x=1 maintenant."[l.Start:l.End])
}

func TestExtractIBANs(t *testing.T) {
	const fr = "FR7630006000011234567890189"
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Nouveau RIB : FR76 3000 6000 0112 3456 7890 189 Merci", []string{fr}},
		{"IBAN:FR7630006000011234567890189.", []string{fr}},
		{"iban fr76 3000 6000 0112 3456 7890 189 svp", []string{fr}},
		{"FR76-3000-6000-0112-3456-7890-189", []string{fr}},
		{"FR76\u00a03000\u00a06000\u00a00112\u00a03456\u00a07890\u00a0189", []string{fr}},
		{"FR 76 3000 6000 0112 3456 7890 189", []string{fr}},
		{"GB29 NWBK 6016 1331 9268 19 ou DE89 3704 0044 0532 0130 00", []string{"GB29NWBK60161331926819", "DE89370400440532013000"}},
		{"deux fois FR7630006000011234567890189 et FR76 3000 6000 0112 3456 7890 189", []string{fr}},
		// not IBANs
		{"Dossier AB12 du 12/05, vol AF12 3456", nil},
		{"Référence PV12345", nil},
		{"MOTFR7630006000011234567890189", nil},
		{"https://pay.example.com/FR7630006000011234567890189/ok", nil}, // part of a link
	} {
		t.Run(tc.text, func(t *testing.T) {
			assert.Equal(t, tc.want, ibanTexts(Extract(tc.text)))
		})
	}
}

// TestExtractIBANCutAtCountryLength: a printed IBAN followed by a stray word ends at
// the registry's length for its country; a candidate of an unknown country is kept only
// when labelled "IBAN", for the checker to reject.
func TestExtractIBANCutAtCountryLength(t *testing.T) {
	text := "IBAN FR76 3000 6000 0112 3456 7890 1890 ABCD et XX12 3456 7890 1234 5678"
	assert.Equal(t, []string{"FR76300060000112345678901890ABCD"}, ibanTexts(Extract(text)), "no group ends at 27: the checker says the length is wrong")

	text = "Virez sur FR76 3000 6000 0112 3456 7890 189 MERCI, pas sur XX12 3456 7890 1234 5678"
	assert.Equal(t, []string{"FR7630006000011234567890189"}, ibanTexts(Extract(text)), "unknown country dropped")

	text = "IBAN XX12 3456 7890 1234 5678"
	assert.Equal(t, []string{"XX123456789012345678"}, ibanTexts(Extract(text)), "labelled: kept for the checker to reject")

	text = "Versez 2026 € sur BE68 5390 0754 7034 2026"
	assert.Equal(t, []string{"BE68539007547034"}, ibanTexts(Extract(text)), "a full last group then a number")
}

func TestExtractBounds(t *testing.T) {
	var b strings.Builder
	for i := range 200 {
		b.WriteString("site")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(".fr/")
		b.WriteByte(byte('a' + i%26))
		b.WriteString(" FR76 3000 6000 0112 3456 7890 1")
		b.WriteByte(byte('0' + i%10))
		b.WriteString(" ")
	}
	f := Extract(b.String())
	assert.Len(t, f.Links, MaxLinks)
	assert.LessOrEqual(t, len(f.IBANs), MaxIBANs)

	huge := strings.Repeat("é", MaxBytes) + " https://after.example.fr"
	f = Extract(huge)
	assert.Empty(t, f.Links, "text past MaxBytes is not scanned")
}

// checkFound asserts the invariants the fuzz target checks: every link is a piece of
// the text and its host a piece of the link, lower-cased; every IBAN is in the text.
func checkFound(t *testing.T, text string, f Found) {
	t.Helper()
	if len(f.Links) > MaxLinks || len(f.IBANs) > MaxIBANs {
		t.Fatalf("too many: %d links, %d IBANs", len(f.Links), len(f.IBANs))
	}
	for _, l := range f.Links {
		if l.Start < 0 || l.End > len(text) || l.Start >= l.End || text[l.Start:l.End] != l.Text {
			t.Fatalf("link %q is not text[%d:%d]", l.Text, l.Start, l.End)
		}
		if len(l.Text) > maxLinkBytes || l.Host == "" || len(l.Host) > maxHostBytes {
			t.Fatalf("link %q: bad sizes (host %q)", l.Text, l.Host)
		}
		if !strings.Contains(refang(strings.ToLower(l.Text)), l.Host) {
			t.Fatalf("host %q is not in link %q", l.Host, l.Text)
		}
		if l.Host != strings.ToLower(l.Host) || strings.HasSuffix(l.Host, ".") || !utf8.ValidString(l.Host) {
			t.Fatalf("host %q is not normalised", l.Host)
		}
	}
	for _, b := range f.IBANs {
		if b.Start < 0 || b.End > len(text) || b.Start >= b.End {
			t.Fatalf("IBAN %q: bad offsets %d:%d", b.Compact, b.Start, b.End)
		}
		if len(b.Compact) < 4 || len(b.Compact) > 34 {
			t.Fatalf("IBAN %q: bad length", b.Compact)
		}
		printed := text[b.Start:b.End]
		for _, sep := range []string{" ", "\t", "-", "\u00a0", "\u202f", "\u2009", "\xa0"} {
			printed = strings.ReplaceAll(printed, sep, "")
		}
		printed = strings.ToUpper(printed)
		if printed != b.Compact {
			t.Fatalf("IBAN %q is not the text %q", b.Compact, text[b.Start:b.End])
		}
	}
}

func TestExtractInvariantsOnSeeds(t *testing.T) {
	for _, s := range scamMessages {
		checkFound(t, s.text, Extract(s.text))
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range scamMessages {
		f.Add(s.text)
	}
	f.Add("HTTPS://User@Ants-Gouv.FR.:443/x?y=1 FR76 3000 6000 0112 3456 7890 189")
	f.Fuzz(func(t *testing.T, text string) {
		checkFound(t, text, Extract(text))
	})
}

// BenchmarkExtractWorstCase feeds texts built to make a scanner go quadratic: long runs
// of colons, dots, scheme prefixes and IBAN-like groups, at the size cap.
func BenchmarkExtractWorstCase(b *testing.B) {
	texts := map[string]string{
		"colons":  strings.Repeat("a:", MaxBytes/2),
		"dots":    strings.Repeat("a.", MaxBytes/2),
		"schemes": strings.Repeat("http://", MaxBytes/7),
		"ibans":   strings.Repeat("FR76 3000 ", MaxBytes/10),
		"sms":     strings.Repeat(scamMessages[0].text+" ", MaxBytes/len(scamMessages[0].text)),
	}
	for name, text := range texts {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				Extract(text)
			}
		})
	}
}

// FuzzNumberingPlan: the numbering plan's parser never panics, and what it accepts
// gives every number a tier.
func FuzzNumberingPlan(f *testing.F) {
	f.Add(numberingPlan)
	f.Add("089 premium\n")
	f.Add("08x premium\n089 cheap\n")
	f.Fuzz(func(t *testing.T, text string) {
		p, err := parsePlan(strings.NewReader(text))
		if err != nil {
			if !errors.Is(err, errNumbering) {
				t.Fatalf("error not wrapping errNumbering: %v", err)
			}
			return
		}
		for _, n := range []string{"0899123456", "3646", "118218", "0123456789", ""} {
			switch p.tier(n) {
			case TierFree, TierNormal, TierPremium, TierDirectory:
			default:
				t.Fatalf("tier of %q: %q", n, p.tier(n))
			}
		}
	})
}

func TestNumberingPlan(t *testing.T) {
	p, err := parsePlan(strings.NewReader(numberingPlan))
	require.NoError(t, err)
	for n, want := range map[string]Tier{
		"0899123456": TierPremium, "0812345678": TierPremium, "0825000000": TierPremium, "118218": TierDirectory,
		"0800123456": TierFree, "0809401401": TierNormal, "3646": TierNormal, "3020": TierFree, "0612345678": TierNormal,
	} {
		assert.Equal(t, want, p.tier(n), n)
	}
	for _, bad := range []string{"", "# only\n", "08x premium\n", "089 cheap\n", "089 premium\n089 free\n"} {
		_, err := parsePlan(strings.NewReader(bad))
		assert.ErrorIs(t, err, errNumbering, "%q", bad)
	}
}

func TestExtractPhones(t *testing.T) {
	for text, want := range map[string][]string{
		"Appelez le 08 99 25 41 10 vite":             {"0899254110"},
		"Tél : +33 1 84 25 66 90.":                   {"0184256690"},
		"0033 6 12 34 56 78 ou 06.12.34.56.78":       {"0612345678", "0612345678"},
		"appelez le 3646 (service gratuit)":          {"3646"},
		"le 0 809 401 401 répond":                    {"0809401401"},
		"renseignements au 118 218":                  {"118218"},
		"en 2026, 3646 personnes, 35,50 €, le 12/05": nil,
		"réf. A0612345678 et 06123456789":            nil,
		"IBAN FR76 3000 6000 0112 3456 7890 189":     nil,
	} {
		f := Extract(text)
		var got []string
		for _, p := range f.Phones {
			got = append(got, p.Number)
			assert.Less(t, p.Start, p.End, "%q", text)
		}
		assert.Equal(t, want, got, "%q", text)
	}
}
