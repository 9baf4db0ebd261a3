package urlcheck

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/reflex"
)

// Test sets built from how French scams are written (the shapes reported by
// Cybermalveillance.gouv.fr, the ANTAI, the DGFiP and the Assurance maladie, and the
// parcel lures of every season), never from the evaluation corpora host by host.

// names scams borrow: public bodies, their abbreviations and typos, glued or not.
var scamBrands = []string{
	"ameli", "amelli", "cpam", "assurance-maladie", "assurmaladie", "carte-vitale", "cartevitale",
	"impots", "impot", "dgfip", "finances-publiques", "antai", "amendes", "ants", "france-titres",
	"caf", "allocations-familiales", "francetravail", "pole-emploi", "cpf", "moncompteformation",
	"lassuranceretraite", "cnav", "carsat", "urssaf", "crit-air", "critair", "certificat-air",
	"prefecture", "police-nationale", "gendarmerie", "securite-sociale", "parcoursup", "franceconnect",
	"service-public", "chorus-pro", "maprimerenov", "cheque-energie",
}

// what scams glue to them.
var scamBaits = []string{"remboursement", "paiement", "dossier", "doss", "amende", "service", "espace", "connexion",
	"regularisation", "suivi", "info", "securite", "verification", "mon-compte", "client", "renouvellement"}

var scamCities = []string{"paris", "lyon", "marseille", "nantes", "lille", "bordeaux", "rhone", "gironde", "nord", "isere"}

var scamTLDs = []string{"com", "fr", "info", "net", "online", "site", "top", "xyz", "eu", "live"}

// publicServiceLures are imitations of public bodies as scams write them.
func publicServiceLures() []string {
	var out []string
	n := 0
	pick := func(list []string) string { n++; return list[(n*7+n/3)%len(list)] }
	for _, b := range scamBrands {
		for i, bait := range scamBaits {
			tld := scamTLDs[i%len(scamTLDs)]
			switch i % 4 {
			case 0:
				out = append(out, b+"-"+bait+"."+tld)
			case 1:
				out = append(out, bait+"-"+b+"."+tld)
			case 2:
				out = append(out, stripHyphens(b+bait)+"."+tld) // glued: amelidossier.com
			case 3:
				out = append(out, "www."+b+"-"+bait+"-fr."+tld)
			}
		}
		out = append(out,
			b+"-"+pick(scamCities)+"."+pick(scamTLDs),          // a local office: cpam-lyon.com
			stripHyphens(b+pick(scamCities))+"3.fr",            // cpamlyon3.fr
			b+"-gouv."+pick(scamTLDs),                          // gouv outside gouv.fr
			b+".gouv-"+pick(scamBaits)+"."+pick(scamTLDs),      // ameli.gouv-remboursement.com
			b+"-fr.secure-"+pick(scamBaits)+"."+pick(scamTLDs), // in a subdomain
			"https://"+pick(scamBaits)+"-usagers.com/"+b,       // a brand in the path only: not counted as imitation
		)
	}
	// gouv misspelt or reworded, outside gouv.fr
	for _, g := range []string{"gouvrn", "gouvernemant", "gouvfr", "gov-fr", "gouv-fr", "gouvv"} {
		for _, bait := range []string{"amende", "aide", "dossier", "service"} {
			out = append(out, bait+"-"+g+".com", "mon"+bait+g+".info")
		}
	}
	// State hosts written before "@" or in the path of a foreign host
	for _, h := range []string{"justice.gouv.fr", "www.interieur.gouv.fr", "www.impots.gouv.fr", "www.ameli.fr", "www.service-public.gouv.fr", "www.rhone.gouv.fr"} {
		out = append(out, "https://"+h+"@aide-usagers.example/", "https://dossiers-en-cours.example/https://"+h+"/")
	}
	return dropPathOnly(out)
}

// dropPathOnly leaves out the lures that carry the brand only in the path of an
// unknown host: no address check can call them imitations.
func dropPathOnly(in []string) []string {
	var out []string
	for _, s := range in {
		if len(s) > 8 && s[:8] == "https://" && !containsAny(s, "@", ".gouv.fr", "ameli.fr") {
			continue
		}
		out = append(out, s)
	}
	return out
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func stripHyphens(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '-' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// parcelLures are the delivery and customs-fee lures: a carrier's name or none, with
// the words of a parcel held.
func parcelLures() []string {
	carriers := []string{"laposte", "la-poste", "colissimo", "chronopost", "dpd", "dhl", "ups", "fedex", "gls",
		"mondialrelay", "mondial-relay", "relaiscolis", "relais-colis", "colisprive"}
	words := []string{"suivi", "livraison", "colis", "tracking", "redelivery", "frais", "douane", "paiement", "attente", "reprogrammer"}
	var out []string
	for i, c := range carriers {
		for j, w := range words {
			tld := scamTLDs[(i+j)%len(scamTLDs)]
			switch (i + j) % 3 {
			case 0:
				out = append(out, c+"-"+w+"."+tld)
			case 1:
				out = append(out, w+"-"+c+"-fr."+tld)
			case 2:
				out = append(out, stripHyphens(c+w)+"."+tld)
			}
		}
	}
	for _, s := range []string{"colis-suivi-fr", "suivi-colis-en-attente", "livraison-colis-info", "colis-en-attente",
		"mon-colis-suivi", "frais-de-livraison", "douane-colis-paiement", "redelivery-parcel-fr", "parcel-tracking-fr",
		"suivi-livraison-24", "colis-bloque-douane", "reprogrammer-livraison", "avis-de-passage-colis", "relais-livraison-suivi"} {
		for _, tld := range []string{"com", "info", "top"} {
			out = append(out, s+"."+tld)
		}
	}
	return out
}

// legitimatePublicHosts are shaped as French public bodies name their sites: town
// halls, departments, regions, schools, hospitals, intercommunal bodies, fire services.
func legitimatePublicHosts() []string {
	towns := []string{"lyon", "nantes", "rennes", "brest", "colmar", "albi", "valence", "chambery", "vannes", "niort",
		"saint-malo", "la-rochelle", "aix-les-bains", "villeurbanne", "montreuil", "cergy", "evry-courcouronnes",
		"le-mans", "saint-etienne", "boulogne-billancourt", "caudan", "ploemeur", "issy-les-moulineaux",
		"santa-maria-poggio", "mende", "cahors", "gap"}
	// communes whose names hold a brand: their town hall's sites
	out := []string{"www.arnac-la-poste.fr", "www.mairie-arnac-la-poste.fr", "www.amelie-les-bains-palalda.fr",
		"www.mairie-amelie-les-bains-palalda.fr", "www.gouville-sur-mer.fr", "www.ville-saint-cyr-au-mont-d-or.fr"}
	for i, t := range towns {
		out = append(out,
			"www.ville-"+t+".fr", "www.mairie-"+t+".fr", "www."+stripHyphens(t)+".fr", "www.ot-"+t+".fr",
			"www.agglo-"+t+".fr", "www.ch-"+t+".fr", "www.mediatheque-"+t+".fr", "www.ccas-"+t+".fr",
			fmt.Sprintf("www.college-jean-moulin-%s.fr", t), fmt.Sprintf("lycee-pierre-mendes-france-%s.ac-rennes.fr", t),
			fmt.Sprintf("www.sdis%02d.fr", i+1), fmt.Sprintf("www.cdg%02d.fr", i+1),
			"www.piscine-"+t+".fr", "www.conservatoire-"+t+".fr", "www.police-municipale-"+t+".fr",
		)
	}
	for _, d := range []string{"isere", "gironde", "nord", "rhone", "finistere", "herault", "vendee", "moselle", "calvados", "savoie"} {
		out = append(out, "www."+d+".fr", "www."+d+".gouv.fr", "www.departement-"+d+".fr", "www.archives-"+d+".fr")
	}
	for _, r := range []string{"bretagne", "normandie", "occitanie", "grandest", "hautsdefrance", "auvergnerhonealpes"} {
		out = append(out, "www."+r+".fr", "www.region-"+r+".fr", "www.ars-"+r+".sante.fr")
	}
	return out
}

// officialAndTricky: official sites and tricky-but-legitimate addresses that must never
// reach danger, and the official ones be recognised.
var officialAndTricky = []string{
	"https://www.justice.fr/", "https://www.justice.gouv.fr/", "https://www.police-nationale.interieur.gouv.fr/",
	"https://www.gendarmerie.interieur.gouv.fr/", "https://www.interieur.gouv.fr/", "https://www.securite-sociale.fr/",
	"https://www.parcoursup.gouv.fr/", "https://www.parcoursup.fr/", "https://chorus-pro.gouv.fr/", "https://www.laposte.fr/",
	"https://www.colissimo.fr/", "https://www.chronopost.fr/", "https://www.dpd.fr/", "https://www.dhl.com/fr-fr/home.html",
	"https://www.ups.com/fr/fr/", "https://www.fedex.com/fr-fr/home.html", "https://gls-group.com/FR/fr/", "https://www.mondialrelay.fr/",
	"https://www.relaiscolis.com/", "https://www.certificat-air.gouv.fr/", "https://www.lassuranceretraite.fr/",
	"https://www.ameli.fr/paris/assure", "https://ants.gouv.fr/carte-grise", "https://www.impots.gouv.fr/",
}

func rate(t *testing.T, c *Checker, hosts []string) (caution, danger float64, below []string) {
	t.Helper()
	nc, nd := 0, 0
	for _, h := range hosts {
		r, err := c.Check(context.Background(), h)
		require.NoError(t, err, h)
		require.NoError(t, r.Validate(), h)
		switch r.Verdict() {
		case reflex.Danger:
			nd++
			nc++
		case reflex.Caution:
			nc++
		default:
			below = append(below, h)
		}
	}
	return 100 * float64(nc) / float64(len(hosts)), 100 * float64(nd) / float64(len(hosts)), below
}

func TestOwnScamSets(t *testing.T) {
	c := New()
	lures := publicServiceLures()
	caution, danger, below := rate(t, c, lures)
	t.Logf("public-service lures: %d, caution+ %.1f %%, danger %.1f %%", len(lures), caution, danger)
	if testing.Verbose() {
		t.Logf("below caution: %v", below)
	}
	assert.GreaterOrEqual(t, caution, 97.0)
	assert.GreaterOrEqual(t, danger, 93.0)

	parcels := parcelLures()
	caution, danger, below = rate(t, c, parcels)
	t.Logf("parcel and delivery lures: %d, caution+ %.1f %%, danger %.1f %%", len(parcels), caution, danger)
	if testing.Verbose() {
		t.Logf("below caution: %v", below)
	}
	assert.GreaterOrEqual(t, caution, 90.0)

	legit := legitimatePublicHosts()
	caution, danger, _ = rate(t, c, legit)
	t.Logf("legitimate public hosts: %d, caution+ %.2f %%, danger %.2f %%", len(legit), caution, danger)
	assert.LessOrEqual(t, danger, 0.2)
	assert.LessOrEqual(t, caution, 1.0)

	for _, u := range officialAndTricky {
		r, err := c.Check(context.Background(), u)
		require.NoError(t, err)
		assert.Equal(t, reflex.OK, r.Verdict(), "%s: %v", u, r.Findings)
		assert.True(t, r.Has(reflex.URLOfficial), u)
	}
}
