package urlcheck

import (
	"strings"

	"github.com/trustreflex/trustreflex/urlcheck/internal/lookalike"
)

// token is one word read in a host label: a dictionary word or a chunk of unknown letters.
type token struct {
	s     string
	kind  lookalike.Kind
	id    int // keyword index for brands and topics, else -1
	label int // which label of the host
	run   int // runs are the letter sequences between hyphens and digits
	start int // offsets of s in its run
	end   int
	clean bool // both neighbours in the run are known words (or the run's ends)
}

// Bounds on the words read in one host: a check does bounded work, and a host of
// ordinary size is read without allocating.
const (
	maxTokens = 32
	maxRuns   = 16
)

// words of a host: its tokens, and what they say. Fixed arrays, not slices: a words
// value lives on the caller's stack.
type words struct {
	tok      [maxTokens]token
	ntok     int
	run      [maxRuns]string // letter runs, in order; token.run indexes them
	runLabel [maxRuns]int    // the label of each run
	nrun     int
	keyIDs   [8]int // distinct keywords found
	nkeys    int
	bait     [4]string
	nbait    int

	brand      int // first brand keyword found at a word boundary, -1 if none
	brandLabel int // the label it was found in
	topic      int // first topic keyword found, -1 if none
	weak       int // keyword glued after unknown letters, -1 if none
	fuzzy      int // brand keyword one edit away from a word, -1 if none
	fuzzE      lookalike.Edit
	fuzzS      string // the word that imitates it
	gouv       bool   // a "gouv" word (or "gov" standing alone)
	gouvWord   string // the word read as "gouv"
	hostGlued  bool   // a brand glued to "www" or "fr"
	place      bool   // a French city or department at a word boundary
	nparcel    int    // words of a parcel or its delivery
}

func (w *words) toks() []token      { return w.tok[:w.ntok] }
func (w *words) runs() []string     { return w.run[:w.nrun] }
func (w *words) strongBait() bool   { return w.nbait > 0 }
func (w *words) manyKeywords() bool { return w.nkeys > 1 }

// read tokenises the labels (lower-case ASCII) into w and finds brands, topics, gouv
// and bait.
func (x *index) read(w *words, labels []string) {
	*w = words{brand: -1, topic: -1, fuzzy: -1, weak: -1}
	var segs [maxTokens]lookalike.Segment
	for li, label := range labels {
		for i := 0; i < len(label) && w.nrun < maxRuns; {
			if !isLetter(label[i]) {
				i++
				continue
			}
			j := i
			for j < len(label) && isLetter(label[j]) {
				j++
			}
			run := label[i:j]
			ri := w.nrun
			w.run[ri], w.runLabel[ri] = run, li
			w.nrun++
			first := w.ntok
			for _, s := range x.dict.Segment(run, segs[:0]) {
				if w.ntok == maxTokens {
					break
				}
				w.tok[w.ntok] = token{s: run[s.Start:s.End], kind: s.Kind, id: s.ID, label: li, run: ri, start: s.Start, end: s.End}
				w.ntok++
			}
			ts := w.tok[first:w.ntok]
			for k := range ts {
				ts[k].clean = (k == 0 || ts[k-1].kind != 0) && (k == len(ts)-1 || ts[k+1].kind != 0)
			}
			i = j
		}
	}
	w.findKeywords(x)
	w.findInside(x, labels)
	w.findFuzzy(x)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

// leftClean: token i starts its run or follows a known word.
func leftClean(toks []token, i int) bool {
	return i == 0 || toks[i-1].run != toks[i].run || toks[i-1].kind != 0
}

// rightClean: token i ends its run or is followed by a known word.
func rightClean(toks []token, i int) bool {
	return i+1 == len(toks) || toks[i+1].run != toks[i].run || toks[i+1].kind != 0
}

func (w *words) found(x *index, id, label int) {
	for _, seen := range w.keyIDs[:min(w.nkeys, len(w.keyIDs))] {
		if seen == id {
			return
		}
	}
	if w.nkeys < len(w.keyIDs) {
		w.keyIDs[w.nkeys] = id
	}
	w.nkeys++
	if x.keys[id].brand {
		if w.brand < 0 || label > w.brandLabel {
			w.brand, w.brandLabel = id, label
		}
	} else if w.topic < 0 {
		w.topic = id
	}
}

func (w *words) findKeywords(x *index) {
	toks := w.toks()
	for i, t := range toks {
		keyword := t.kind&(lookalike.Brand|lookalike.Topic) != 0 && t.id >= 0
		switch {
		case keyword && (t.clean || x.keys[t.id].inside):
			w.found(x, t.id, t.label)
			// glued to "www" before or "fr" after: an official host with its dots
			// removed (wwwcaf.fr, caffr.com)
			if i > 0 && toks[i-1].s == "www" && toks[i-1].run == t.run || i+1 < len(toks) && toks[i+1].s == "fr" && toks[i+1].label == t.label {
				w.hostGlued = true
			}
		case keyword && len(t.s) >= 5 && (rightClean(toks, i) || leftClean(toks, i)):
			// glued after or before unknown letters (cpameli, amelidoss): a weaker
			// sign, since ordinary words may end or start like a brand (santai,
			// ameliorer: the filler words keep those apart)
			if w.weak < 0 {
				w.weak = t.id
			}
		case t.kind&lookalike.Gouv != 0:
			last := i+1 == len(toks) || toks[i+1].run != t.run
			nextFR := i+1 < len(toks) && toks[i+1].label == t.label && toks[i+1].s == "fr"
			// "gouv" counts when it ends a word or is followed by fr; "gov" must
			// stand alone or before fr
			if t.clean && (t.s != "gov" || last || nextFR) || t.s != "gov" && (last || nextFR) || nextFR {
				w.gouv = true
				if w.gouvWord == "" {
					w.gouvWord = t.s
				}
			}
		}
	}
	for _, t := range toks {
		if t.kind&lookalike.Place != 0 && t.clean && t.kind&(lookalike.Brand|lookalike.Topic) == 0 {
			w.place = true
		}
		if t.kind&lookalike.Parcel != 0 && t.clean {
			w.nparcel++
		}
	}
	var used [maxTokens]bool // tokens that are parts of a keyword are no bait
	for _, id := range x.multi {
		k := x.keys[id]
		for i := 0; i+len(k.parts) <= len(toks); i++ {
			if toks[i].s != k.parts[0] {
				continue
			}
			ok := true
			for p := 1; p < len(k.parts) && ok; p++ {
				ok = toks[i+p].s == k.parts[p] && toks[i+p].label == toks[i].label
			}
			if ok {
				w.found(x, id, toks[i].label)
				for p := range k.parts {
					used[i+p] = true
				}
				break
			}
		}
	}
	for i, t := range toks {
		// bait counts at word boundaries; a long bait word glued on one side counts too
		bounded := t.clean || len(t.s) >= 5 && (leftClean(toks, i) || rightClean(toks, i))
		if !used[i] && bounded && t.kind&lookalike.Bait != 0 && t.kind&(lookalike.Brand|lookalike.Topic) == 0 && w.nbait < len(w.bait) {
			w.bait[w.nbait] = t.s
			w.nbait++
		}
	}
}

// findInside looks for the keywords marked "*" anywhere in a label. A name of several
// parts matches with or without its hyphens; a name of one part only as written
// (permisdeconduire, not permis-de-conduire).
func (w *words) findInside(x *index, labels []string) {
	var buf [64]byte
	for li, label := range labels {
		x.inside.Scan(label, func(_, _ int, _ lookalike.Kind, id int) {
			w.found(x, id, li) // glued as written: cartevitale
		})
		if strings.IndexByte(label, '-') < 0 {
			continue
		}
		b := buf[:0]
		for i := 0; i < len(label) && len(b) < len(buf); i++ {
			if label[i] != '-' {
				b = append(b, label[i])
			}
		}
		x.inside.Scan(string(b), func(_, _ int, _ lookalike.Kind, id int) {
			if len(x.keys[id].parts) > 1 {
				w.found(x, id, li)
			}
		})
	}
}

// fuzzyMatch returns the brand of 5 letters or more that s is one edit away from.
func (x *index) fuzzyMatch(s string) (int, lookalike.Edit) {
	if len(s) < 4 {
		return -1, lookalike.None
	}
	for n := len(s) - 1; n <= len(s)+1 && n <= maxStem+1; n++ {
		for _, id := range x.fuzzLen[n] {
			g := x.keys[id].glued
			if d := len(s) - len(g); d < -1 || d > 1 {
				continue
			}
			if e := lookalike.Classify(s, g); e != lookalike.None && e != lookalike.Same {
				return id, e
			}
		}
	}
	return -1, lookalike.None
}

// fuzzyLen reports whether a string of n letters can be one edit from a fuzzy brand.
func (x *index) fuzzyLen(n int) bool {
	for m := max(n-1, 0); m <= n+1 && m <= maxStem+1; m++ {
		if len(x.fuzzLen[m]) > 0 {
			return true
		}
	}
	return false
}

// findFuzzy compares whole runs, two runs of a label glued, and unknown chunks alone or
// with their neighbours, with the brands: "amelli", "carte-vital", "nameli", "impts".
func (w *words) findFuzzy(x *index) {
	set := func(id int, e lookalike.Edit, s string) bool {
		if id < 0 {
			return false
		}
		w.fuzzy, w.fuzzE, w.fuzzS = id, e, s
		return true
	}
	runs := w.runs()
	for i, run := range runs {
		if kind, _ := x.dict.Lookup(run); kind == 0 {
			if id, e := x.fuzzyMatch(run); set(id, e, run) {
				return
			}
		}
		if i+1 < len(runs) && w.runLabel[i] == w.runLabel[i+1] && len(run)+len(runs[i+1]) <= 64 && x.fuzzyLen(len(run)+len(runs[i+1])) {
			var buf [64]byte
			glued := append(append(buf[:0], run...), runs[i+1]...)
			if id, e := x.fuzzyMatch(string(glued)); set(id, e, run+"-"+runs[i+1]) {
				return
			}
		}
	}
	toks := w.toks()
	for i, t := range toks {
		if t.kind != 0 {
			continue
		}
		run := w.run[t.run]
		lo, hi := t.start, t.end
		if i > 0 && toks[i-1].run == t.run {
			lo = toks[i-1].start
		}
		if i+1 < len(toks) && toks[i+1].run == t.run {
			hi = toks[i+1].end
		}
		for _, s := range [4]string{t.s, run[lo:t.end], run[t.start:hi], run[lo:hi]} {
			if id, e := x.fuzzyMatch(s); set(id, e, s) {
				return
			}
		}
	}
}
