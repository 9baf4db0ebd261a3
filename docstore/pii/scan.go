package pii

import (
	"bytes"
	"cmp"
	"errors"
	"io"
	"slices"
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
	slices.SortStableFunc(ms, func(a, b Match) int { return cmp.Compare(a.Offset, b.Offset) })
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
