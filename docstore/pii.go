package docstore

import (
	"bytes"
	"cmp"
	"errors"
	"io"
	"slices"
	"strings"
)

// PIIKind names a kind of French personal number. The values are the wire names used
// in the {kinds} of store.sensitive.
type PIIKind string

// The kinds the detector finds.
const (
	PIINIR  PIIKind = "nir"  // numéro de sécurité sociale (NIR), 13 digits and a 2-digit key
	PIIIBAN PIIKind = "iban" // IBAN, with its national bank key (the French RIB key)
	PIICard PIIKind = "card" // payment card number (Luhn, issuer prefix and length)
	PIIMRZ  PIIKind = "mrz"  // machine-readable zone of an ID card or a passport
	PIISPI  PIIKind = "spi"  // numéro fiscal (SPI), 13 digits
)

// Checksum says what the check digits of a match say.
type Checksum uint8

const (
	// ChecksumValid: every check digit (key, Luhn, 7-3-1, mod 97, mod 511) is right.
	ChecksumValid Checksum = iota
	// ChecksumInvalid: the shape fits but a check digit is wrong (a typo, or a decoy).
	// Only reported with WithRejected.
	ChecksumInvalid
)

func (c Checksum) String() string {
	if c == ChecksumValid {
		return "valid"
	}
	return "invalid"
}

// Context says what the words just before a match say about it.
type Context uint8

const (
	ContextNone     Context = iota // no telling word nearby
	ContextPositive                // "sécurité sociale", "IBAN", "carte", "numéro fiscal"...
	ContextNegative                // "SIRET", "IMEI", "commande", "suivi", "PDL"...: not personal
)

func (c Context) String() string {
	return [...]string{"none", "positive", "negative"}[min(c, ContextNegative)]
}

// Match is one personal number found in a text. It never holds the number itself.
type Match struct {
	Kind   PIIKind
	Offset int64 // byte offset of the first character in the scanned stream
	Len    int   // length in bytes, separators included
	// Masked shows the number with most characters hidden: "1 ** ** ** *** *** 36",
	// "FR76 **** **** 0189", "**** **** **** 4242". Safe to log and show.
	Masked   string
	Checksum Checksum
	Context  Context
}

// Personal reports whether the match counts as personal data: checksum right and no
// negative context.
func (m Match) Personal() bool {
	return m.Checksum == ChecksumValid && m.Context != ContextNegative
}

// PIIOption configures ScanPII.
type PIIOption func(*piiConfig)

type piiConfig struct {
	rejected bool
	maxBytes int64
	kinds    map[PIIKind]bool
}

// WithRejected also reports near misses: numbers whose check digits are wrong
// (Checksum Invalid) and checksum-valid numbers with a negative context. By default
// ScanPII reports only Personal matches.
func WithRejected() PIIOption { return func(c *piiConfig) { c.rejected = true } }

// WithMaxBytes stops the scan after n bytes (default: no limit).
func WithMaxBytes(n int64) PIIOption { return func(c *piiConfig) { c.maxBytes = n } }

// WithKinds restricts the scan to these kinds.
func WithKinds(kinds ...PIIKind) PIIOption {
	return func(c *piiConfig) {
		c.kinds = map[PIIKind]bool{}
		for _, k := range kinds {
			c.kinds[k] = true
		}
	}
}

const (
	scanChunk   = 1 << 20
	scanOverlap = 256 // longer than any match and its context window
)

// ScanPII reads r to the end (or the WithMaxBytes limit) and returns the French
// personal numbers it holds, in order of offset. The text is read as UTF-8 (or ASCII,
// or Latin-1 for the digits and letters that matter); callers decode other encodings
// first (Inspector does it for UTF-16, compressed and office files).
//
// Checksums come first, context second: a number must pass its check digits, and a
// negative word just before it ("SIRET", "IMEI", "commande", "suivi", ...) rules it out.
func ScanPII(r io.Reader, opts ...PIIOption) ([]Match, error) {
	var cfg piiConfig
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.maxBytes > 0 {
		r = io.LimitReader(r, cfg.maxBytes)
	}
	var out []Match
	// start small: most inputs are short; grow to full chunks for long streams
	buf := make([]byte, 0, 16<<10)
	var base int64 // stream offset of buf[0]
	done := int64(0)
	for {
		n, err := io.ReadFull(r, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		eof := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !eof {
			return out, err
		}
		// matches must start in [done, limit): the last scanOverlap bytes wait for
		// the next chunk unless this is the end
		limit := base + int64(len(buf))
		if !eof {
			limit -= scanOverlap
		}
		from := len(out)
		scanBuf(buf, base, func(m Match) {
			if m.Offset >= done && m.Offset < limit && cfg.wants(m) {
				out = append(out, m)
			}
		})
		out = append(out[:from], tidy(out[from:])...)
		if eof {
			return out, nil
		}
		done = limit
		keep := buf[len(buf)-2*scanOverlap:]
		base += int64(len(buf) - len(keep))
		if cap(buf) < scanChunk {
			buf = append(make([]byte, 0, scanChunk), keep...)
		} else {
			buf = append(buf[:0], keep...)
		}
	}
}

func (c *piiConfig) wants(m Match) bool {
	if c.kinds != nil && !c.kinds[m.Kind] {
		return false
	}
	return c.rejected || m.Personal()
}

// scanPIIBytes is ScanPII over a byte slice, without copying.
func scanPIIBytes(b []byte, opts ...PIIOption) []Match {
	var cfg piiConfig
	for _, o := range opts {
		o(&cfg)
	}
	var out []Match
	scanBuf(b, 0, func(m Match) {
		if cfg.wants(m) {
			out = append(out, m)
		}
	})
	return tidy(out)
}

// tidy puts matches in offset order (an MRZ block is found from its "<<", after the
// numbers of its first line) and drops the numbers inside an MRZ block, which belong
// to it.
func tidy(ms []Match) []Match {
	slices.SortStableFunc(ms, func(a, b Match) int { return cmp.Compare(a.Offset, b.Offset) })
	out := ms[:0]
	var mrzEnd int64 = -1
	for _, m := range ms {
		if m.Kind != PIIMRZ && m.Offset < mrzEnd {
			continue
		}
		if m.Kind == PIIMRZ {
			mrzEnd = max(mrzEnd, m.Offset+int64(m.Len))
		}
		out = append(out, m)
	}
	return out
}

// Kinds returns the distinct kinds of the personal matches, in a fixed order.
func Kinds(ms []Match) []PIIKind {
	var seen [5]bool
	for _, m := range ms {
		if m.Personal() {
			seen[kindIndex(m.Kind)] = true
		}
	}
	var out []PIIKind
	for i, k := range allKinds {
		if seen[i] {
			out = append(out, k)
		}
	}
	return out
}

var allKinds = [...]PIIKind{PIINIR, PIIIBAN, PIICard, PIIMRZ, PIISPI}

func kindIndex(k PIIKind) int {
	for i, x := range allKinds {
		if x == k {
			return i
		}
	}
	return 0
}

func joinKinds(ks []PIIKind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// byte classes of the scanner's main loop
const (
	clOther = iota
	clDigit
	clUpper
	clLower
	clMRZ // '<'
	clHigh
)

var class = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = clDigit
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = clUpper
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = clLower
	}
	t['<'] = clMRZ
	for c := 0x80; c < 0x100; c++ {
		t[c] = clHigh
	}
	return t
}()

func isAlnum(c byte) bool { k := class[c]; return k == clDigit || k == clUpper || k == clLower }

// scanBuf finds every candidate in b and calls emit with matches whose offsets are
// relative to base. Digits runs are read once; letters and spaces are skipped by a
// table lookup, which keeps the scan well above 100 MB/s.
func scanBuf(b []byte, base int64, emit func(Match)) {
	mrzDone := -1 // end of the last line examined for an MRZ
	for i := 0; i < len(b); {
		switch class[b[i]] {
		case clDigit:
			if i > 0 && isAlnum(b[i-1]) {
				for i < len(b) && isAlnum(b[i]) {
					i++
				}
				continue
			}
			i = scanNumber(b, i, base, emit)
		case clUpper:
			if i+3 < len(b) && class[b[i+1]] == clUpper && class[b[i+2]] == clDigit && class[b[i+3]] == clDigit && (i == 0 || !isAlnum(b[i-1])) {
				if end := scanIBAN(b, i, base, emit); end > i {
					i = end
					continue
				}
			}
			i++
		case clMRZ:
			if i > mrzDone {
				mrzDone = scanMRZ(b, i, base, emit)
			}
			i++
		default:
			i++
		}
	}
}

// sepLen returns the length of a digit-group separator at b[i]: a space, a dot, a
// dash, a no-break space (U+00A0), a narrow no-break space (U+202F) or a thin space
// (U+2009); 0 when there is none.
func sepLen(b []byte, i int) int {
	if i >= len(b) {
		return 0
	}
	switch b[i] {
	case ' ', '.', '-', 0xa0: // 0xa0: NBSP in Latin-1 text
		return 1
	case 0xc2:
		if i+1 < len(b) && b[i+1] == 0xa0 {
			return 2
		}
	case 0xe2:
		if i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xaf || b[i+2] == 0x89) {
			return 3
		}
	}
	return 0
}

// maskAt writes the masked form of a value into a string, keeping the characters whose
// positions keep(i) accepts and the separators between groups.
func maskGroups(groups []string, keep func(i int) bool) string {
	var sb bytes.Buffer
	pos := 0
	for g, s := range groups {
		if g > 0 {
			sb.WriteByte(' ')
		}
		for j := 0; j < len(s); j++ {
			if keep(pos) {
				sb.WriteByte(s[j])
			} else {
				sb.WriteByte('*')
			}
			pos++
		}
	}
	return sb.String()
}
