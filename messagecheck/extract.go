package messagecheck

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"

	"github.com/trustreflex/trustreflex/ibancheck"
)

// Bounds on the work done for one message. A longer message is scanned up to
// MaxBytes; more links or IBANs than the caps are ignored (a message with dozens of
// links is already suspicious, and the first ones carry the bait).
const (
	MaxBytes     = 64 << 10
	MaxLinks     = 32
	MaxIBANs     = 16
	maxLinkBytes = 2048
	maxHostBytes = 253
)

// Link is a link found in a message, with or without its scheme.
type Link struct {
	Text  string // as written, without the punctuation around it
	Host  string // lower-case host, without trailing dot or port
	Start int    // byte offsets of Text in the message
	End   int
}

// IBAN is an IBAN candidate found in a message (by [ibancheck.Find]), in its compact
// form (no separators, upper case). It may be invalid: the IBAN check says why.
type IBAN struct {
	Compact string
	Start   int // byte offsets of the printed form in the message
	End     int
}

// Found is what Extract finds in a message, in order of appearance, without duplicates.
type Found struct {
	Links  []Link
	IBANs  []IBAN
	Phones []Phone
}

// Extract finds the links, IBANs and French phone numbers of a message. Links are found with a scheme
// (https://…), with www., or as bare host names whose top-level domain exists
// (antai-gouv-amendes.net, bit.ly/3xYz); e-mail addresses are not links. IBANs are
// found as [ibancheck.Find] finds them: compact or printed in groups ("FR76 3000 6000
// 0112 3456 7890 189"), ended at the registry's length for the country; an IBAN that
// is part of a link is not one given to the reader, and is left out. Phone numbers are
// French ones outside links and IBANs (see [Phone]).
func Extract(text string) Found {
	if len(text) > MaxBytes {
		cut := MaxBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut-- // do not split a character
		}
		text = text[:cut]
	}
	links := extractLinks(text)
	ibans := outsideLinks(extractIBANs(text), links)
	phones := extractPhones(text, func(start, end int) bool {
		for _, l := range links {
			if start < l.End && l.Start < end {
				return true
			}
		}
		for _, b := range ibans {
			if start < b.End && b.Start < end {
				return true
			}
		}
		return false
	})
	return Found{Links: links, IBANs: ibans, Phones: phones}
}

// outsideLinks drops the IBAN candidates that are part of a link ("…/FR7630006…"): a
// path segment is not an account number given to the person.
func outsideLinks(ibans []IBAN, links []Link) []IBAN {
	out := ibans[:0]
	for _, b := range ibans {
		inside := false
		for _, l := range links {
			if b.Start < l.End && l.Start < b.End {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, b)
		}
	}
	return out
}

// isLinkRune reports whether r may be part of a link as printed in a message.
// Quotes, brackets and guillemets end a link: they wrap links in prose.
func isLinkRune(r rune) bool {
	if r <= ' ' || r == utf8.RuneError || unicode.IsSpace(r) || unicode.IsControl(r) {
		return false
	}
	switch r {
	case '<', '>', '"', '\'', '`', '(', ')', '[', ']', '{', '}', '|', '\\', '^',
		'«', '»', '“', '”', '‘', '’', '‹', '›', '\u200b', '\u2060', '\ufeff':
		return false
	}
	return true
}

const trimPunct = ".,;:!?…*_~"

func extractLinks(text string) []Link {
	var links []Link
	seen := map[string]bool{}
	for i := 0; i < len(text) && len(links) < MaxLinks; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isLinkRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(text) {
			if strings.HasPrefix(text[j:], defangedDot) {
				j += len(defangedDot) // "ants-gouv[.]fr", as copied from a warning
				continue
			}
			r, size := utf8.DecodeRuneInString(text[j:])
			if !isLinkRune(r) {
				break
			}
			j += size
		}
		if l, ok := linkIn(text, i, j); ok {
			key := strings.ToLower(l.Text)
			if !seen[key] {
				seen[key] = true
				links = append(links, l)
			}
		}
		i = j
	}
	return links
}

// linkIn looks for a link in the run text[start:end] of link characters.
func linkIn(text string, start, end int) (Link, bool) {
	run := text[start:end]
	// A scheme may come after a label glued to it: "ici:https://…", "→https://…"; a
	// defanged one ("hxxps://") too.
	for _, scheme := range []string{"https://", "http://", "hxxps://", "hxxp://"} {
		if k := indexFold(run, scheme); k >= 0 {
			return schemeLink(text, start+k, end)
		}
	}
	// Bare host: "Site:antai-gouv.fr/paiement" -> the part after a colon that is no port.
	hostPart := run // colons after the path start belong to the path
	if p := strings.IndexAny(run, "/?#"); p >= 0 {
		hostPart = run[:p]
	}
	for {
		k := strings.IndexByte(hostPart, ':')
		if k < 0 {
			break
		}
		if rest := run[k+1:]; rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			break // a port
		}
		start += k + 1
		run, hostPart = run[k+1:], hostPart[k+1:]
	}
	s, e := trimRun(text, start, start+len(run))
	if s >= e {
		return Link{}, false
	}
	cand := text[s:e]
	hostEnd := len(cand)
	if p := strings.IndexAny(cand, "/?#"); p >= 0 {
		hostEnd = p
	}
	hostPort := cand[:hostEnd]
	if strings.Contains(hostPort, "@") {
		return Link{}, false // an e-mail address, or userinfo without scheme: not a link
	}
	host := hostPort
	if c := strings.LastIndexByte(host, ':'); c >= 0 {
		if !allDigits(host[c+1:]) {
			return Link{}, false
		}
		host = host[:c]
	}
	host = refang(host)
	if !plausibleBareHost(host) {
		return Link{}, false
	}
	host = strings.ToLower(host)
	if len(cand) > maxLinkBytes {
		return Link{}, false
	}
	return Link{Text: cand, Host: strings.TrimSuffix(host, "."), Start: s, End: e}, true
}

func schemeLink(text string, start, end int) (Link, bool) {
	s, e := trimRun(text, start, end)
	if e-s > maxLinkBytes || s >= e {
		return Link{}, false
	}
	cand := text[s:e]
	host, ok := schemeHost(cand)
	if !ok {
		return Link{}, false
	}
	return Link{Text: cand, Host: host, Start: s, End: e}, true
}

// schemeHost returns the host of a link with a scheme, taken from the text itself (no
// unescaping) so that it is always a piece of the link: after "//", before the path,
// after any userinfo, without port, brackets or trailing dot, in lower case.
func schemeHost(link string) (string, bool) {
	k := strings.Index(link, "//")
	if k < 0 {
		return "", false
	}
	authority := link[k+2:]
	if p := strings.IndexAny(authority, "/?#"); p >= 0 {
		authority = authority[:p]
	}
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		authority = authority[at+1:]
	}
	host := authority
	if strings.HasPrefix(host, "[") {
		end := strings.IndexByte(host, ']')
		if end < 0 {
			return "", false
		}
		host = host[1:end]
	} else if c := strings.LastIndexByte(host, ':'); c >= 0 {
		host = host[:c]
	}
	host = strings.TrimRight(strings.ToLower(refang(host)), ".")
	if host == "" || len(host) > maxHostBytes || strings.ContainsAny(host, "%:") && !strings.Contains(authority, "[") {
		return "", false
	}
	return host, true
}

// defangedDot is how security warnings write a dot in a link so that it is not clickable;
// people copy such links too. urlcheck reads them (with hxxp:// schemes).
const defangedDot = "[.]"

func refang(host string) string { return strings.ReplaceAll(host, defangedDot, ".") }

// trimRun drops the punctuation that ends a sentence or wraps a link.
func trimRun(text string, s, e int) (int, int) {
	for s < e && strings.IndexByte(trimPunct, text[s]) >= 0 {
		s++
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !strings.ContainsRune(trimPunct, r) {
			break
		}
		e -= size
	}
	return s, e
}

// plausibleBareHost accepts host names of at least two labels made of letters, digits
// and hyphens, ending in a top-level domain that exists (ICANN section of the public
// suffix list), so that "M.Dupont" or "facture.pdf" are not links but "bit.ly" is.
func plausibleBareHost(host string) bool {
	host = strings.TrimSuffix(host, ".")
	if len(host) > maxHostBytes || !strings.Contains(host, ".") {
		return false
	}
	labels := strings.Split(host, ".")
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return knownTLD(tld)
}

// knownTLD reports whether tld, as written, ends a bare host name. "Merci.Dupont" is two
// words with a missing space, not a host (.dupont is a brand TLD): a capitalised last
// label (upper then lower case) is read as a word, except the few TLDs people write
// that way ("Impots.Gouv.Fr"); "AMELI.FR" and "ameli.fr" are hosts.
func knownTLD(tld string) bool {
	first, size := utf8.DecodeRuneInString(tld)
	if unicode.IsUpper(first) && strings.ToUpper(tld[size:]) != tld[size:] && !capitalisedTLDs[tld] {
		return false
	}
	tld = strings.ToLower(tld)
	ascii, err := idna.Lookup.ToASCII(tld)
	if err != nil || ascii == "" {
		return false
	}
	suffix, icann := publicsuffix.PublicSuffix(ascii)
	return icann && suffix == ascii
}

// capitalisedTLDs are the top-level domains accepted in capitalised form.
var capitalisedTLDs = map[string]bool{"Fr": true, "Com": true, "Net": true, "Org": true, "Info": true, "Eu": true}

func allDigits(s string) bool {
	if s == "" || len(s) > 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// indexFold is strings.Index for an ASCII lower-case needle, ignoring ASCII case.
func indexFold(s, lowerNeedle string) int {
	n := len(lowerNeedle)
	for i := 0; i+n <= len(s); i++ {
		if asciiEqualFold(s[i:i+n], lowerNeedle) {
			return i
		}
	}
	return -1
}

func asciiEqualFold(a, lower string) bool {
	for i := 0; i < len(a); i++ {
		c := a[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// extractIBANs returns the IBAN candidates of text, without duplicates, at most
// MaxIBANs.
func extractIBANs(text string) []IBAN {
	var ibans []IBAN
	for f := range ibancheck.Find(text) {
		if len(ibans) == MaxIBANs {
			break
		}
		compact := f.Compact()
		if !slices.ContainsFunc(ibans, func(b IBAN) bool { return b.Compact == compact }) {
			ibans = append(ibans, IBAN{Compact: compact, Start: f.Start, End: f.End})
		}
	}
	return ibans
}
