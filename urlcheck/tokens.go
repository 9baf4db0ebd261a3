package urlcheck

import (
	"strings"

	"github.com/trustreflex/trustreflex/internal/lookalike"
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
	clean bool
}

// words of a host: its tokens, and what they say.
type words struct {
	toks       []token
	runs       []string // letter runs, in order; token.run indexes them
	runLabel   []int    // the label of each run
	brand      int      // first brand keyword found (at a word boundary), -1 if none
	brandLabel int      // the label it was found in
	topic      int      // first topic keyword found, -1 if none
	nkeys      int      // distinct keywords found, brands and topics
	keyIDs     []int
	fuzzy      int // brand keyword one edit away from a word, -1 if none
	fuzzE      lookalike.Edit
	fuzzS      string // the word that imitates it
	gouv       bool   // a "gouv" (or "gov" + "fr") word
	weak       int    // keyword glued after unknown letters, -1 if none
	bait       []string
}

// read tokenises the labels (lower-case ASCII) and finds brands, topics, gouv and bait.
func (x *index) read(labels []string) words {
	w := words{brand: -1, topic: -1, fuzzy: -1, weak: -1, toks: make([]token, 0, 16), runs: make([]string, 0, 8)}
	var segs [24]lookalike.Segment
	for li, label := range labels {
		for i := 0; i < len(label); {
			if !isLetter(label[i]) {
				i++
				continue
			}
			j := i
			for j < len(label) && isLetter(label[j]) {
				j++
			}
			run := label[i:j]
			ri := len(w.runs)
			w.runs = append(w.runs, run)
			w.runLabel = append(w.runLabel, li)
			first := len(w.toks)
			for _, s := range x.dict.Segment(run, segs[:0]) {
				w.toks = append(w.toks, token{s: run[s.Start:s.End], kind: s.Kind, id: s.ID, label: li, run: ri, start: s.Start, end: s.End})
			}
			ts := w.toks[first:]
			for k := range ts {
				ts[k].clean = (k == 0 || ts[k-1].kind != 0) && (k == len(ts)-1 || ts[k+1].kind != 0)
			}
			i = j
		}
	}
	w.findKeywords(x)
	w.findInside(x, labels)
	w.findFuzzy(x)
	return w
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
	for _, seen := range w.keyIDs {
		if seen == id {
			return
		}
	}
	w.keyIDs = append(w.keyIDs, id)
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
	for i, t := range w.toks {
		switch {
		case t.kind&(lookalike.Brand|lookalike.Topic) != 0 && t.id >= 0 && (t.clean || x.keys[t.id].inside):
			w.found(x, t.id, t.label)
			continue
		case t.kind&(lookalike.Brand|lookalike.Topic) != 0 && t.id >= 0 && len(t.s) >= 5 && rightClean(w.toks, i):
			// glued after unknown letters (cpameli, espaceabonneameli): a weaker
			// sign, since ordinary words may end like a brand (santai, plantai)
			if w.weak < 0 {
				w.weak = t.id
			}
		case t.kind&lookalike.Gouv != 0:
			last := i+1 == len(w.toks) || w.toks[i+1].run != t.run
			nextFR := i+1 < len(w.toks) && w.toks[i+1].label == t.label && w.toks[i+1].s == "fr"
			// "gouv" ends a word or is followed by fr; "gov" must stand alone
			if t.clean && (t.s != "gov" || last || nextFR) || t.s != "gov" && (last || nextFR) || nextFR {
				w.gouv = true
			}
		}
	}
	used := make([]bool, len(w.toks)) // tokens that are parts of a keyword are no bait
	for _, id := range x.multi {
		k := x.keys[id]
		for i := 0; i+len(k.parts) <= len(w.toks); i++ {
			if w.toks[i].s != k.parts[0] {
				continue
			}
			ok := true
			for p := 1; p < len(k.parts) && ok; p++ {
				t := w.toks[i+p]
				ok = t.s == k.parts[p] && t.label == w.toks[i].label
			}
			if ok {
				w.found(x, id, w.toks[i].label)
				for p := range k.parts {
					used[i+p] = true
				}
				break
			}
		}
	}
	for i, t := range w.toks {
		// bait counts at word boundaries; a long bait word glued on one side counts too
		bounded := t.clean || len(t.s) >= 5 && (leftClean(w.toks, i) || rightClean(w.toks, i))
		if !used[i] && bounded && t.kind&lookalike.Bait != 0 && t.kind&(lookalike.Brand|lookalike.Topic) == 0 && len(w.bait) < 4 {
			w.bait = append(w.bait, t.s)
		}
	}
}

// findInside looks for the keywords marked "*" anywhere in a label, hyphens ignored.
func (w *words) findInside(x *index, labels []string) {
	var buf [64]byte
	for li, label := range labels {
		b := buf[:0]
		for i := 0; i < len(label) && len(b) < len(buf); i++ {
			if label[i] != '-' {
				b = append(b, label[i])
			}
		}
		glued := string(b)
		for _, id := range x.inside {
			k := x.keys[id]
			// a name of several parts matches with or without its hyphens; a name of
			// one part only as written (permisdeconduire, not permis-de-conduire)
			in := label
			if len(k.parts) > 1 {
				in = glued
			}
			if strings.Contains(in, k.glued) {
				w.found(x, id, li)
			}
		}
	}
}

// findFuzzy compares unknown chunks, alone or with their neighbours, and whole runs,
// with the brands of 5 letters or more: "amelli", "nameli", "impts".
func (w *words) findFuzzy(x *index) {
	try := func(s string) bool {
		if len(s) < 4 {
			return false
		}
		for _, id := range x.fuzzy {
			g := x.keys[id].glued
			if d := len(s) - len(g); d < -1 || d > 1 {
				continue
			}
			if e := lookalike.Classify(s, g); e != lookalike.None && e != lookalike.Same {
				w.fuzzy, w.fuzzE, w.fuzzS = id, e, s
				return true
			}
		}
		return false
	}
	for i, run := range w.runs {
		if kind, _ := x.dict.Lookup(run); kind == 0 && try(run) {
			return
		}
		// two runs of one label glued: carte-vital is cartevital
		if i+1 < len(w.runs) && w.runLabel[i] == w.runLabel[i+1] && len(run)+len(w.runs[i+1]) <= 64 {
			var buf [64]byte
			if try(string(append(append(buf[:0], run...), w.runs[i+1]...))) {
				w.fuzzS = run + "-" + w.runs[i+1]
				return
			}
		}
	}
	for i, t := range w.toks {
		if t.kind != 0 {
			continue
		}
		run := w.runs[t.run]
		start, end := t.start, t.end
		lo, hi := start, end
		if i > 0 && w.toks[i-1].run == t.run {
			lo = w.toks[i-1].start
		}
		if i+1 < len(w.toks) && w.toks[i+1].run == t.run {
			hi = w.toks[i+1].end
		}
		if try(t.s) || try(run[lo:end]) || try(run[start:hi]) || try(run[lo:hi]) {
			return
		}
	}
}
