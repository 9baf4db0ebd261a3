package messagecheck

import (
	"strings"

	"github.com/trustreflex/trustreflex/urlcheck"
)

// organisation is a body or a company of urlcheck's catalogue, as a message names it:
// the one source of its official site and phone numbers.
type organisation struct {
	name, nameEN string   // as shown to the person ("Agence nationale ... (ANTAI)")
	site         string   // its official site, suggested instead of the message's links
	phones       []string // its official numbers, national digits
	public       bool     // a public body (else a company: a parcel carrier)
}

// organisations turns the catalogue's entries into the organisations a message may
// name, and the phrases that name them: each brand and, for public services, each
// topic ("carte-vitale" is "carte vitale"; "amende" names the fines' agency).
func organisations(entries []urlcheck.Procedure) ([]organisation, phraseList) {
	orgs := make([]organisation, 0, len(entries))
	words := phraseList{byFirst: map[string][]phrase{}}
	seen := map[string]bool{}
	for _, e := range entries {
		id := len(orgs)
		orgs = append(orgs, organisation{
			name: e.Organisation, nameEN: e.OrganisationEN, site: e.URL, phones: e.Phones, public: e.Kind.Public(),
		})
		names := e.Brands
		if e.Kind.Public() {
			names = append(names[:len(names):len(names)], e.Topics...)
		}
		for _, n := range names {
			p := strings.ReplaceAll(strings.TrimSuffix(n, "*"), "-", " ")
			if seen[p] {
				continue // the first entry naming a word is the one suggested
			}
			seen[p] = true
			words.add(p, id)
			if g := strings.ReplaceAll(p, " ", ""); g != p && !seen[g] {
				seen[g] = true
				words.add(g, id) // "cartevitale", "laposte"
			}
		}
	}
	return orgs, words
}

// params are the texts' values of an organisation: its name in each language.
func (o organisation) params() map[string]string {
	m := map[string]string{"org": o.name}
	if o.nameEN != "" {
		m["org.en"] = o.nameEN
	}
	return m
}
