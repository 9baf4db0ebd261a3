package urlcheck

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
)

// Procedure is one entry of the catalogue: an online procedure and the only sites where
// it is done officially, or an organisation whose name scams borrow (a public body such
// as the police, a company such as La Poste), with its official sites and phone numbers.
type Procedure struct {
	ID             string   // stable identifier, for CheckFor and `trustcheck url --for`
	Kind           Kind     // a procedure, a public body or a company
	Name           string   // what the procedure or organisation is, in French
	NameEN         string   // the same in English ("" when the French name is a proper name)
	Organisation   string   // who runs the official site, in French
	OrganisationEN string   // the same in English ("" when the French name is a proper name)
	URL            string   // the address to type, https
	Hosts          []Host   // official hosts, legacy ones included
	Cost           Cost     // what the official site charges (procedures only)
	Phones         []string // official phone numbers, national digits ("3646", "0809401401")
	Note           string   // one line for the person, in French
	Brands         []string // names of the service that scams borrow ("ameli", "carte-vitale")
	Topics         []string // words of the procedure that paid intermediaries build on ("carte-grise")
	Local          []string // brands under which local offices run their own sites ("carsat": carsat-bretagne.fr)
	Sources        []string // where the official hosts, numbers and cost were checked
	Checked        string   // date of that check, YYYY-MM-DD
}

// Kind tells what a catalogue entry is: texts never call a company "the administration".
type Kind string

const (
	KindProcedure  Kind = "procedure"   // an online procedure of a public service
	KindPublicBody Kind = "public-body" // a public body, named by scams beyond its procedures
	KindCompany    Kind = "company"     // a company that scams imitate (parcel delivery, ...)
)

// Public reports whether the entry belongs to a public service (a procedure or a public body).
func (k Kind) Public() bool { return k != KindCompany }

// Cost is what the official site charges for a procedure: one fact of the catalogue,
// from which every text that speaks of a price, of "free" or of fees is rendered, in the
// reader's language ([Cost.Text]).
type Cost struct {
	Kind   CostKind // free, tax, price or dues; "" for an organisation
	Amount string   // a price, language-neutral: "3.70 EUR" (Kind CostPrice)
	FR     string   // what is paid, in French: "les taxes de la carte grise"
	EN     string   // the same in English
}

// CostKind says how an official site charges.
type CostKind string

const (
	CostFree  CostKind = "free"  // nothing to pay
	CostTax   CostKind = "tax"   // only a tax or a stamp, no service fee (carte grise, passport)
	CostPrice CostKind = "price" // the official site sells it at a price (Crit'Air)
	CostDues  CostKind = "dues"  // the site takes what you owe (taxes, fines), with no fee added
)

// In returns what is paid in lang.
func (c Cost) In(lang reflex.Lang) string {
	if lang == reflex.English {
		return c.EN
	}
	return c.FR
}

// Text is the cost as a person reads it, in lang: "gratuit", "3,70 € plus l'envoi",
// "les taxes de la carte grise seulement, sans frais de service". It is "" for an entry
// that is no procedure.
func (c Cost) Text(lang reflex.Lang) string {
	if c.Kind == "" {
		return ""
	}
	return reflex.NewText(reflex.TextID("cost."+string(c.Kind)), "what", c.In(lang), "amount", c.Amount).In(lang)
}

// MarshalJSON writes the one JSON form of a procedure, shared by `trustcheck procedures
// --json` and trustd's GET /v1/procedures:
//
//	{"id":"carte-grise","kind":"procedure","name":"...","name_en":"...","organisation":"ANTS",
//	 "url":"https://...","hosts":[{"name":"immatriculation.ants.gouv.fr","subdomains":true}],
//	 "cost":{"kind":"tax","fr":"...","en":"..."},"free":false,"phones":["3400"],
//	 "note":"...","sources":["https://..."],"checked":"2026-11-20"}
//
// Brands and topics are matching data of the checker, not part of it.
func (p Procedure) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // "&" in a name stays readable
	j := procedureJSON{
		ID: p.ID, Kind: p.Kind, Name: p.Name, NameEN: p.NameEN, Organisation: p.Organisation,
		OrganisationEN: p.OrganisationEN, URL: p.URL, Hosts: p.Hosts, Free: p.Free(), Phones: p.Phones,
		Note: p.Note, Sources: p.Sources, Checked: p.Checked,
	}
	if p.Cost.Kind != "" {
		j.Cost = &costJSON{Kind: p.Cost.Kind, Amount: p.Cost.Amount, FR: p.Cost.FR, EN: p.Cost.EN}
	}
	err := enc.Encode(j)
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), err
}

type procedureJSON struct {
	ID             string    `json:"id"`
	Kind           Kind      `json:"kind"`
	Name           string    `json:"name"`
	NameEN         string    `json:"name_en,omitempty"`
	Organisation   string    `json:"organisation"`
	OrganisationEN string    `json:"organisation_en,omitempty"`
	URL            string    `json:"url"`
	Hosts          []Host    `json:"hosts"`
	Cost           *costJSON `json:"cost,omitempty"`
	Free           bool      `json:"free"`
	Phones         []string  `json:"phones,omitempty"`
	Note           string    `json:"note,omitempty"`
	Sources        []string  `json:"sources,omitempty"`
	Checked        string    `json:"checked,omitempty"`
}

type costJSON struct {
	Kind   CostKind `json:"kind"`
	Amount string   `json:"amount,omitempty"`
	FR     string   `json:"fr,omitempty"`
	EN     string   `json:"en,omitempty"`
}

// Free reports whether the official site charges nothing for the procedure.
func (p Procedure) Free() bool { return p.Cost.Kind == CostFree }

// Host is one official host of a procedure.
type Host struct {
	Name       string `json:"name"`             // lower-case ASCII (A-labels), no trailing dot
	Subdomains bool   `json:"subdomains"`       // the host and all its subdomains are official
	Legacy     bool   `json:"legacy,omitempty"` // an older address that is still official
}

// covers reports whether host (canonical) is one of p's official hosts.
func (p Procedure) covers(host string) bool {
	for _, h := range p.Hosts {
		if h.matches(host) {
			return true
		}
	}
	return false
}

func (h Host) matches(host string) bool {
	if host == h.Name {
		return true
	}
	return h.Subdomains && strings.HasSuffix(host, h.Name) && host[len(host)-len(h.Name)-1] == '.'
}

// String writes the host as in the catalogue: "=name" for an exact host.
func (h Host) String() string {
	if h.Subdomains {
		return h.Name
	}
	return "=" + h.Name
}

// display is the host for a person: without the "www." that the URL may carry.
func (p Procedure) display() string {
	u := strings.TrimPrefix(p.URL, "https://")
	u = strings.TrimSuffix(u, "/")
	return strings.TrimPrefix(u, "www.")
}
