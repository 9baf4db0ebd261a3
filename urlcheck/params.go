package urlcheck

import (
	"maps"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck/internal/hostname"
)

// textParams are the values of the texts' placeholders that come from a catalogue
// entry (see reflex's URL texts): its organisation and name in each language, whose
// name it is (a public service or a company), and its one cost fact.
func textParams(p Procedure) map[string]string {
	owner := "public"
	if !p.Kind.Public() {
		owner = "company"
	}
	m := map[string]string{"org": p.Organisation, "procedure": p.Name, "owner": owner}
	if p.OrganisationEN != "" {
		m["org.en"] = p.OrganisationEN
	}
	if p.NameEN != "" {
		m["procedure.en"] = p.NameEN
	}
	switch p.Cost.Kind {
	case CostFree:
		m["cost"], m["free"] = "free", p.display()
	case CostTax:
		m["cost"], m["tax"], m["tax.en"] = "tax", p.Cost.FR, p.Cost.EN
	case CostPrice:
		m["cost"], m["price"], m["pricenote"], m["pricenote.en"] = "price", p.Cost.Amount, p.Cost.FR, p.Cost.EN
	case CostDues:
		m["cost"], m["dues"], m["dues.en"] = "dues", p.Cost.FR, p.Cost.EN
	}
	return m
}

// entryKeys are the params that textParams sets: the ones a change of the suggested
// entry replaces.
var entryKeys = map[string]bool{
	"org": true, "org.en": true, "procedure": true, "procedure.en": true, "owner": true, "cost": true,
	"free": true, "tax": true, "tax.en": true, "price": true, "pricenote": true, "pricenote.en": true,
	"dues": true, "dues.en": true,
}

// costKeys lists the params of an entry's cost, the only ones that the texts of an
// imitation need: the others (who the entry is) go to the texts that name it.
func costParams(all map[string]string) map[string]string {
	m := map[string]string{}
	for k, v := range all {
		switch k {
		case "org", "org.en", "owner", "procedure", "procedure.en":
		default:
			m[k] = v
		}
	}
	return m
}

// params returns the entry's cost params with the finding's own values (name, value
// pairs; empty values are left out). The map is the finding's own: small, since a
// check makes several candidates and keeps one.
func (x *index) params(p int, nameValues ...string) map[string]string {
	var base map[string]string
	if p >= 0 {
		base = x.costs[p]
	}
	return withValues(base, nameValues)
}

// paramsWho is params with who the entry is (organisation, name, public or company),
// for the texts that name it (url.official, url.other-procedure, url.combo).
func (x *index) paramsWho(p int, nameValues ...string) map[string]string {
	var base map[string]string
	if p >= 0 {
		base = x.texts[p]
	}
	return withValues(base, nameValues)
}

func withValues(base map[string]string, nameValues []string) map[string]string {
	m := make(map[string]string, len(base)+len(nameValues)/2)
	maps.Copy(m, base)
	for i := 0; i+1 < len(nameValues); i += 2 {
		if nameValues[i+1] != "" {
			m[nameValues[i]] = nameValues[i+1]
		}
	}
	return m
}

// suggestEntry makes f suggest entry p: its address, and its texts' values, keeping the
// finding's own (host, edit, ...).
func (x *index) suggestEntry(f *reflex.Finding, p int) {
	base := x.costs[p]
	if _, who := f.Params["org"]; who {
		base = x.texts[p]
	}
	m := maps.Clone(base)
	for k, v := range f.Params {
		if !entryKeys[k] {
			m[k] = v
		}
	}
	f.Suggest, f.Params = x.procs[p].URL, m
}

// pathTopic returns the entry whose topic the path names as a word ("/carte-grise",
// "/demarche/permis-de-conduire/"), among those for which keep is true, or -1.
func (x *index) pathTopic(u hostname.URL, keep func(p int) bool) int {
	var buf [4]int
	for _, p := range buf[:x.pathTopics(u, buf[:0])] {
		if keep(p) {
			return p
		}
	}
	return -1
}

// pathTopics appends to out (up to its capacity) the entries whose topics the path
// names as words, and returns how many there are.
func (x *index) pathTopics(u hostname.URL, out []int) int {
	if len(u.Path) < 3 {
		return 0
	}
	var buf [256]byte
	path := u.Path
	if len(path) <= len(buf) {
		b := buf[:len(path)]
		for i := 0; i < len(path); i++ {
			c := path[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		path = string(b)
	} else {
		path = strings.ToLower(path)
	}
	for _, id := range x.topics {
		if len(out) == cap(out) {
			break
		}
		k := x.keys[id]
		if hasPathWord(path, k.word) || k.glued != k.word && hasPathWord(path, k.glued) {
			out = append(out, k.proc)
		}
	}
	return len(out)
}

// hasPathWord reports whether w is written in path between non-letters other than dots
// (a host written in the path names no procedure).
func hasPathWord(path, w string) bool {
	for i := 0; ; {
		j := strings.Index(path[i:], w)
		if j < 0 {
			return false
		}
		s, e := i+j, i+j+len(w)
		if (s == 0 || !isLetter(path[s-1]) && path[s-1] != '.') && (e == len(path) || !isLetter(path[e]) && path[e] != '.') {
			return true
		}
		i = s + 1
	}
}

// candidate is an imitation finding whose params are made only if it is the one kept:
// a check weighs several and keeps the strongest.
type candidate struct {
	f    reflex.Finding
	proc int  // the entry whose texts' values it takes, or -1
	who  bool // with who the entry is (paramsWho), not only its cost
	kv   [8]string
	n    int
}

func newCandidate(f reflex.Finding, proc int, who bool, nameValues ...string) candidate {
	c := candidate{f: f, proc: proc, who: who}
	c.n = copy(c.kv[:], nameValues)
	return c
}

// finish makes the candidate's params.
func (x *index) finish(c candidate) reflex.Finding {
	if c.who {
		c.f.Params = x.paramsWho(c.proc, c.kv[:c.n]...)
	} else {
		c.f.Params = x.params(c.proc, c.kv[:c.n]...)
	}
	return c.f
}
