package urlcheck

import (
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck/internal/hostname"
	"github.com/trustreflex/trustreflex/urlcheck/internal/lookalike"
)

// maxLabels bounds the work on one host: the labels nearest the suffix are the ones
// a person reads and a registrant chooses.
const maxLabels = 16

// assess turns the facts about u into findings. target is the procedure of CheckFor, or -1.
// Every finding's Params map is its own: reports are values callers may change.
func (x *index) assess(u hostname.URL, target int) []reflex.Finding {
	return x.findings(u, target)
}

func (x *index) findings(u hostname.URL, target int) []reflex.Finding {
	if u.IP.IsValid() {
		fs := []reflex.Finding{{Code: reflex.URLIPHost, Severity: reflex.Caution, Evidence: u.Host}}
		fs = x.transport(fs, u, reflex.Caution)
		if c, ok := x.embeddedInPathOrUser(u); ok {
			fs = append(fs, x.finish(c))
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

// official: the host is in the catalogue. Without a target, the entry is the most
// specific one for the host, or the one whose topic the path names among those the
// host serves (ants.gouv.fr/carte-grise is the carte grise's page).
func (x *index) official(u hostname.URL, refs []hostRef, target int) []reflex.Finding {
	var fs []reflex.Finding
	best := refs[0].proc
	if target < 0 && len(refs) > 1 {
		if p := x.pathTopic(u, func(p int) bool {
			for _, r := range refs {
				if r.proc == p {
					return true
				}
			}
			return false
		}); p >= 0 {
			best = p
		}
	}
	switch {
	case target < 0:
		fs = append(fs, reflex.Finding{Code: reflex.URLOfficial, Severity: reflex.OK, Evidence: u.Unicode, Params: x.paramsWho(best)})
	case x.procs[target].covers(u.Host):
		fs = append(fs, reflex.Finding{Code: reflex.URLOfficial, Severity: reflex.OK, Evidence: u.Unicode, Params: x.paramsWho(target)})
	default:
		fs = append(fs, x.otherProcedure(u, target, best))
	}
	return x.transport(fs, u, reflex.Info)
}

// otherProcedure: an official or State site, but not the one of the target. what is
// the entry the host belongs to, or -1 for a State site outside the catalogue.
func (x *index) otherProcedure(u hostname.URL, target, what int) reflex.Finding {
	other, otherEN := "", ""
	if what >= 0 {
		other, otherEN = x.procs[what].Name, x.procs[what].NameEN
	}
	return reflex.Finding{
		Code: reflex.URLOtherProcedure, Severity: reflex.Caution, Evidence: u.Unicode,
		Suggest: x.procs[target].URL, Params: x.paramsWho(target, "other", other, "other.en", otherEN),
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
			fs = append(fs, x.otherProcedure(u, target, -1))
		}
	}
	return x.transport(fs, u, reflex.Info)
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
	var candBuf [4]candidate
	imitation := candBuf[:0]
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
	// a place name with a brand imitates a local office (cpam-lyon), unless local
	// offices run their own sites under that brand (carsat-bretagne.fr)
	place := w.place && !(w.brand >= 0 && x.keys[w.brand].local) && !(w.weak >= 0 && x.keys[w.weak].local)
	strong := w.strongBait() || w.gouv || w.manyKeywords() || w.hostGlued || place
	if w.brand >= 0 {
		imitation = append(imitation, x.brandFinding(u, &w, len(labels), strong || freeHosting))
	} else if w.weak >= 0 && x.keys[w.weak].brand {
		k := x.keys[w.weak]
		imitation = append(imitation, newCandidate(reflex.Finding{Code: reflex.URLCombo, Severity: weakSeverity(strong || freeHosting),
			Evidence: u.Unicode, Suggest: x.procs[k.proc].URL}, k.proc, true, "brand", k.word, "how", "glued", "host", u.Unicode))
	} else if w.fuzzy >= 0 {
		k := x.keys[w.fuzzy]
		imitation = append(imitation, newCandidate(reflex.Finding{Code: reflex.URLLookalike, Severity: weakSeverity(strong || freeHosting),
			Evidence: w.fuzzS + " ~ " + k.word, Suggest: x.procs[k.proc].URL},
			k.proc, false, "host", u.Unicode, "target", k.word, "edit", w.fuzzE.String()))
	} else if w.topic < 0 && w.weak >= 0 && w.strongBait() {
		k := x.keys[w.weak]
		imitation = append(imitation, newCandidate(reflex.Finding{Code: reflex.URLCombo, Severity: reflex.Danger,
			Evidence: u.Unicode, Suggest: x.procs[k.proc].URL}, k.proc, true, "brand", k.word, "how", "glued", "host", u.Unicode))
	} else if w.topic >= 0 && w.strongBait() {
		k := x.keys[w.topic]
		imitation = append(imitation, newCandidate(reflex.Finding{Code: reflex.URLCombo, Severity: reflex.Danger,
			Evidence: u.Unicode, Suggest: x.procs[k.proc].URL}, k.proc, true, "brand", k.word, "how", "words", "host", u.Unicode))
	}
	var f reflex.Finding
	c, ok := strongest(imitation)
	if ok {
		f = x.finish(c)
	}
	if ok && !hasDanger(fs) { // a homoglyph already reported says it all
		fs = append(fs, f)
	}
	if w.gouv && !foreignGovernment(u.Host, suffix) {
		g := reflex.Finding{Code: reflex.URLGouvToken, Severity: reflex.Danger, Evidence: u.Unicode}
		p := x.suggestedProc(&w)
		if ok && f.Suggest != "" {
			g.Suggest, p = f.Suggest, -1
			g.Params = x.params(-1, "word", w.gouvWord, "host", u.Unicode)
			for k, v := range f.Params {
				if entryKeys[k] {
					g.Params[k] = v
				}
			}
		} else {
			g.Params = x.params(p, "word", w.gouvWord, "host", u.Unicode)
			if p >= 0 {
				g.Suggest = x.procs[p].URL
			}
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
		x.retarget(fs, u, target)
		return fs
	}
	if public {
		return fs
	}
	topic := -1
	if w.topic >= 0 {
		topic = x.keys[w.topic].proc
	}
	if topic < 0 && (w.nparcel >= 2 || w.nparcel == 1 && w.strongBait()) {
		// the parcel lure without a brand (colis-suivi-fr.top): no carrier to suggest,
		// but a caution, as for a paid intermediary
		f := reflex.Finding{Code: reflex.URLNotOfficial, Severity: reflex.Caution}
		if target >= 0 {
			f.Suggest, f.Params = x.procs[target].URL, x.params(target)
		}
		return append(fs, f)
	}
	return x.notOfficial(fs, target, topic)
}

// strongest picks the most severe candidate; the earliest wins a tie.
func strongest(cs []candidate) (candidate, bool) {
	if len(cs) == 0 {
		return candidate{}, false
	}
	best := 0
	for i := range cs[1:] {
		if cs[i+1].f.Severity > cs[best].f.Severity {
			best = i + 1
		}
	}
	return cs[best], true
}

func hasDanger(fs []reflex.Finding) bool {
	for _, f := range fs {
		if f.Severity == reflex.Danger {
			return true
		}
	}
	return false
}

// weakSeverity: a brand seen only through a typo or glued to unknown letters is a
// caution alone, and a danger with bait, gouv, another brand or free hosting.
func weakSeverity(strong bool) reflex.Severity {
	if strong {
		return reflex.Danger
	}
	return reflex.Caution
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

// isPublic: the host, or its registrable domain, is on the extra public-sector list.
func (x *index) isPublic(host, rd string) bool {
	if len(x.public) == 0 {
		return false
	}
	return x.public[host] || x.public[strings.TrimPrefix(host, "www.")] || x.public["www."+host] ||
		rd != "" && (x.public[rd] || x.public["www."+rd])
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

func lenientUnicode(label string) (string, error) {
	u, err := hostname.Parse(label)
	if err != nil {
		return "", err
	}
	return u.Unicode, nil
}

// retarget points the suggestions of an imitation to the procedure the person is doing:
// the target of CheckFor, else the procedure that the path names on the imitated site
// (ants-gouv.fr/carte-grise suggests https://immatriculation.ants.gouv.fr/).
func (x *index) retarget(fs []reflex.Finding, u hostname.URL, target int) {
	if target < 0 && len(u.Path) < 3 {
		return
	}
	var named [4]int // the procedures the path names, read once
	nnamed := -1
	for i := range fs {
		f := &fs[i]
		if f.Suggest == "" {
			continue
		}
		p := target
		if p < 0 {
			if nnamed < 0 {
				nnamed = x.pathTopics(u, named[:0])
			}
			site, ok := x.siteOf[f.Suggest]
			if !ok {
				site = suggestedSite(f.Suggest)
			}
			for _, q := range named[:nnamed] {
				if x.site[q] == site {
					p = q
					break
				}
			}
		}
		if p >= 0 && f.Suggest != x.procs[p].URL {
			x.suggestEntry(f, p)
		}
	}
}

// suggestedSite is the registrable domain of a suggestion ("https://ants.gouv.fr/").
func suggestedSite(url string) string {
	h := strings.TrimPrefix(url, "https://")
	if i := strings.IndexByte(h, '/'); i >= 0 {
		h = h[:i]
	}
	rd, _ := publicsuffix.EffectiveTLDPlusOne(h)
	return rd
}
