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
	var buf [4]draft // most reports hold fewer findings; more go to the heap
	return x.made(x.drafts(buf[:0], u, target))
}

// drafts appends the findings about u to fs.
func (x *index) drafts(fs []draft, u hostname.URL, target int) []draft {
	if u.IP.IsValid() {
		fs = append(fs, plain(reflex.Finding{Code: reflex.URLIPHost, Severity: reflex.Caution, Evidence: u.Host}))
		fs = x.transport(fs, u, reflex.Caution)
		fs, _ = x.embeddedInPathOrUser(fs, u)
		return x.notOfficial(fs, target, -1)
	}
	var buf [8]hostRef
	if refs := x.lookup(u.Host, buf[:0]); len(refs) > 0 {
		return x.official(fs, u, refs, target)
	}
	if u.Host == "gouv.fr" || strings.HasSuffix(u.Host, ".gouv.fr") {
		return x.state(fs, u, target)
	}
	return x.foreign(fs, u, target)
}

// official: the host is in the catalogue. Without a target, the entry is the most
// specific one for the host, or the one whose topic the path names among those the
// host serves (ants.gouv.fr/carte-grise is the carte grise's page).
func (x *index) official(fs []draft, u hostname.URL, refs []hostRef, target int) []draft {
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
		fs = append(fs, entryWho(reflex.Finding{Code: reflex.URLOfficial, Severity: reflex.OK, Evidence: u.Unicode}, best))
	case x.procs[target].covers(u.Host):
		fs = append(fs, entryWho(reflex.Finding{Code: reflex.URLOfficial, Severity: reflex.OK, Evidence: u.Unicode}, target))
	default:
		fs = append(fs, x.otherProcedure(u, target, best))
	}
	return x.transport(fs, u, reflex.Info)
}

// otherProcedure: an official or State site, but not the one of the target. what is
// the entry the host belongs to, or -1 for a State site outside the catalogue.
func (x *index) otherProcedure(u hostname.URL, target, what int) draft {
	other, otherEN := "", ""
	if what >= 0 {
		other, otherEN = x.procs[what].Name, x.procs[what].NameEN
	}
	return entryWho(reflex.Finding{
		Code: reflex.URLOtherProcedure, Severity: reflex.Caution, Evidence: u.Unicode, Suggest: x.procs[target].URL,
	}, target, "other", other, "other.en", otherEN)
}

// state: under gouv.fr, where only the State registers names, but not in the catalogue.
func (x *index) state(fs []draft, u hostname.URL, target int) []draft {
	n := len(fs)
	if strings.Contains(u.Host, "xn--") {
		// Latin letters with accents (impôts.gouv.fr) are the State's own
		// defensive names; other scripts under gouv.fr imitate
		fs = x.unicodeLabels(fs, u, true)
	}
	if len(fs) == n {
		fs = append(fs, plain(reflex.Finding{Code: reflex.URLState, Severity: reflex.Info, Evidence: u.Unicode}))
		if target >= 0 {
			fs = append(fs, x.otherProcedure(u, target, -1))
		}
	}
	return x.transport(fs, u, reflex.Info)
}

// transport adds the findings about scheme and userinfo, at sev for a foreign site
// and Info for an official one (its own server redirects to https).
func (x *index) transport(fs []draft, u hostname.URL, sev reflex.Severity) []draft {
	if u.Scheme == "http" {
		fs = append(fs, plain(reflex.Finding{Code: reflex.URLInsecure, Severity: sev, Evidence: "http"}))
	}
	if u.Userinfo {
		// the userinfo may hold a password: show only that it is there
		fs = append(fs, plain(reflex.Finding{Code: reflex.URLUserinfo, Severity: sev, Evidence: "…@" + u.Unicode}))
	}
	return fs
}

// notOfficial closes a foreign report that found no imitation: url.not-official, with the
// procedure to suggest (target first, else the topic found), Caution when a topic
// suggests a paid intermediary.
func (x *index) notOfficial(fs []draft, target, topic int) []draft {
	sev := reflex.Info
	p := target
	if topic >= 0 {
		sev = reflex.Caution
		if p < 0 {
			p = topic
		}
	}
	f := reflex.Finding{Code: reflex.URLNotOfficial, Severity: sev}
	if p < 0 {
		return append(fs, plain(f))
	}
	f.Suggest = x.procs[p].URL
	return append(fs, entryCost(f, p))
}

// foreign: neither in the catalogue nor under gouv.fr. Every lookalike signal applies.
func (x *index) foreign(fs []draft, u hostname.URL, target int) []draft {
	first := len(fs) // the findings of this check start here
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
	var candBuf [3]draft // a stem lookalike, an embedding and a word-based imitation at most
	imitation := candBuf[:0]
	imitation, _ = x.stemLookalike(imitation, u, rest, labels)
	var inHost bool
	if imitation, inHost = x.embeddedInHost(imitation, u, rest); !inHost {
		imitation, _ = x.embeddedInPathOrUser(imitation, u)
	}
	var readBuf [maxLabels]string
	read := readBuf[:len(labels)]
	suffixLabels := strings.Count(suffix, ".") + 1
	for i, l := range labels {
		read[i] = l
		if strings.HasPrefix(l, "xn--") {
			read[i] = lookalike.Letters(u.DisplayLabel(l, suffixLabels+len(labels)-i))
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
		imitation = append(imitation, entryWho(reflex.Finding{Code: reflex.URLCombo, Severity: weakSeverity(strong || freeHosting),
			Evidence: u.Unicode, Suggest: x.procs[k.proc].URL}, k.proc, "brand", k.word, "how", "glued", "host", u.Unicode))
	} else if w.fuzzy >= 0 {
		k := x.keys[w.fuzzy]
		imitation = append(imitation, entryCost(reflex.Finding{Code: reflex.URLLookalike, Severity: weakSeverity(strong || freeHosting),
			Suggest: x.procs[k.proc].URL}, k.proc, "host", u.Unicode, "target", k.word, "edit", w.fuzzE.String()).like(w.fuzzS, k.word))
	} else if w.topic < 0 && w.weak >= 0 && w.strongBait() {
		k := x.keys[w.weak]
		imitation = append(imitation, entryWho(reflex.Finding{Code: reflex.URLCombo, Severity: reflex.Danger,
			Evidence: u.Unicode, Suggest: x.procs[k.proc].URL}, k.proc, "brand", k.word, "how", "glued", "host", u.Unicode))
	} else if w.topic >= 0 && w.strongBait() {
		k := x.keys[w.topic]
		imitation = append(imitation, entryWho(reflex.Finding{Code: reflex.URLCombo, Severity: reflex.Danger,
			Evidence: u.Unicode, Suggest: x.procs[k.proc].URL}, k.proc, "brand", k.word, "how", "words", "host", u.Unicode))
	}
	ci := strongest(imitation)
	ok := ci >= 0
	if ok && !hasDanger(fs[first:]) { // a homoglyph already reported says it all
		fs = append(fs, imitation[ci])
	}
	if w.gouv && !foreignGovernment(u.Host, suffix) {
		g := reflex.Finding{Code: reflex.URLGouvToken, Severity: reflex.Danger, Evidence: u.Unicode}
		if ok && imitation[ci].f.Suggest != "" {
			// the imitation's suggestion, with the values of its entry
			c := &imitation[ci]
			g.Suggest = c.f.Suggest
			d := entryCost(g, c.proc, "word", w.gouvWord, "host", u.Unicode)
			d.who = c.who
			fs = append(fs, d)
		} else {
			p := x.suggestedProc(&w)
			if p >= 0 {
				g.Suggest = x.procs[p].URL
			}
			fs = append(fs, entryCost(g, p, "word", w.gouvWord, "host", u.Unicode))
		}
	}
	if freeHosting {
		fs = append(fs, plain(reflex.Finding{Code: reflex.URLFreeHosting, Severity: reflex.Caution, Evidence: suffix}))
	}
	rd := ""
	if len(labels) > 0 {
		rd = u.Host[len(u.Host)-len(suffix)-1-len(labels[len(labels)-1]):]
	}
	if x.shortKeys.may(rd) && x.shorten[rd] || x.shortKeys.may(u.Host) && x.shorten[u.Host] {
		fs = append(fs, plain(reflex.Finding{Code: reflex.URLShortener, Severity: reflex.Caution, Evidence: u.Host}))
	}
	fs = x.transport(fs, u, reflex.Caution)
	public := x.isPublic(u.Host, rd)
	if public {
		f := reflex.Finding{Code: reflex.URLPublicSector, Severity: reflex.Info, Evidence: u.Unicode}
		if target >= 0 {
			f.Suggest = x.procs[target].URL
		}
		fs = append(fs, plain(f))
	}
	if len(imitation) > 0 || w.gouv && !foreignGovernment(u.Host, suffix) {
		x.retarget(fs[first:], u, target)
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
		if target < 0 {
			return append(fs, plain(f))
		}
		f.Suggest = x.procs[target].URL
		return append(fs, entryCost(f, target))
	}
	return x.notOfficial(fs, target, topic)
}

// strongest returns the index of the most severe candidate (the earliest wins a tie),
// or -1.
func strongest(cs []draft) int {
	if len(cs) == 0 {
		return -1
	}
	best := 0
	for i := range cs[1:] {
		if cs[i+1].f.Severity > cs[best].f.Severity {
			best = i + 1
		}
	}
	return best
}

func hasDanger(fs []draft) bool {
	for _, d := range fs {
		if d.f.Severity == reflex.Danger {
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

// retarget points the suggestions of an imitation to the procedure the person is doing:
// the target of CheckFor, else the procedure that the path names on the imitated site
// (ants-gouv.fr/carte-grise suggests https://immatriculation.ants.gouv.fr/).
func (x *index) retarget(fs []draft, u hostname.URL, target int) {
	if target < 0 && len(u.Path) < 3 {
		return
	}
	var named [4]int // the procedures the path names, read once
	nnamed := -1
	for i := range fs {
		f := &fs[i].f
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
			x.suggestEntry(&fs[i], p)
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
