package urlcheck

import (
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck/internal/hostname"
)

// embeddedInHost finds an official host written inside a foreign one, labels joined by
// dots or hyphens: ants.gouv.fr.secure-verif.com, impots-gouv-fr.vercel.app, ameli-fr.com.
func (x *index) embeddedInHost(u hostname.URL, rest string) (candidate, bool) {
	if rest == "" {
		return candidate{}, false
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
			return newCandidate(reflex.Finding{Code: reflex.URLEmbedding, Severity: reflex.Danger,
				Evidence: d.host + " ~ " + u.Unicode, Suggest: x.suggestion(d)},
				d.proc, false, "official", d.host, "where", "host", "host", u.Unicode), true
		}
	}
	return candidate{}, false
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
func (x *index) embeddedInPathOrUser(u hostname.URL) (candidate, bool) {
	check := func(s, where string) (candidate, bool) {
		if len(s) > 253 || strings.IndexByte(s, '.') < 0 {
			return candidate{}, false
		}
		s = strings.TrimPrefix(strings.ToLower(s), "www.")
		if ref, ok := x.isOfficialHost(s); ok {
			st := stem{host: ref.rule.Name, proc: ref.proc}
			return newCandidate(reflex.Finding{Code: reflex.URLEmbedding, Severity: reflex.Danger,
				Evidence: s + " ~ " + u.Unicode, Suggest: x.suggestion(st)},
				ref.proc, false, "official", s, "where", where, "host", u.Unicode), true
		}
		if s == "gouv.fr" || strings.HasSuffix(s, ".gouv.fr") && validHost(s) {
			// any State host written before "@" or in the path of a foreign one: only
			// an imitation writes it there, catalogued or not
			return newCandidate(reflex.Finding{Code: reflex.URLEmbedding, Severity: reflex.Danger,
				Evidence: s + " ~ " + u.Unicode, Suggest: "https://" + s + "/"},
				-1, false, "official", s, "where", where, "host", u.Unicode), true
		}
		return candidate{}, false
	}
	if u.Userinfo {
		user, _, _ := strings.Cut(u.User, ":")
		if c, ok := check(user, "userinfo"); ok {
			c.f.Evidence = u.Unicode // the userinfo may hold a password: only the official name is shown
			return c, true
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
	return candidate{}, false
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
