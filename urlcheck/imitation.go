package urlcheck

import (
	"bytes"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck/internal/hostname"
	"github.com/trustreflex/trustreflex/urlcheck/internal/lookalike"
)

// suggestion is the address to type instead of an imitation of s.
func (x *index) suggestion(s stem) string {
	p := x.procs[s.proc]
	if strings.TrimPrefix(p.display(), "www.") == s.host {
		return p.URL
	}
	return "https://" + s.host + "/"
}

func (x *index) lookalikeFinding(u hostname.URL, s stem, sev reflex.Severity, e lookalike.Edit) draft {
	ascii := ""
	if u.Unicode != u.Host {
		ascii = u.Host
	}
	return entryCost(reflex.Finding{Code: reflex.URLLookalike, Severity: sev, Suggest: x.suggestion(s)},
		s.proc, "host", u.Unicode, "ascii", ascii, "target", s.host, "edit", e.String()).like(u.Unicode, s.host)
}

// unicodeLabels reports mixed scripts, and labels that imitate an official name with
// other letters (Cyrillic "а" for "a", "impôts" for "impots"). Under gouv.fr
// (state) any non-Latin label is a lookalike, since the State writes its names in Latin.
func (x *index) unicodeLabels(fs []draft, u hostname.URL, state bool) []draft {
	var asciiBuf, uniBuf [maxLabels]string
	ascii := appendLabels(asciiBuf[:0], u.Host)
	uni := appendLabels(uniBuf[:0], u.Unicode)
	if len(ascii) != len(uni) {
		return fs
	}
	// the skeleton of the host: its labels' skeletons joined by dots, label i from starts[i]
	var skelBuf [256]byte
	var startBuf [maxLabels]int
	skel, starts := skelBuf[:0], startBuf[:0]
	imitates := false
	for i, label := range uni {
		if i > 0 {
			skel = append(skel, '.')
		}
		starts = append(starts, len(skel))
		if !strings.HasPrefix(ascii[i], "xn--") {
			skel = lookalike.Fold(skel, ascii[i])
			continue
		}
		n := len(skel)
		var ok bool
		if skel, ok = lookalike.AppendSkeleton(skel, label); !ok || len(skel) == n {
			skel = append(skel[:n], ascii[i]...) // no imitation: the label as it is
		}
		var scriptBuf [4]string
		scripts := lookalike.AppendScripts(scriptBuf[:0], label)
		switch {
		case len(scripts) > 1:
			fs = append(fs, entryCost(reflex.Finding{Code: reflex.URLMixedScript, Severity: reflex.Danger,
				Evidence: u.Unicode + " (" + u.Host + ")"},
				-1, "host", u.Unicode, "ascii", u.Host, "scripts", strings.ToLower(strings.Join(scripts, ","))))
		case state && len(scripts) == 1 && scripts[0] != "Latin":
			imitates = true
		}
	}
	if state && !imitates && len(fs) == 0 {
		return fs
	}
	// does the skeleton read as an official name?
	for _, start := range starts {
		cand := skel[start:]
		for _, c := range [3][]byte{cand, bytes.TrimSuffix(cand, []byte(".fr")), bytes.TrimSuffix(cand, []byte(".gouv.fr"))} {
			if si, ok := x.foldedStems.lastOf(c); ok {
				return append(fs, x.lookalikeFinding(u, x.stems[si], reflex.Danger, lookalike.Homoglyph))
			}
		}
	}
	if imitates {
		fs = append(fs, entryCost(reflex.Finding{Code: reflex.URLLookalike, Severity: reflex.Danger,
			Evidence: u.Unicode + " (" + u.Host + ")"},
			-1, "host", u.Unicode, "ascii", u.Host, "target", "gouv.fr", "edit", "non-latin"))
	}
	return fs
}

// appendLabels appends the dot-separated labels of host to out.
func appendLabels(out []string, host string) []string {
	for l := range strings.SplitSeq(host, ".") {
		out = append(out, l)
	}
	return out
}

// stemLookalike compares the host without its public suffix (and without "www."), and
// its registrable label, with the official names: the same name under another suffix
// (ameli.com, ants.gouv.com), one edit away (amelli.fr, ants-gouv.fr), or the same
// once look-alike characters are folded (arneli.fr).
func (x *index) stemLookalike(fs []draft, u hostname.URL, rest string, labels []string) ([]draft, bool) {
	if rest == "" {
		return fs, false
	}
	st := strings.TrimPrefix(rest, "www.")
	rd := labels[len(labels)-1]
	var (
		found    bool
		bestSev  reflex.Severity
		bestStem int
		bestEdit lookalike.Edit
	)
	consider := func(cand string, si int, e lookalike.Edit) {
		s := &x.stems[si]
		sev := reflex.Caution
		if !s.weak && (e == lookalike.Same || len(s.s) >= 6 || e.Deliberate()) {
			sev = reflex.Danger
		}
		if !found || sev > bestSev {
			found, bestSev, bestStem, bestEdit = true, sev, si, e
		}
	}
	// only stems one character longer or shorter can be one edit away: by length
	cands := [2]string{st, rd}
	ncand := 2
	if st == rd {
		ncand = 1
	}
	for ci := 0; ci < ncand && !(found && bestSev == reflex.Danger); ci++ {
		cand := cands[ci]
		x.stemNames.each(cand, func(k named) bool {
			if e := lookalike.Classify(cand, k.s); e != lookalike.None {
				consider(cand, k.idx, e)
			}
			return true
		})
	}
	if !found {
		for _, cand := range [2]string{st, rd} {
			if len(cand) <= maxFolded {
				if si, ok := x.foldedStems.lastFolded(cand); ok {
					consider(cand, si, lookalike.Homoglyph)
					break
				}
			}
		}
	}
	if !found {
		return fs, false
	}
	return append(fs, x.lookalikeFinding(u, x.stems[bestStem], bestSev, bestEdit)), true
}

// brandFinding: an official brand at a word boundary in a foreign host. In the
// registrable label it is a combo (ameli-remboursement.com); only in the subdomains it
// is an embedding (ameli.secure-login.com). Short brands (caf, msa, ants) alone are a
// caution: ordinary names can hold them; long ones, or any with bait, are a danger.
func (x *index) brandFinding(u hostname.URL, w *words, nlabels int, strong bool) draft {
	k := x.keys[w.brand]
	distinctive := len(k.glued) >= 5 || len(k.parts) > 1
	sev := reflex.Caution
	if distinctive || strong {
		sev = reflex.Danger
	}
	code := reflex.URLCombo
	if w.brandLabel < nlabels-1 {
		code = reflex.URLEmbedding
	}
	f := reflex.Finding{Code: code, Severity: sev, Evidence: u.Unicode, Suggest: x.procs[k.proc].URL}
	switch {
	case code == reflex.URLEmbedding:
		return entryCost(f, k.proc, "official", k.word, "where", "host", "host", u.Unicode)
	case !w.strongBait() && w.nkeys < 2:
		return entryWho(f, k.proc, "brand", k.word, "how", "inside", "host", u.Unicode)
	}
	return entryWho(f, k.proc, "brand", k.word, "how", "words", "host", u.Unicode)
}

func (x *index) suggestedProc(w *words) int {
	switch {
	case w.brand >= 0:
		return x.keys[w.brand].proc
	case w.fuzzy >= 0:
		return x.keys[w.fuzzy].proc
	case w.topic >= 0:
		return x.keys[w.topic].proc
	}
	return -1
}
