package urlcheck_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck"
)

func Example() {
	checker := urlcheck.New()
	ctx := context.Background()
	for _, link := range []string{
		"https://immatriculation.ants.gouv.fr/",
		"https://ants-gouv.fr/carte-grise",
		"https://carte-grise-en-ligne.fr/",
	} {
		report, err := checker.Check(ctx, link)
		if err != nil {
			fmt.Println("could not check:", err)
			continue
		}
		first := report.Findings[0] // the most severe
		fmt.Println(report.Verdict(), first.Code)
		fmt.Println(" ", first.Reflex(reflex.French))
	}
	// Output:
	// ok url.official
	//   Vous pouvez continuer sur ce site. Seul coût ici, sans frais de service : les taxes de la carte grise (régionale, fixe, envoi).
	// danger url.lookalike
	//   Ne saisissez rien et ne payez rien. Tapez vous-même l'adresse officielle : https://immatriculation.ants.gouv.fr/ Seul coût officiel, sans frais de service : les taxes de la carte grise (régionale, fixe, envoi).
	// caution url.not-official
	//   Passez par le site officiel. Tapez vous-même son adresse : https://immatriculation.ants.gouv.fr/ Seul coût officiel, sans frais de service : les taxes de la carte grise (régionale, fixe, envoi).
}

// CheckFor knows the procedure: an official site of another procedure is not the right one.
func ExampleChecker_CheckFor() {
	checker := urlcheck.New()
	report, err := checker.CheckFor(context.Background(), "https://www.impots.gouv.fr/", "permis-de-conduire")
	if err != nil {
		panic(err)
	}
	f := report.Findings[0]
	fmt.Println(report.Verdict(), f.Code)
	fmt.Println(f.Reflex(reflex.English))
	// Output:
	// caution url.other-procedure
	// Use the procedure's own site. Type its address yourself: https://permisdeconduire.ants.gouv.fr/ This procedure is free on permisdeconduire.ants.gouv.fr.
}

// A partner app adds its own procedure (a town hall's site) to the catalogue, and loads
// a list of public bodies' sites, which can only ever be "public sector", not "official".
func ExampleWithExtraCatalogue() {
	const townHall = `[mairie-exemple]
name: Démarches de la mairie d'Exemple
org: Mairie d'Exemple
url: https://www.exemple-ville.fr/
hosts: exemple-ville.fr
cost: gratuit
note: État civil et inscriptions scolaires.
brands: exemple-ville
source: https://www.exemple-ville.fr/
checked: 2026-11-23
`
	checker := urlcheck.New(
		urlcheck.WithExtraCatalogue(strings.NewReader(townHall)),
		urlcheck.WithPublicSectorHosts(strings.NewReader("www.caudan.fr\n")),
	)
	if err := checker.Err(); err != nil {
		panic(err) // a bad catalogue: errors.Is(err, urlcheck.ErrCatalogue)
	}
	for _, link := range []string{"https://www.exemple-ville.fr/etat-civil", "https://exemple-ville-paiement.com/", "https://www.caudan.fr/"} {
		report, _ := checker.Check(context.Background(), link)
		fmt.Println(report.Verdict(), report.Findings[0].Code)
	}
	// Output:
	// ok url.official
	// danger url.combo
	// info url.public-sector
}
