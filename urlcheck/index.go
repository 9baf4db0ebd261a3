package urlcheck

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/trustreflex/trustreflex/urlcheck/internal/hostname"
	"github.com/trustreflex/trustreflex/urlcheck/internal/lookalike"
)

// index is the catalogue compiled for matching. It is built once by New and then only
// read, so a Checker is safe for concurrent use.
type index struct {
	procs   []Procedure
	byID    map[string]int
	hosts   map[string][]hostRef // host name of a rule -> procedures
	stems   []stem               // official names to compare candidates with
	folded  map[string]int       // homoglyph-folded stem -> index in stems
	dashed  map[string][]stem    // official hosts as dash-joined labels (ants-gouv-fr, ants-gouv), by first label, for embedding
	keys    []keyword            // brands and topics
	inside  lookalike.Dictionary // keys that may match inside a word, glued
	multi   []int                // keys of several parts
	fuzzy   []int                // brand keys long enough for one-edit matching
	dict    lookalike.Dictionary // brands, topics, bait and filler words
	shorten map[string]bool
	public  map[string]bool     // extra public-sector hosts (Info at best)
	texts   []map[string]string // text parameters of each procedure
	costs   []map[string]string // the same, its cost only
	topics  []int               // keys that are topics
	byLen   [maxStem + 2][]int  // stems by length
	fuzzLen [maxStem + 2][]int  // fuzzy brand keys by glued length
	site    []string            // registrable domain of each entry's address
	siteOf  map[string]string   // registrable domain of each address a finding may suggest
}

// maxStem is the longest stem indexed by its own length; longer ones share a bucket.
const maxStem = 64

type hostRef struct {
	proc int
	rule Host
}

// stem is an official host without its top-level domain ("ants.gouv", "ameli") or
// without its public suffix ("cfspart.impots"), or its registrable label ("ants").
type stem struct {
	s    string
	host string // the official host it comes from
	proc int
	weak bool // an ordinary word, not a curated brand: a caution at most
}

type keyword struct {
	word   string   // as in the catalogue, without "*"
	glued  string   // without hyphens
	parts  []string // split on hyphens
	inside bool
	brand  bool // brand (else topic)
	local  bool // local offices run their own sites under this brand and a place name
	proc   int
}

func buildIndex(procs []Procedure, words, shorteners string) (*index, error) {
	x := &index{
		procs:   procs,
		byID:    map[string]int{},
		hosts:   map[string][]hostRef{},
		folded:  map[string]int{},
		dashed:  map[string][]stem{},
		shorten: map[string]bool{},
		siteOf:  map[string]string{},
	}
	stems := map[string]int{}
	addStem := func(s, host string, p int, weak bool) {
		if s == "" {
			return
		}
		if i, ok := stems[s]; ok {
			x.stems[i].weak = x.stems[i].weak && weak
			return
		}
		stems[s] = len(x.stems)
		x.stems = append(x.stems, stem{s: s, host: host, proc: p, weak: weak})
		x.folded[string(lookalike.Fold(nil, s))] = len(x.stems) - 1
	}
	dashes := map[string]bool{}
	addDashed := func(s, host string, p int) {
		if !dashes[s] {
			dashes[s] = true
			first, _, _ := strings.Cut(s, "-")
			x.dashed[first] = append(x.dashed[first], stem{s: s, host: host, proc: p})
		}
	}
	for i, p := range procs {
		x.byID[p.ID] = i
		x.texts = append(x.texts, textParams(p))
		x.costs = append(x.costs, costParams(x.texts[i]))
		site := ""
		if u, err := hostname.Parse(p.URL); err == nil {
			site, _ = publicsuffix.EffectiveTLDPlusOne(u.Host)
		}
		x.site = append(x.site, site)
		x.siteOf[p.URL] = site
		for _, h := range p.Hosts {
			if rd, err := publicsuffix.EffectiveTLDPlusOne(h.Name); err == nil {
				x.siteOf["https://"+strings.TrimPrefix(h.Name, "www.")+"/"] = rd
			}
		}
		for _, h := range p.Hosts {
			x.hosts[h.Name] = append(x.hosts[h.Name], hostRef{i, h})
			name := strings.TrimPrefix(h.Name, "www.")
			suffix, _ := publicsuffix.PublicSuffix(name)
			tld := name[strings.LastIndexByte(name, '.')+1:]
			addStem(strings.TrimSuffix(name, "."+tld), name, i, false)
			// without the public suffix ("cfspart.impots"), and the registrable label
			// alone ("ants" of ants.gouv.fr). A label that is an ordinary word and no
			// curated brand ("justice", "stationnement") is a weak stem: imitating it
			// is a caution, since many honest sites bear such a word.
			st := strings.TrimSuffix(name, "."+suffix)
			addStem(st, name, i, !strings.Contains(st, ".") && !brandOf(p, st))
			if rd, err := publicsuffix.EffectiveTLDPlusOne(name); err == nil {
				label := strings.TrimSuffix(rd, "."+suffix)
				addStem(label, rd, i, !brandOf(p, label))
			}
			addDashed(strings.ReplaceAll(name, ".", "-"), name, i)
			if suffix == "gouv.fr" || strings.HasSuffix(suffix, ".gouv.fr") {
				addDashed(strings.ReplaceAll(strings.TrimSuffix(name, ".fr"), ".", "-"), name, i)
			}
		}
	}
	seen := map[string]bool{}
	for i, p := range procs {
		for _, list := range []struct {
			words []string
			brand bool
		}{{p.Brands, true}, {p.Topics, false}} {
			for _, w := range list.words {
				k := keyword{word: strings.TrimSuffix(w, "*"), inside: strings.HasSuffix(w, "*"), brand: list.brand, proc: i}
				k.local = slices.Contains(p.Local, k.word)
				if strings.ContainsAny(k.word, "0123456789") {
					k.inside = true // digits and letters together are no ordinary word: 17cyber
				}
				if seen[k.word] {
					continue // the first procedure naming a word is the one suggested
				}
				seen[k.word] = true
				k.parts = strings.Split(k.word, "-")
				k.glued = strings.Join(k.parts, "")
				id := len(x.keys)
				x.keys = append(x.keys, k)
				kind := lookalike.Topic
				if k.brand {
					kind = lookalike.Brand
				}
				x.dict.Add(k.glued, kind, id)
				if k.inside {
					x.inside.Add(k.glued, kind, id)
				}
				if len(k.parts) > 1 {
					x.multi = append(x.multi, id)
					for _, part := range k.parts {
						x.dict.Add(part, lookalike.Filler, -1)
					}
				}
				if k.brand && len(k.glued) >= 5 {
					x.fuzzy = append(x.fuzzy, id)
				}
				if !k.brand {
					x.topics = append(x.topics, id)
				}
			}
		}
	}
	for _, id := range x.fuzzy {
		n := min(len(x.keys[id].glued), maxStem+1)
		x.fuzzLen[n] = append(x.fuzzLen[n], id)
	}
	for i, st := range x.stems {
		n := min(len(st.s), maxStem+1)
		x.byLen[n] = append(x.byLen[n], i)
	}
	if err := x.addWords(words); err != nil {
		return nil, err
	}
	for line := range strings.Lines(shorteners) {
		if h := strings.TrimSpace(line); h != "" && !strings.HasPrefix(h, "#") {
			x.shorten[h] = true
		}
	}
	return x, nil
}

// brandOf reports whether label, hyphens ignored, is one of p's brands.
func brandOf(p Procedure, label string) bool {
	glued := strings.ReplaceAll(label, "-", "")
	for _, b := range p.Brands {
		if strings.ReplaceAll(strings.TrimSuffix(b, "*"), "-", "") == glued {
			return true
		}
	}
	return false
}

// addWords reads words.txt: [section] headers, then words.
func (x *index) addWords(words string) error {
	var kind lookalike.Kind
	for line := range strings.Lines(words) {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case line == "[bait]":
			kind = lookalike.Bait
		case line == "[filler]":
			kind = lookalike.Filler
		case line == "[gouv]":
			kind = lookalike.Gouv
		case line == "[place]":
			kind = lookalike.Place | lookalike.Filler
		case line == "[parcel]":
			kind = lookalike.Parcel
		case kind == 0:
			return fmt.Errorf("words: %q before a section", line)
		default:
			for _, w := range strings.Fields(line) {
				x.dict.Add(w, kind, -1)
			}
		}
	}
	return nil
}

// addPublic reads a list of public-sector hosts, one a line (# comments).
func (x *index) addPublic(r io.Reader) error {
	if x.public == nil {
		x.public = map[string]bool{}
	}
	sc := bufio.NewScanner(io.LimitReader(r, 64<<20))
	sc.Buffer(make([]byte, 0, 1024), maxLine)
	line := 0
	for sc.Scan() {
		line++
		f := strings.TrimSpace(sc.Text())
		if f == "" || strings.HasPrefix(f, "#") {
			continue
		}
		u, err := hostname.Parse(f)
		if err != nil || u.IP.IsValid() {
			return &CatalogueError{Line: line, Msg: fmt.Sprintf("public-sector host %.60q: not a host name", f)}
		}
		x.public[u.Host] = true
	}
	if err := sc.Err(); err != nil {
		return &CatalogueError{Line: line + 1, Msg: err.Error()}
	}
	return nil
}

// lookup returns the procedures whose official hosts cover host, the most specific
// rule first (longest name, then the owner of subdomains, then catalogue order).
func (x *index) lookup(host string, out []hostRef) []hostRef {
	for h := host; ; {
		for _, ref := range x.hosts[h] {
			if ref.rule.matches(host) {
				out = append(out, ref)
			}
		}
		i := strings.IndexByte(h, '.')
		if i < 0 {
			break
		}
		h = h[i+1:]
	}
	slices.SortStableFunc(out, func(a, b hostRef) int {
		if c := len(b.rule.Name) - len(a.rule.Name); c != 0 {
			return c
		}
		if a.rule.Subdomains != b.rule.Subdomains {
			if a.rule.Subdomains {
				return -1
			}
			return 1
		}
		return a.proc - b.proc
	})
	return out
}

// isOfficialHost reports whether s names an official host (for embedding in paths).
func (x *index) isOfficialHost(s string) (hostRef, bool) {
	var buf [4]hostRef
	refs := x.lookup(s, buf[:0])
	if len(refs) == 0 {
		return hostRef{}, false
	}
	return refs[0], true
}
