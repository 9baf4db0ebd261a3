package urlcheck

import (
	"fmt"
	"maps"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/trustreflex/trustreflex/internal/hostname"
	"github.com/trustreflex/trustreflex/internal/lookalike"
	"github.com/trustreflex/trustreflex/reflex"
)

// maxLabels bounds the work on one host: the labels nearest the suffix are the ones
// a person reads and a registrant chooses.
const maxLabels = 16

// assess turns the facts about u into findings. target is the procedure of CheckFor, or -1.
func (x *index) assess(u hostname.URL, target int) []reflex.Finding {
	fs := x.findings(u, target)
	for i := range fs {
		if fs[i].Params != nil {
			fs[i].Params = maps.Clone(fs[i].Params)
		}
	}
	return fs
}

func (x *index) findings(u hostname.URL, target int) []reflex.Finding {
	if u.IP.IsValid() {
		fs := []reflex.Finding{{Code: reflex.URLIPHost, Severity: reflex.Caution, Evidence: u.Host}}
		fs = x.transport(fs, u, reflex.Caution)
		if f, ok := x.embeddedInPathOrUser(u); ok {
			fs = append(fs, f)
		}
		return x.notOfficial(fs, target, -1)
	}
	var buf [8]hostRef
	if refs := x.lookup(u.Host, buf[:0]); len(refs) > 0 {
		return x.official(u, refs, target)
	}
	if u.Host == "gouv.fr" || strings.HasSuffix(u.Host, ".gouv.fr") {
		return x.state(u, target)
	}
	return x.foreign(u, target)
}

// official: the host is in the catalogue.
func (x *index) official(u hostname.URL, refs []hostRef, target int) []reflex.Finding {
	var fs []reflex.Finding
	best := refs[0].proc
	switch {
	case target < 0:
		fs = append(fs, reflex.Finding{Code: reflex.URLOfficial, Severity: reflex.OK, Evidence: u.Unicode, Params: x.params(best)})
	case x.procs[target].covers(u.Host):
		fs = append(fs, reflex.Finding{Code: reflex.URLOfficial, Severity: reflex.OK, Evidence: u.Unicode, Params: x.params(target)})
	default:
		fs = append(fs, x.otherProcedure(u, target, x.procs[best].ID))
	}
	return x.transport(fs, u, reflex.Info)
}

func (x *index) otherProcedure(u hostname.URL, target int, what string) reflex.Finding {
	return reflex.Finding{
		Code: reflex.URLOtherProcedure, Severity: reflex.Caution,
		Evidence: fmt.Sprintf("%s: %s, not %s", u.Unicode, what, x.procs[target].ID),
		Suggest:  x.procs[target].URL, Params: x.params(target),
	}
}

// state: under gouv.fr, where only the State registers names, but not in the catalogue.
func (x *index) state(u hostname.URL, target int) []reflex.Finding {
	var fs []reflex.Finding
	if strings.Contains(u.Host, "xn--") {
		// Latin letters with accents (impôts.gouv.fr) are the State's own
		// defensive names; other scripts under gouv.fr imitate
		fs = x.unicodeLabels(fs, u, true)
	}
	if len(fs) == 0 {
		fs = append(fs, reflex.Finding{Code: reflex.URLState, Severity: reflex.Info, Evidence: u.Unicode})
		if target >= 0 {
			fs = append(fs, x.otherProcedure(u, target, "gouv.fr"))
		}
	}
	return x.transport(fs, u, reflex.Info)
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
				Evidence: fmt.Sprintf("%s (%s): %s", u.Unicode, u.Host, strings.Join(scripts, "+"))})
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
				return append(fs, x.lookalikeFinding(u, x.stems[si], reflex.Danger, lookalike.Homoglyph))
			}
		}
	}
	if imitates {
		fs = append(fs, reflex.Finding{Code: reflex.URLLookalike, Severity: reflex.Danger,
			Evidence: fmt.Sprintf("%s (%s): non-Latin letters under gouv.fr", u.Unicode, u.Host)})
	}
	return fs
}

// transport adds the findings about scheme and userinfo, at sev for a foreign site
// and Info for an official one (its own server redirects to https).
func (x *index) transport(fs []reflex.Finding, u hostname.URL, sev reflex.Severity) []reflex.Finding {
	if u.Scheme == "http" {
		fs = append(fs, reflex.Finding{Code: reflex.URLInsecure, Severity: sev, Evidence: "http"})
	}
	if u.Userinfo {
		// the userinfo may hold a password: show only that it is there
		fs = append(fs, reflex.Finding{Code: reflex.URLUserinfo, Severity: sev, Evidence: "user@" + u.Unicode})
	}
	return fs
}

// notOfficial closes a foreign report that found no imitation: url.not-official, with the
// procedure to suggest (target first, else the topic found), Caution when a topic
// suggests a paid intermediary.
func (x *index) notOfficial(fs []reflex.Finding, target, topic int) []reflex.Finding {
	sev := reflex.Info
	p := target
	if topic >= 0 {
		sev = reflex.Caution
		if p < 0 {
			p = topic
		}
	}
	f := reflex.Finding{Code: reflex.URLNotOfficial, Severity: sev}
	if p >= 0 {
		f.Suggest, f.Params = x.procs[p].URL, x.params(p)
	}
	return append(fs, f)
}

// params fills the texts' placeholders for procedure p. The map is shared until assess
// gives each finding it returns its own copy (reports are values callers may change):
// candidates that are dropped cost nothing.
func (x *index) params(p int) map[string]string {
	return x.texts[p]
}

func textParams(proc Procedure) map[string]string {
	m := map[string]string{"org": proc.Organisation, "procedure": proc.Name}
	if proc.Free() {
		m["free"] = proc.display()
	} else {
		m["cost"] = proc.Cost
	}
	return m
}

// suggestion is the address to type instead of an imitation of s.
func (x *index) suggestion(s stem) string {
	p := x.procs[s.proc]
	if strings.TrimPrefix(p.display(), "www.") == s.host {
		return p.URL
	}
	return "https://" + s.host + "/"
}

func (x *index) lookalikeFinding(u hostname.URL, s stem, sev reflex.Severity, e lookalike.Edit) reflex.Finding {
	how := e.String()
	if e == lookalike.Same {
		how = "other suffix"
	}
	ev := fmt.Sprintf("%s ~ %s (%s)", u.Unicode, s.host, how)
	if u.Unicode != u.Host {
		ev = fmt.Sprintf("%s (%s) ~ %s (%s)", u.Unicode, u.Host, s.host, how)
	}
	return reflex.Finding{Code: reflex.URLLookalike, Severity: sev, Evidence: ev, Suggest: x.suggestion(s), Params: x.params(s.proc)}
}

// foreign: neither in the catalogue nor under gouv.fr. Every lookalike signal applies.
func (x *index) foreign(u hostname.URL, target int) []reflex.Finding {
	fs := make([]reflex.Finding, 0, 4)
	suffix, icann := publicsuffix.PublicSuffix(u.Host)
	rest := strings.TrimSuffix(strings.TrimSuffix(u.Host, suffix), ".")
	if rest == u.Host { // the host is a public suffix itself
		rest = ""
	}
	var labelBuf [maxLabels]string
	labels := splitLabels(rest, labelBuf[:0])
	if strings.Contains(u.Host, "xn--") {
		fs = x.unicodeLabels(fs, u, false)
	}
	var imitation []reflex.Finding
	if f, ok := x.stemLookalike(u, rest, labels); ok {
		imitation = append(imitation, f)
	}
	if f, ok := x.embeddedInHost(u, rest); ok {
		imitation = append(imitation, f)
	} else if f, ok := x.embeddedInPathOrUser(u); ok {
		imitation = append(imitation, f)
	}
	var readBuf [maxLabels]string
	read := readBuf[:len(labels)]
	for i, l := range labels {
		read[i] = l
		if strings.HasPrefix(l, "xn--") {
			if uni, err := lenientUnicode(l); err == nil {
				read[i] = lookalike.Letters(uni)
			}
		}
	}
	var w words
	x.read(&w, read)
	freeHosting := !icann && strings.IndexByte(suffix, '.') >= 0
	strong := w.strongBait() || w.gouv || w.manyKeywords() || w.hostGlued
	if w.brand >= 0 {
		imitation = append(imitation, x.brandFinding(u, &w, len(labels), strong || freeHosting))
	} else if w.weak >= 0 && x.keys[w.weak].brand {
		k := x.keys[w.weak]
		imitation = append(imitation, reflex.Finding{Code: reflex.URLCombo, Severity: weakSeverity(strong || freeHosting),
			Evidence: k.word + " glued in " + u.Unicode, Suggest: x.procs[k.proc].URL, Params: x.params(k.proc)})
	} else if w.fuzzy >= 0 {
		k := x.keys[w.fuzzy]
		imitation = append(imitation, reflex.Finding{Code: reflex.URLLookalike, Severity: weakSeverity(strong || freeHosting),
			Evidence: fmt.Sprintf("%s ~ %s (%s)", w.fuzzS, k.word, w.fuzzE),
			Suggest:  x.procs[k.proc].URL, Params: x.params(k.proc)})
	} else if w.topic < 0 && w.weak >= 0 && w.strongBait() {
		k := x.keys[w.weak]
		imitation = append(imitation, reflex.Finding{Code: reflex.URLCombo, Severity: reflex.Danger,
			Evidence: k.word + " + " + w.baitText(),
			Suggest:  x.procs[k.proc].URL, Params: x.params(k.proc)})
	} else if w.topic >= 0 && w.strongBait() {
		k := x.keys[w.topic]
		imitation = append(imitation, reflex.Finding{Code: reflex.URLCombo, Severity: reflex.Danger,
			Evidence: k.word + " + " + w.baitText(),
			Suggest:  x.procs[k.proc].URL, Params: x.params(k.proc)})
	}
	f, ok := strongest(imitation)
	if ok && !hasDanger(fs) { // a homoglyph already reported says it all
		fs = append(fs, f)
	}
	if w.gouv && !foreignGovernment(u.Host, suffix) {
		g := reflex.Finding{Code: reflex.URLGouvToken, Severity: reflex.Danger, Evidence: "gouv: " + u.Unicode}
		if ok && f.Suggest != "" {
			g.Suggest, g.Params = f.Suggest, f.Params
		} else if p := x.suggestedProc(&w); p >= 0 {
			g.Suggest, g.Params = x.procs[p].URL, x.params(p)
		}
		fs = append(fs, g)
	}
	if freeHosting {
		fs = append(fs, reflex.Finding{Code: reflex.URLFreeHosting, Severity: reflex.Caution, Evidence: suffix})
	}
	rd := ""
	if len(labels) > 0 {
		rd = u.Host[len(u.Host)-len(suffix)-1-len(labels[len(labels)-1]):]
	}
	if x.shorten[rd] || x.shorten[u.Host] {
		fs = append(fs, reflex.Finding{Code: reflex.URLShortener, Severity: reflex.Caution, Evidence: u.Host})
	}
	fs = x.transport(fs, u, reflex.Caution)
	public := x.isPublic(u.Host, rd)
	if public {
		f := reflex.Finding{Code: reflex.URLPublicSector, Severity: reflex.Info, Evidence: u.Unicode}
		if target >= 0 {
			f.Suggest = x.procs[target].URL
		}
		fs = append(fs, f)
	}
	if len(imitation) > 0 || w.gouv && !foreignGovernment(u.Host, suffix) {
		return fs
	}
	if public {
		return fs
	}
	topic := -1
	if w.topic >= 0 {
		topic = x.keys[w.topic].proc
	}
	return x.notOfficial(fs, target, topic)
}

// foreignGovernment: gouv.<country suffix> is how many French-speaking governments
// name their sites (gouv.sn, gouv.nc, gouv.qc.ca); its "gouv" imitates nothing.
func foreignGovernment(host, suffix string) bool {
	tld := suffix[strings.LastIndexByte(suffix, '.')+1:]
	if len(tld) != 2 || tld == "fr" {
		return false
	}
	return host == "gouv."+suffix || strings.HasSuffix(host, ".gouv."+suffix)
}

// weakSeverity: a brand seen only through a typo or glued to unknown letters is a
// caution alone, and a danger with bait, gouv, another brand or free hosting.
func weakSeverity(strong bool) reflex.Severity {
	if strong {
		return reflex.Danger
	}
	return reflex.Caution
}

func hasDanger(fs []reflex.Finding) bool {
	for _, f := range fs {
		if f.Severity == reflex.Danger {
			return true
		}
	}
	return false
}

func lenientUnicode(label string) (string, error) {
	u, err := hostname.Parse(label)
	if err != nil {
		return "", err
	}
	return u.Unicode, nil
}

// strongest picks the most severe finding; the earliest wins a tie.
func strongest(fs []reflex.Finding) (reflex.Finding, bool) {
	if len(fs) == 0 {
		return reflex.Finding{}, false
	}
	best := fs[0]
	for _, f := range fs[1:] {
		if f.Severity > best.Severity {
			best = f
		}
	}
	return best, true
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

// brandFinding: an official brand at a word boundary in a foreign host. In the
// registrable label it is a combo (ameli-remboursement.com); only in the subdomains it
// is an embedding (ameli.secure-login.com). Short brands (caf, msa, ants) alone are a
// caution: ordinary names can hold them; long ones, or any with bait, are a danger.
func (x *index) brandFinding(u hostname.URL, w *words, nlabels int, strong bool) reflex.Finding {
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
	ev := k.word + " in " + u.Unicode
	if w.strongBait() {
		ev = k.word + " + " + w.baitText()
	}
	return reflex.Finding{Code: code, Severity: sev, Evidence: ev, Suggest: x.procs[k.proc].URL, Params: x.params(k.proc)}
}

// splitLabels appends the labels of rest to out, the last maxLabels of them.
func splitLabels(rest string, out []string) []string {
	if rest == "" {
		return out
	}
	for i := strings.Count(rest, "."); i >= maxLabels; i-- {
		rest = rest[strings.IndexByte(rest, '.')+1:]
	}
	for l := range strings.SplitSeq(rest, ".") {
		out = append(out, l)
	}
	return out
}

// stemLookalike compares the host without its public suffix (and without "www."), and
// its registrable label, with the official names: the same name under another suffix
// (ameli.com, ants.gouv.com), one edit away (amelli.fr, ants-gouv.fr), or the same
// once look-alike characters are folded (arneli.fr).
func (x *index) stemLookalike(u hostname.URL, rest string, labels []string) (reflex.Finding, bool) {
	if rest == "" {
		return reflex.Finding{}, false
	}
	st := strings.TrimPrefix(rest, "www.")
	rd := labels[len(labels)-1]
	var (
		found   bool
		bestSev reflex.Severity
		best    reflex.Finding
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
	for _, s := range x.stems {
		for _, cand := range [2]string{st, rd} {
			if d := len(cand) - len(s.s); d < -1 || d > 1 {
				continue
			}
			if e := lookalike.Classify(cand, s.s); e != lookalike.None {
				consider(cand, s, e)
			}
			if cand == rd {
				break
			}
		}
		if found && bestSev == reflex.Danger {
			break
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

// embeddedInHost finds an official host written inside a foreign one, labels joined by
// dots or hyphens: ants.gouv.fr.secure-verif.com, impots-gouv-fr.vercel.app, ameli-fr.com.
func (x *index) embeddedInHost(u hostname.URL, rest string) (reflex.Finding, bool) {
	if rest == "" {
		return reflex.Finding{}, false
	}
	for i := 0; i < len(rest); i++ {
		if i > 0 && rest[i-1] != '.' && rest[i-1] != '-' {
			continue
		}
		end := i
		for end < len(rest) && rest[end] != '.' && rest[end] != '-' {
			end++
		}
		for _, d := range x.dashed[rest[i:end]] {
			if !hasWordAt(rest, i, d.s) {
				continue
			}
			return reflex.Finding{Code: reflex.URLEmbedding, Severity: reflex.Danger,
				Evidence: d.host + " in " + u.Unicode, Suggest: x.suggestion(d), Params: x.params(d.proc)}, true
		}
	}
	return reflex.Finding{}, false
}

// hasWordAt reports whether sub (labels joined by hyphens) is written in s at i, up to
// a dot, a hyphen or the end, a dot in s matching a hyphen in sub.
func hasWordAt(s string, i int, sub string) bool {
	j := i + len(sub)
	if j > len(s) || j < len(s) && s[j] != '-' && s[j] != '.' {
		return false
	}
	for k := 0; k < len(sub); k++ {
		if s[i+k] != sub[k] && !(s[i+k] == '.' && sub[k] == '-') {
			return false
		}
	}
	return true
}

// embeddedInPathOrUser finds an official host in the path (evil.example/ants.gouv.fr/)
// or before an "@" (ameli.fr@evil.example). The query and fragment are not read: links
// carry official addresses there for good reasons (redirects, sharing).
func (x *index) embeddedInPathOrUser(u hostname.URL) (reflex.Finding, bool) {
	check := func(s, where string) (reflex.Finding, bool) {
		s = strings.TrimPrefix(strings.ToLower(s), "www.")
		if len(s) > 253 || strings.IndexByte(s, '.') < 0 {
			return reflex.Finding{}, false
		}
		if ref, ok := x.isOfficialHost(s); ok {
			st := stem{host: ref.rule.Name, proc: ref.proc}
			return reflex.Finding{Code: reflex.URLEmbedding, Severity: reflex.Danger,
				Evidence: s + " in the " + where + " of " + u.Unicode, Suggest: x.suggestion(st), Params: x.params(ref.proc)}, true
		}
		return reflex.Finding{}, false
	}
	if u.Userinfo {
		user, _, _ := strings.Cut(u.User, ":")
		if f, ok := check(user, "user name"); ok {
			f.Evidence = "official name before @ in " + u.Unicode // never print the userinfo itself
			return f, true
		}
	}
	n := 0
	for seg := range strings.SplitSeq(u.Path, "/") {
		if n++; n > 32 {
			break
		}
		if f, ok := check(seg, "path"); ok {
			return f, true
		}
	}
	return reflex.Finding{}, false
}

// isPublic: the host, or its registrable domain, is on the extra public-sector list.
func (x *index) isPublic(host, rd string) bool {
	if len(x.public) == 0 {
		return false
	}
	return x.public[host] || x.public[strings.TrimPrefix(host, "www.")] || x.public["www."+host] ||
		rd != "" && (x.public[rd] || x.public["www."+rd])
}
