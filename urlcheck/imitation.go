package urlcheck

import (
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

func (x *index) lookalikeFinding(u hostname.URL, s stem, sev reflex.Severity, e lookalike.Edit) candidate {
	ascii := ""
	if u.Unicode != u.Host {
		ascii = u.Host
	}
	return newCandidate(reflex.Finding{Code: reflex.URLLookalike, Severity: sev, Evidence: u.Unicode + " ~ " + s.host, Suggest: x.suggestion(s)},
		s.proc, false, "host", u.Unicode, "ascii", ascii, "target", s.host, "edit", e.String())
}

// unicodeLabels reports mixed scripts, and labels that imitate an official name with
// other letters (Cyrillic "а" for "a", "impôts" for "impots"). Under gouv.fr
// (state) any non-Latin label is a lookalike, since the State writes its names in Latin.
func (x *index) unicodeLabels(fs []reflex.Finding, u hostname.URL, state bool) []reflex.Finding {
	ascii := strings.Split(u.Host, ".")
	uni := strings.Split(u.Unicode, ".")
	if len(ascii) != len(uni) {
		return fs
	}
	skel := make([]string, len(uni))
	imitates := false
	for i, label := range uni {
		skel[i] = ascii[i]
		if !strings.HasPrefix(ascii[i], "xn--") {
			skel[i] = string(lookalike.Fold(nil, ascii[i]))
			continue
		}
		s := lookalike.Skeleton(label)
		if s != "" {
			skel[i] = s
		}
		scripts := lookalike.Scripts(label)
		switch {
		case len(scripts) > 1:
			fs = append(fs, reflex.Finding{Code: reflex.URLMixedScript, Severity: reflex.Danger,
				Evidence: u.Unicode + " (" + u.Host + ")",
				Params:   x.params(-1, "host", u.Unicode, "ascii", u.Host, "scripts", strings.ToLower(strings.Join(scripts, ",")))})
		case state && len(scripts) == 1 && scripts[0] != "Latin":
			imitates = true
		}
	}
	if state && !imitates && len(fs) == 0 {
		return fs
	}
	// does the skeleton read as an official name?
	for i := range skel {
		cand := strings.Join(skel[i:], ".")
		for _, c := range []string{cand, strings.TrimSuffix(cand, ".fr"), strings.TrimSuffix(cand, ".gouv.fr")} {
			if si, ok := x.folded[c]; ok {
				return append(fs, x.finish(x.lookalikeFinding(u, x.stems[si], reflex.Danger, lookalike.Homoglyph)))
			}
		}
	}
	if imitates {
		fs = append(fs, reflex.Finding{Code: reflex.URLLookalike, Severity: reflex.Danger,
			Evidence: u.Unicode + " (" + u.Host + ")",
			Params:   x.params(-1, "host", u.Unicode, "ascii", u.Host, "target", "gouv.fr", "edit", "non-latin")})
	}
	return fs
}

// stemLookalike compares the host without its public suffix (and without "www."), and
// its registrable label, with the official names: the same name under another suffix
// (ameli.com, ants.gouv.com), one edit away (amelli.fr, ants-gouv.fr), or the same
// once look-alike characters are folded (arneli.fr).
func (x *index) stemLookalike(u hostname.URL, rest string, labels []string) (candidate, bool) {
	if rest == "" {
		return candidate{}, false
	}
	st := strings.TrimPrefix(rest, "www.")
	rd := labels[len(labels)-1]
	var (
		found   bool
		bestSev reflex.Severity
		best    candidate
	)
	consider := func(cand string, s stem, e lookalike.Edit) {
		sev := reflex.Caution
		if !s.weak && (e == lookalike.Same || len(s.s) >= 6 || e.Deliberate()) {
			sev = reflex.Danger
		}
		if !found || sev > bestSev {
			found, bestSev = true, sev
			best = x.lookalikeFinding(u, s, sev, e)
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
		for n := max(len(cand)-1, 0); n <= len(cand)+1 && n <= maxStem+1; n++ {
			for _, si := range x.byLen[n] {
				s := x.stems[si]
				if d := len(cand) - len(s.s); d < -1 || d > 1 {
					continue
				}
				if e := lookalike.Classify(cand, s.s); e != lookalike.None {
					consider(cand, s, e)
				}
			}
		}
	}
	if !found {
		var buf [64]byte
		for _, cand := range [2]string{st, rd} {
			if len(cand) <= len(buf) {
				if si, ok := x.folded[string(lookalike.Fold(buf[:0], cand))]; ok {
					consider(cand, x.stems[si], lookalike.Homoglyph)
					break
				}
			}
		}
	}
	return best, found
}

// brandFinding: an official brand at a word boundary in a foreign host. In the
// registrable label it is a combo (ameli-remboursement.com); only in the subdomains it
// is an embedding (ameli.secure-login.com). Short brands (caf, msa, ants) alone are a
// caution: ordinary names can hold them; long ones, or any with bait, are a danger.
func (x *index) brandFinding(u hostname.URL, w *words, nlabels int, strong bool) candidate {
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
		return newCandidate(f, k.proc, false, "official", k.word, "where", "host", "host", u.Unicode)
	case !w.strongBait() && w.nkeys < 2:
		return newCandidate(f, k.proc, true, "brand", k.word, "how", "inside", "host", u.Unicode)
	}
	return newCandidate(f, k.proc, true, "brand", k.word, "how", "words", "host", u.Unicode)
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
