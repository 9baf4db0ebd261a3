package urlcheck

import (
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck/internal/hostname"
)

// embeddedInHost finds an official host written inside a foreign one, labels joined by
// dots or hyphens: ants.gouv.fr.secure-verif.com, impots-gouv-fr.vercel.app, ameli-fr.com.
func (x *index) embeddedInHost(fs []draft, u hostname.URL, rest string) ([]draft, bool) {
	if rest == "" {
		return fs, false
	}
	for i := 0; i < len(rest); i++ {
		if i > 0 && rest[i-1] != '.' && rest[i-1] != '-' {
			continue
		}
		end := i
		for end < len(rest) && rest[end] != '.' && rest[end] != '-' {
			end++
		}
		if !x.dashKeys.may(rest[i:end]) {
			continue
		}
		for _, d := range x.dashed[rest[i:end]] {
			if !hasWordAt(rest, i, d.s) {
				continue
			}
			return append(fs, entryCost(reflex.Finding{Code: reflex.URLEmbedding, Severity: reflex.Danger, Suggest: x.suggestion(d)},
				d.proc, "official", d.host, "where", "host", "host", u.Unicode).like(d.host, u.Unicode)), true
		}
	}
	return fs, false
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
func (x *index) embeddedInPathOrUser(fs []draft, u hostname.URL) ([]draft, bool) {
	check := func(s, where string) bool {
		if len(s) > 253 || strings.IndexByte(s, '.') < 0 {
			return false
		}
		s = strings.TrimPrefix(strings.ToLower(s), "www.")
		if ref, ok := x.isOfficialHost(s); ok {
			st := stem{host: ref.rule.Name, proc: ref.proc}
			fs = append(fs, entryCost(reflex.Finding{Code: reflex.URLEmbedding, Severity: reflex.Danger, Suggest: x.suggestion(st)},
				ref.proc, "official", s, "where", where, "host", u.Unicode).like(s, u.Unicode))
			return true
		}
		if s == "gouv.fr" || strings.HasSuffix(s, ".gouv.fr") && validHost(s) {
			// any State host written before "@" or in the path of a foreign one: only
			// an imitation writes it there, catalogued or not
			fs = append(fs, entryCost(reflex.Finding{Code: reflex.URLEmbedding, Severity: reflex.Danger, Suggest: "https://" + s + "/"},
				-1, "official", s, "where", where, "host", u.Unicode).like(s, u.Unicode))
			return true
		}
		return false
	}
	if u.Userinfo {
		user, _, _ := strings.Cut(u.User, ":")
		if check(user, "userinfo") {
			c := &fs[len(fs)-1]
			c.f.Evidence, c.pair = u.Unicode, [2]string{} // the userinfo may hold a password: only the official name is shown
			return fs, true
		}
	}
	n := 0
	for seg := range strings.SplitSeq(u.Path, "/") {
		if n++; n > 32 {
			break
		}
		if check(seg, "path") {
			return fs, true
		}
	}
	return fs, false
}

// validHost reports whether s is a host name of letters, digits, hyphens and dots.
func validHost(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return !strings.Contains(s, "..") && s[0] != '.'
}
