// Package hostname turns a URL as people paste it into the facts urlcheck decides on:
// scheme, userinfo, a canonical host (lower-case A-labels, no trailing dot, IDNA lookup
// profile), its Unicode form for display, a non-default port and the path. The query
// and the fragment are dropped: they never change which site a link opens.
package hostname

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"unicode"
)

// MaxLen caps the input: a URL longer than this is not something a person pasted.
const MaxLen = 8 << 10

// Errors are wrapped with detail; test them with errors.Is.
var (
	ErrEmpty    = errors.New("empty address")
	ErrTooLong  = errors.New("address too long")
	ErrScheme   = errors.New("not a web address")
	ErrHost     = errors.New("invalid host name")
	ErrPort     = errors.New("invalid port")
	ErrEncoding = errors.New("invalid percent-encoding")
)

// URL is a normalised web address. The zero value is not a valid URL.
type URL struct {
	Scheme   string     // "https", "http", or "" when the input had none
	Userinfo bool       // the input had "user@" or "user:password@" before the host
	User     string     // the userinfo, percent-decoded and lower-cased (never print it: it may hold a password)
	Host     string     // canonical ASCII host: lower-case A-labels, no trailing dot; IPv6 without brackets
	Unicode  string     // the host for display (U-labels)
	IP       netip.Addr // valid when the host is an IP literal
	Port     string     // "" for none or the scheme's default port
	Path     string     // the path as given (may be ""), without query or fragment
}

// String returns the canonical form scheme://host[:port]path, "//host..." when the input
// had no scheme. It leaves out the userinfo, which may hold a password.
func (u URL) String() string {
	var b strings.Builder
	if u.Scheme != "" {
		b.WriteString(u.Scheme)
		b.WriteByte(':')
	}
	b.WriteString("//")
	if u.IP.Is6() {
		b.WriteByte('[')
		b.WriteString(u.Host)
		b.WriteByte(']')
	} else {
		b.WriteString(u.Host)
	}
	if u.Port != "" {
		b.WriteByte(':')
		b.WriteString(u.Port)
	}
	b.WriteString(u.Path)
	return b.String()
}

// Parse normalises raw. It accepts http and https URLs, scheme-relative ("//host/...")
// and scheme-less ("www.ameli.fr/...") input, with surrounding spaces. Backslashes
// count as slashes, as browsers do. Other schemes are ErrScheme.
func Parse(raw string) (URL, error) {
	var u URL
	if len(raw) > MaxLen {
		return u, fmt.Errorf("%w (%d bytes, at most %d)", ErrTooLong, len(raw), MaxLen)
	}
	s := strings.TrimFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("<>\"'", r) })
	if s == "" {
		return u, ErrEmpty
	}
	s = refang(s)
	rest, scheme, err := splitScheme(s)
	if err != nil {
		return u, err
	}
	u.Scheme = scheme
	// The authority ends at the first '/', '?', '#' or '\'.
	end := strings.IndexAny(rest, "/?#\\")
	authority := rest
	tail := ""
	if end >= 0 {
		authority, tail = rest[:end], rest[end:]
	}
	if i := strings.LastIndexByte(authority, '@'); i >= 0 {
		u.Userinfo = true
		user, err := unescape(authority[:i])
		if err != nil {
			return URL{}, err
		}
		u.User = strings.ToLower(user)
		authority = authority[i+1:]
	}
	hostPart, port, err := splitPort(authority)
	if err != nil {
		return URL{}, err
	}
	if port != "" && port != defaultPort(u.Scheme) {
		u.Port = port
	}
	if err := u.setHost(hostPart); err != nil {
		return URL{}, err
	}
	u.Path = path(tail)
	return u, nil
}

func defaultPort(scheme string) string {
	switch scheme {
	case "http":
		return "80"
	case "https", "":
		return "443"
	}
	return ""
}

// splitScheme removes "scheme://" or "//". Input with neither is scheme-less.
func splitScheme(s string) (rest, scheme string, err error) {
	if strings.HasPrefix(s, "//") || strings.HasPrefix(s, `\\`) {
		return s[2:], "", nil
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':' && i > 0:
			after := s[i+1:]
			scheme = strings.ToLower(s[:i])
			slashes := strings.HasPrefix(after, "//") || strings.HasPrefix(after, `\\`)
			if scheme != "http" && scheme != "https" {
				if !slashes { // "ameli.fr:443/x", "localhost:8080": a host and a port
					return s, "", nil
				}
				return "", "", fmt.Errorf("%w: scheme %q (want http or https)", ErrScheme, scheme)
			}
			if slashes {
				after = after[2:]
			}
			return strings.TrimLeft(after, `/\`), scheme, nil
		default:
			return s, "", nil
		}
	}
	return s, "", nil
}

// splitPort separates "host:port" and "[v6]:port".
func splitPort(a string) (host, port string, err error) {
	if strings.HasPrefix(a, "[") {
		i := strings.IndexByte(a, ']')
		if i < 0 {
			return "", "", fmt.Errorf("%w: unclosed '['", ErrHost)
		}
		host, rest := a[:i+1], a[i+1:]
		if rest == "" {
			return host, "", nil
		}
		if rest[0] != ':' {
			return "", "", fmt.Errorf("%w: %q after ']'", ErrHost, rest)
		}
		port, err := checkPort(rest[1:])
		return host, port, err
	}
	i := strings.LastIndexByte(a, ':')
	if i < 0 {
		return a, "", nil
	}
	port, err = checkPort(a[i+1:])
	return a[:i], port, err
}

func checkPort(p string) (string, error) {
	if p == "" {
		return "", nil
	}
	if len(p) > 5 {
		return "", fmt.Errorf("%w: %.12q", ErrPort, p)
	}
	n := 0
	for i := 0; i < len(p); i++ {
		if p[i] < '0' || p[i] > '9' {
			return "", fmt.Errorf("%w: %q", ErrPort, p)
		}
		n = n*10 + int(p[i]-'0')
	}
	if n > 65535 {
		return "", fmt.Errorf("%w: %d", ErrPort, n)
	}
	return fmt.Sprint(n), nil
}

// path keeps the path of tail: backslashes become slashes, query and fragment go, and
// so do the blanks before them (the form is then the same when parsed again).
func path(tail string) string {
	if i := strings.IndexAny(tail, "?#"); i >= 0 {
		tail = strings.TrimRightFunc(tail[:i], unicode.IsSpace) // as the whole input is trimmed
	}
	if strings.IndexByte(tail, '\\') >= 0 {
		tail = strings.ReplaceAll(tail, `\`, "/")
	}
	return tail
}

// refang undoes the usual defanging of links in security warnings, which people copy
// too: hxxps://ants-gouv[.]fr is https://ants-gouv.fr.
func refang(s string) string {
	if len(s) >= 4 && strings.EqualFold(s[:4], "hxxp") {
		s = "http" + s[4:]
	}
	if strings.ContainsAny(s, "[(") {
		s = defang.Replace(s)
	}
	return s
}

var defang = strings.NewReplacer("[.]", ".", "(.)", ".", "[dot]", ".", "[:]", ":", "[://]", "://")
