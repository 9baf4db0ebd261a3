package urlcheck

import (
	"maps"

	"github.com/trustreflex/trustreflex/reflex"
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

// maxOwnValues bounds the values a finding adds to its entry's (host, target, edit,
// ascii). An entry's maps are kept twice: as they are, and with room for these values,
// so that a finding's map is a copy that never grows.
const maxOwnValues = 4

// smallMap is how many entries a map holds in its first group (Go's maps keep up to 8
// in one group, and a copy of such a map is two allocations).
const smallMap = 8

// entryParams are the params of a catalogue entry, kept for copying.
type entryParams struct {
	exact map[string]string // as they are
	room  map[string]string // the same, with room for maxOwnValues more entries
}

func newEntryParams(m map[string]string) entryParams {
	room := make(map[string]string, len(m)+maxOwnValues)
	maps.Copy(room, m)
	return entryParams{exact: m, room: room}
}

// copyWith returns a copy with room for n more entries.
func (e entryParams) copyWith(n int) map[string]string {
	if len(e.exact)+n <= smallMap {
		return maps.Clone(e.exact)
	}
	return maps.Clone(e.room)
}

// costParams are the params of an entry's cost, the only ones that the texts of an
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

// draft is a finding under way. Its Params are described (the entry whose values the
// texts take, and the finding's own values) and made once the check is done: a finding
// weighed and dropped, or pointed at another entry, costs no map.
type draft struct {
	f      reflex.Finding           // Params nil until made
	params bool                     // the finding has Params; without, they stay nil
	proc   int                      // the entry whose values the texts take, or -1
	who    bool                     // with who the entry is (organisation, name, public or company), not only its cost
	kv     [2 * maxOwnValues]string // the finding's own values: name, value pairs (empty values left out)
	n      int                      // how many of kv are set
	pair   [2]string                // when set, the Evidence reads "pair[0] ~ pair[1]", made with the Params
}

// plain is a finding without Params.
func plain(f reflex.Finding) draft { return draft{f: f, proc: -1} }

// entryCost is a finding whose Params are entry p's cost (none for -1) and its own
// values (name, value pairs; empty values are left out).
func entryCost(f reflex.Finding, p int, nameValues ...string) draft {
	d := draft{f: f, params: true, proc: p}
	d.n = copy(d.kv[:], nameValues)
	return d
}

// entryWho is entryCost with who the entry is, for the texts that name it
// (url.official, url.other-procedure, url.combo).
func entryWho(f reflex.Finding, p int, nameValues ...string) draft {
	d := entryCost(f, p, nameValues...)
	d.who = true
	return d
}

// like sets the evidence of d to "a ~ b" (a host and the official name it imitates),
// made only if d is kept.
func (d draft) like(a, b string) draft {
	d.pair = [2]string{a, b}
	return d
}

// suggestEntry makes d suggest entry p: its address, and its texts' values, keeping the
// finding's own (host, edit, ...).
func (x *index) suggestEntry(d *draft, p int) {
	d.f.Suggest = x.procs[p].URL
	d.who = d.params && d.who && d.proc >= 0
	d.params, d.proc = true, p
}

// made returns the findings of the drafts, each with its own Params map: a copy of
// its entry's, made in New, with the finding's own values.
func (x *index) made(ds []draft) []reflex.Finding {
	fs := make([]reflex.Finding, len(ds))
	for i := range ds {
		d := &ds[i]
		fs[i] = d.f
		if d.pair != [2]string{} {
			fs[i].Evidence = d.pair[0] + " ~ " + d.pair[1]
		}
		if !d.params {
			continue
		}
		n := 0
		for k := 1; k < d.n; k += 2 {
			if d.kv[k] != "" {
				n++
			}
		}
		var m map[string]string
		switch {
		case d.proc >= 0 && d.who:
			m = x.texts[d.proc].copyWith(n)
		case d.proc >= 0:
			m = x.costs[d.proc].copyWith(n)
		default:
			m = make(map[string]string, n)
		}
		for k := 0; k+1 < d.n; k += 2 {
			if d.kv[k+1] != "" {
				m[d.kv[k]] = d.kv[k+1]
			}
		}
		fs[i].Params = m
	}
	return fs
}
