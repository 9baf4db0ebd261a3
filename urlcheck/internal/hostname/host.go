package hostname

import (
	"fmt"
	"net/netip"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

const (
	maxHost  = 253
	maxLabel = 63
)

// lenient accepts what browsers open but the lookup profile refuses (underscores,
// "--" in third position, leading hyphens): such hosts are still checked, not rejected.
var lenient = idna.New(idna.MapForLookup(), idna.StrictDomainName(false), idna.CheckHyphens(false), idna.CheckJoiners(false), idna.Transitional(false))

func (u *URL) setHost(h string) error {
	if strings.IndexByte(h, '%') >= 0 {
		d, err := unescape(h)
		if err != nil {
			return err
		}
		h = d
	}
	if h == "" {
		return fmt.Errorf("%w: no host", ErrHost)
	}
	if h[0] == '[' {
		a, err := netip.ParseAddr(strings.Trim(h, "[]"))
		if err != nil || !a.Is6() || a.Zone() != "" {
			return fmt.Errorf("%w: bad IPv6 literal %.60q", ErrHost, h)
		}
		s := a.String()
		u.IP, u.Host, u.Unicode = a, s, s
		return nil
	}
	ascii, err := toASCII(h)
	if err != nil {
		return err
	}
	ascii = strings.TrimSuffix(ascii, ".") // one trailing dot: "ameli.fr." is ameli.fr
	if err := checkLabels(ascii); err != nil {
		return err
	}
	if ip, ok, err := parseIPv4(ascii); err != nil {
		return err
	} else if ok {
		s := ip.String()
		u.IP, u.Host, u.Unicode = ip, s, s
		return nil
	}
	u.Host, u.Unicode = ascii, ascii
	if strings.Contains(ascii, "xn--") {
		if uni, err := lenient.ToUnicode(ascii); err == nil {
			u.Unicode = uni // differs from ascii, since an xn-- label never decodes to itself
		}
	}
	return nil
}

// LabelUnicode returns one A-label of a canonical host (u.Host of a parsed URL) in its
// display form, as Parse gives it for the label alone, or the label itself when it does
// not decode: one IDNA pass, where Parse makes two.
func LabelUnicode(label string) string {
	if !strings.HasPrefix(label, "xn--") {
		return label
	}
	if uni, err := lenient.ToUnicode(label); err == nil {
		return uni
	}
	return label
}

// DisplayLabel returns the label of u.Host that is fromEnd-th from its end (1 for the
// last), given as label, in its display form: as LabelUnicode gives it, read from
// u.Unicode when the whole host decoded (u.Unicode differs from u.Host only then, and
// label for label), without another IDNA pass.
func (u URL) DisplayLabel(label string, fromEnd int) string {
	if u.Unicode == u.Host || !strings.HasPrefix(label, "xn--") || strings.Count(u.Unicode, ".") != strings.Count(u.Host, ".") {
		return LabelUnicode(label)
	}
	s := u.Unicode
	for ; fromEnd > 1; fromEnd-- {
		dot := strings.LastIndexByte(s, '.')
		if dot < 0 {
			return LabelUnicode(label) // no such label: not one of u.Host's
		}
		s = s[:dot]
	}
	return s[strings.LastIndexByte(s, '.')+1:]
}

// toASCII lower-cases plain ASCII hosts without allocating more than once and sends
// anything else through IDNA (lookup profile, then the lenient one).
func toASCII(h string) (string, error) {
	plain, upper := true, false
	for i := 0; i < len(h); i++ {
		if b := hostByte[h[i]]; b == upperByte {
			upper = true
		} else if b != plainByte {
			plain = false
			break
		}
	}
	if plain {
		if upper {
			h = strings.ToLower(h)
		}
		if !strings.Contains(h, "xn--") {
			return h, nil
		}
	}
	if !utf8.ValidString(h) {
		return "", fmt.Errorf("%w: not UTF-8", ErrHost)
	}
	if a, err := idna.Lookup.ToASCII(h); err == nil {
		return a, nil
	}
	a, err := lenient.ToASCII(h)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrHost, err)
	}
	for i := 0; i < len(a); i++ { // lenient lets through what no DNS name can hold
		if c := a[i]; c <= ' ' || c >= 0x7f || strings.IndexByte(`/\?#@:[]%<>"'`, c) >= 0 {
			return "", fmt.Errorf("%w: character %q", ErrHost, c)
		}
	}
	return strings.ToLower(a), nil
}

// hostByte classes the bytes of a host: a-z 0-9 - . _ are plain, A-Z upper, others other.
var hostByte = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = upperByte
		case !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'):
			t[c] = otherByte
		}
	}
	return t
}()

const (
	plainByte = iota
	upperByte
	otherByte
)

func checkLabels(h string) error {
	if h == "" {
		return fmt.Errorf("%w: no host", ErrHost)
	}
	if len(h) > maxHost {
		return fmt.Errorf("%w: longer than %d", ErrHost, maxHost)
	}
	for rest := h; ; {
		label := rest
		dot := strings.IndexByte(rest, '.')
		if dot >= 0 {
			label, rest = rest[:dot], rest[dot+1:]
		}
		if label == "" {
			return fmt.Errorf("%w: empty label in %.60q", ErrHost, h)
		}
		if len(label) > maxLabel {
			return fmt.Errorf("%w: label longer than %d", ErrHost, maxLabel)
		}
		if dot < 0 {
			return nil
		}
	}
}

// parseIPv4 follows the URL standard: when the last label is a number, the host is an
// IPv4 address written in 1 to 4 parts, each decimal, 0x-hex or 0-octal
// ("3232235777", "0x7f.1"): browsers open them, so must we see them as addresses.
func parseIPv4(h string) (netip.Addr, bool, error) {
	last := h[strings.LastIndexByte(h, '.')+1:]
	if _, ok := ipv4Number(last); !ok {
		return netip.Addr{}, false, nil
	}
	parts := strings.Split(h, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false, fmt.Errorf("%w: %.60q is neither a name nor an IPv4 address", ErrHost, h)
	}
	var nums []uint64
	for _, p := range parts {
		n, ok := ipv4Number(p)
		if !ok {
			return netip.Addr{}, false, fmt.Errorf("%w: %.60q is neither a name nor an IPv4 address", ErrHost, h)
		}
		nums = append(nums, n)
	}
	for _, n := range nums[:len(nums)-1] {
		if n > 255 {
			return netip.Addr{}, false, fmt.Errorf("%w: IPv4 part %d > 255", ErrHost, n)
		}
	}
	lastN := nums[len(nums)-1]
	if lastN >= 1<<(8*(5-len(nums))) {
		return netip.Addr{}, false, fmt.Errorf("%w: IPv4 address out of range", ErrHost)
	}
	v := lastN
	for i, n := range nums[:len(nums)-1] {
		v += n << (8 * (3 - i))
	}
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true, nil
}

func ipv4Number(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	base := 10
	switch {
	case len(s) >= 2 && (s[:2] == "0x" || s[:2] == "0X"):
		s, base = s[2:], 16
		if s == "" {
			return 0, true
		}
	case len(s) >= 2 && s[0] == '0':
		s, base = s[1:], 8
	}
	var n uint64
	for i := 0; i < len(s); i++ { // by hand: strconv would allocate an error for every name
		d, ok := unhex(s[i])
		if !ok || int(d) >= base {
			return 0, false
		}
		if n = n*uint64(base) + uint64(d); n > 1<<32-1 {
			return 0, false
		}
	}
	return n, true
}

// unescape decodes %XX sequences.
func unescape(s string) (string, error) {
	if strings.IndexByte(s, '%') < 0 {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		if i+2 >= len(s) {
			return "", fmt.Errorf("%w in %.60q", ErrEncoding, s)
		}
		hi, ok1 := unhex(s[i+1])
		lo, ok2 := unhex(s[i+2])
		if !ok1 || !ok2 {
			return "", fmt.Errorf("%w in %.60q", ErrEncoding, s)
		}
		b.WriteByte(hi<<4 | lo)
		i += 2
	}
	return b.String(), nil
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
