package pii

import (
	"cmp"
	"encoding/binary"
	"errors"
	"io"
	"math/bits"
	"slices"

	"github.com/trustreflex/trustreflex/ibancheck"
)

const (
	scanChunk   = 1 << 20
	scanOverlap = 256 // longer than any match and its context window
)

// Scan reads r to the end (or the [WithMaxBytes] limit) and returns the French
// personal numbers it holds, in order of offset. The text is read as UTF-8 (or ASCII,
// or Latin-1 for the digits and letters that matter); callers decode other encodings
// first (docstore's Inspector does it for UTF-16, compressed and office files).
// Memory stays bounded whatever the length of r: it is read in chunks of 1 MiB.
//
// Checksums come first, context second: a number must pass its check digits, and a
// negative word just before it ("SIRET", "IMEI", "commande", "suivi", ...) rules it out.
// By default only [Match.Personal] matches are returned; see [WithRejected].
// The error is r's, with the matches found before it.
func Scan(r io.Reader, opts ...Option) ([]Match, error) {
	cfg := newConfig(opts)
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

// ScanBytes is [Scan] over text already in memory: it reads b in place, without
// copying it, and the offsets of its matches are indexes into b.
func ScanBytes(b []byte, opts ...Option) []Match {
	cfg := newConfig(opts)
	if cfg.maxBytes > 0 && int64(len(b)) > cfg.maxBytes {
		b = b[:cfg.maxBytes]
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
	byOffset := func(a, b Match) int { return cmp.Compare(a.Offset, b.Offset) }
	if !slices.IsSortedFunc(ms, byOffset) {
		slices.SortStableFunc(ms, byOffset)
	}
	out := ms[:0]
	var mrzEnd int64 = -1
	for _, m := range ms {
		if m.Kind != MRZ && m.Offset < mrzEnd {
			continue
		}
		if m.Kind == MRZ {
			mrzEnd = max(mrzEnd, m.Offset+int64(m.Len))
		}
		out = append(out, m)
	}
	return out
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
// relative to base. Most text is letters, spaces and punctuation that no number starts
// with: the loop reads eight bytes at a time and jumps to the first one that may start
// a token (a digit, a capital letter, '<'), then reads that token once. A lower-case
// IBAN ("fr76 ...") is reached through its check digits.
func scanBuf(b []byte, base int64, emit func(Match)) {
	mrzDone := -1 // end of the last line examined for an MRZ
	n := len(b)
	for i := 0; i < n; {
		if i+16 <= n {
			m0 := hotBytes(binary.LittleEndian.Uint64(b[i:]))
			m1 := hotBytes(binary.LittleEndian.Uint64(b[i+8:]))
			if m0|m1 == 0 {
				i += 16
				continue
			}
			if m0 != 0 {
				i += bits.TrailingZeros64(m0) >> 3
			} else {
				i += 8 + bits.TrailingZeros64(m1)>>3
			}
		} else if i+8 <= n {
			m := hotBytes(binary.LittleEndian.Uint64(b[i:]))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		} else if !hot[b[i]] {
			i++
			continue
		}
		switch class[b[i]] {
		case clDigit:
			if i > 0 && isAlnum(b[i-1]) {
				if start, ok := lowerIBANAt(b, i-2); ok {
					if end := scanIBAN(b, start, base, emit); end > start {
						i = end
						continue
					}
				}
				for i < n && isAlnum(b[i]) {
					i++
				}
				continue
			}
			if start, ok := lowerIBANSpaced(b, i); ok {
				if end := scanIBAN(b, start, base, emit); end > start {
					i = end
					continue
				}
			}
			i = scanNumber(b, i, base, emit)
		case clUpper:
			if (i == 0 || !isAlnum(b[i-1])) && i+3 < n && ibanStart(b, i) {
				if end := scanIBAN(b, i, base, emit); end > i {
					i = end
					continue
				}
			}
			// the rest of the word: no number starts inside it
			for i++; i < n && isAlnum(b[i]); i++ {
			}
		case clMRZ:
			if i > mrzDone {
				mrzDone = scanMRZ(b, i, base, emit)
			}
			i++
		default: // ':;=>?@'
			i++
		}
	}
}

// hotBytes returns the high bit of each byte of w (little-endian) that is in
// 0x30..0x5A: digits, ':;<=>?@' and capital letters; bytes of 0x80 and above (UTF-8
// sequences) never are. It is "has a byte between m and n" of the bit-twiddling
// folklore, exact byte by byte for bytes under 128 (no borrow crosses a byte).
func hotBytes(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	low := w &^ highs
	return (ones*(127+0x5b) - low) &^ w & (low + ones*(127-0x2f)) & highs
}

// hot marks the bytes the main loop stops at, as hotBytes does: 0x30..0x5A.
var hot = func() (t [256]bool) {
	for c := 0x30; c <= 0x5a; c++ {
		t[c] = true
	}
	return t
}()

// lowerIBANAt reports whether the two lower-case letters of an IBAN written in lower
// case start at b[j] ("fr76..."), at a word start, with a country's code: then j is
// where the IBAN starts.
func lowerIBANAt(b []byte, j int) (int, bool) {
	if j < 0 || j+3 >= len(b) || class[b[j]] != clLower || class[b[j+1]] != clLower || j > 0 && isAlnum(b[j-1]) ||
		!ibanCountries[int(b[j]-'a')*26+int(b[j+1]-'a')] {
		return 0, false
	}
	return j, ibanStart(b, j)
}

// lowerIBANSpaced is lowerIBANAt for the digit at b[i] at a word start: the letters
// stand before it, one separator apart ("fr 76 ...").
func lowerIBANSpaced(b []byte, i int) (int, bool) {
	if i < 3 || class[b[i-2]] != clLower && class[b[i-3]] != clLower {
		return 0, false // the cheap test first: most numbers follow no letter that close
	}
	s := 1 // a space, most often
	if b[i-1] != ' ' {
		if s = sepBefore(b, i); s == 0 {
			return 0, false
		}
	}
	return lowerIBANAt(b, i-s-2)
}

// sepBefore returns the length of a digit-group separator that ends just before b[i].
func sepBefore(b []byte, i int) int {
	for s := 1; s <= 3 && s <= i; s++ {
		if sepLen(b, i-s) == s {
			return s
		}
	}
	return 0
}

// ibanStart reports whether b[i] may start an IBAN that the scanner reports (valid, or
// with a wrong check digit or key): a word start with the two letters of an IBAN
// country in one case, then two digits, maybe after one separator. Everything else
// ibancheck.Find would reject or report as another error; most French words that
// start like one ("le 01 23", "du 12/03") stop here.
func ibanStart(b []byte, i int) bool {
	c0, c1 := class[b[i]], class[b[i+1]]
	if c0 != c1 || !ibanCountries[int(b[i]|0x20-'a')*26+int(b[i+1]|0x20-'a')] {
		return false
	}
	j := i + 2
	if class[b[j]] != clDigit {
		s := sepLen(b, j)
		if s == 0 {
			return false
		}
		j += s
	}
	return j+1 < len(b) && class[b[j]] == clDigit && class[b[j+1]] == clDigit
}

// ibanCountries marks the two-letter codes of the IBAN registry that ibancheck embeds.
var ibanCountries = func() (t [26 * 26]bool) {
	for _, c := range ibancheck.Countries() {
		if len(c) == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' {
			t[int(c[0]-'A')*26+int(c[1]-'A')] = true
		}
	}
	return t
}()

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
	var buf [64]byte
	out := buf[:0]
	pos := 0
	for g, s := range groups {
		if g > 0 {
			out = append(out, ' ')
		}
		for j := 0; j < len(s); j++ {
			if keep(pos) {
				out = append(out, s[j])
			} else {
				out = append(out, '*')
			}
			pos++
		}
	}
	return string(out)
}
