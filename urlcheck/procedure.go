package urlcheck

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Procedure is one entry of the catalogue: an online procedure and the only sites where
// it is done officially.
type Procedure struct {
	ID           string   // stable identifier, for CheckFor and `trustcheck url --for`
	Name         string   // what the procedure is, in French
	Organisation string   // who runs the official site
	URL          string   // the address to type, https
	Hosts        []Host   // official hosts, legacy ones included
	Cost         string   // "gratuit", or what the official site really charges
	Note         string   // one line for the person
	Brands       []string // names of the service that scams borrow ("ameli", "carte-vitale")
	Topics       []string // words of the procedure that paid intermediaries build on ("carte-grise")
	Sources      []string // where the official hosts were checked
	Checked      string   // date of that check, YYYY-MM-DD
}

// Host is one official host of a procedure.
type Host struct {
	Name       string `json:"name"`             // lower-case ASCII (A-labels), no trailing dot
	Subdomains bool   `json:"subdomains"`       // the host and all its subdomains are official
	Legacy     bool   `json:"legacy,omitempty"` // an older address that is still official
}

// MarshalJSON writes the one JSON form of a procedure, shared by `trustcheck procedures
// --json` and trustd's GET /v1/procedures:
//
//	{"id":"carte-grise","name":"...","organisation":"ANTS","url":"https://...",
//	 "hosts":[{"name":"immatriculation.ants.gouv.fr","subdomains":true}],"cost":"...","free":false,
//	 "note":"...","sources":["https://..."],"checked":"2026-11-20"}
//
// Brands and topics are matching data of the checker, not part of it.
func (p Procedure) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // "&" in a name stays readable
	err := enc.Encode(procedureJSON{
		ID: p.ID, Name: p.Name, Organisation: p.Organisation, URL: p.URL, Hosts: p.Hosts,
		Cost: p.Cost, Free: p.Free(), Note: p.Note, Sources: p.Sources, Checked: p.Checked,
	})
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), err
}

type procedureJSON struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Organisation string   `json:"organisation"`
	URL          string   `json:"url"`
	Hosts        []Host   `json:"hosts"`
	Cost         string   `json:"cost"`
	Free         bool     `json:"free"`
	Note         string   `json:"note,omitempty"`
	Sources      []string `json:"sources,omitempty"`
	Checked      string   `json:"checked,omitempty"`
}

// Free reports whether the official site charges nothing for the procedure.
func (p Procedure) Free() bool { return p.Cost == Free }

// Free is the cost of a procedure the official site does for nothing.
const Free = "gratuit"

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
