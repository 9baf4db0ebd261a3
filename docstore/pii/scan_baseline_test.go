package pii

// The scanner as it was before issue 15 made it faster, kept as the baseline of
// BenchmarkScan and of TestScanAgreesWithBaseline: its main loop looked at every byte
// through the class table, read the context by folding the 80 bytes before each
// number, masked through a bytes.Buffer, sorted every chunk's matches, and read IBANs
// with a finder of this package (now ibancheck.FindBytes). The helpers it calls that
// did not change (checks, class table, MRZ) are shared.

import (
	"bytes"
	"cmp"
	"errors"
	"io"
	"slices"

	"github.com/trustreflex/trustreflex/ibancheck"
)

// Checksums come first, context second: a number must pass its check digits, and a
// negative word just before it ("SIRET", "IMEI", "commande", "suivi", ...) rules it out.
// By default only [Match.Personal] matches are returned; see [WithRejected].
// The error is r's, with the matches found before it.
func baselineScan(r io.Reader, opts ...Option) ([]Match, error) {
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
		baselineScanBuf(buf, base, func(m Match) {
			if m.Offset >= done && m.Offset < limit && cfg.wants(m) {
				out = append(out, m)
			}
		})
		out = append(out[:from], baselineTidy(out[from:])...)
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

// scanBuf finds every candidate in b and calls emit with matches whose offsets are
// relative to base. Digits runs are read once; letters and spaces are skipped by a
// table lookup, which keeps the scan well above 100 MB/s.
func baselineScanBuf(b []byte, base int64, emit func(Match)) {
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
			i = baselineScanNumber(b, i, base, emit)
		case clUpper:
			if i+3 < len(b) && class[b[i+1]] == clUpper && class[b[i+2]] == clDigit && class[b[i+3]] == clDigit && (i == 0 || !isAlnum(b[i-1])) {
				if end := baselineScanIBAN(b, i, base, emit); end > i {
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

// scanIBAN reads an IBAN candidate at b[i] (two capitals and two digits at a word
// start): groups of capitals and digits joined by single separators, at most 34
// characters. The longest prefix on a group boundary that ibancheck accepts (mod 97
// and the national bank key, such as the French RIB key) is a match, and its
// masked form comes from ibancheck. It returns the index after the match, or i.
func baselineScanIBAN(b []byte, i int, base int64, emit func(Match)) int {
	var buf [34]byte
	var ends [12]int  // buf length at each group end
	var bends [12]int // byte offset at each group end
	n, ng, p := 0, 0, i
	for ng < len(ends) {
		for p < len(b) && n < len(buf) && (class[b[p]] == clDigit || class[b[p]] == clUpper) {
			buf[n] = b[p]
			n++
			p++
		}
		ends[ng], bends[ng] = n, p
		ng++
		s := sepLen(b, p)
		if s == 0 || n >= len(buf) || p+s >= len(b) || !(class[b[p+s]] == clDigit || class[b[p+s]] == clUpper) {
			break
		}
		p += s
	}
	bad := -1 // the longest candidate whose only fault is a check digit or key
	for g := ng - 1; g >= 0; g-- {
		if ends[g] < 15 { // the shortest IBAN (Norway) has 15 characters
			break
		}
		iban, err := ibancheck.Parse(string(buf[:ends[g]]))
		if err != nil {
			if bad < 0 && (errors.Is(err, ibancheck.ErrChecksum) || errors.Is(err, ibancheck.ErrNationalKey)) {
				bad = g
			}
			continue
		}
		m := Match{Kind: IBAN, Offset: base + int64(i), Len: bends[g] - i, Masked: iban.Masked()}
		m.Context = baselineContextBefore(b, i, IBAN)
		if m.Context == ContextNegative {
			m.Context = ContextNone // an IBAN is an IBAN, whatever the label
		}
		emit(m)
		return bends[g]
	}
	if bad >= 0 {
		v := buf[:ends[bad]]
		emit(Match{Kind: IBAN, Offset: base + int64(i), Len: bends[bad] - i, Checksum: ChecksumInvalid,
			Masked: string(v[:4]) + " **** **** " + string(v[len(v)-4:])})
		return bends[bad]
	}
	return i
}

// scanNumber reads one digit token and emits the NIR, SPI and card numbers found on
// its group boundaries. It returns the index after the token.
func baselineScanNumber(b []byte, i int, base int64, emit func(Match)) int {
	// fast path: most numbers in prose (dates, amounts, times) are short
	n, p := 0, i
	for p < len(b) && n < 12 {
		if c := b[p]; c >= '0' && c <= '9' || (c|0x20 == 'a' || c|0x20 == 'b') && p > i && b[p-1] == '2' {
			n++
			p++
			continue
		}
		s := sepLen(b, p)
		if s == 0 || p+s >= len(b) || class[b[p+s]] != clDigit {
			return max(p, i+1)
		}
		p += s
	}
	if n < 12 {
		return max(p, i+1)
	}
	var t numToken
	end := t.read(b, i)
	if t.nd < 12 {
		return max(end, i+1)
	}
	for s := 0; s < t.ng; s++ {
		for e := s; e < t.ng; e++ {
			d := t.digits[t.gstart[s]:t.gstart[e+1]]
			if len(d) > 19 {
				break
			}
			m, ok := baselineClassifyNumber(d, t.gstart[s:e+2], t.gstart[s])
			if !ok {
				continue
			}
			start, stop := t.gbyte[s], t.gend[e]
			m.Offset = base + int64(start)
			m.Len = stop - start
			if m.Kind != IBAN {
				m.Context = baselineContextBefore(b, start, m.Kind)
			}
			emit(m)
			s = e
			break
		}
	}
	return max(end, i+1)
}

// classifyNumber checks d (digits, possibly with a Corsican letter) against the
// numeric kinds. starts are the group starts (digit indices, offset by first) so that
// card numbers must be written in their usual grouping.
func baselineClassifyNumber(d []byte, starts []int, first int) (Match, bool) {
	var invalid Match // a near miss, kept when no kind validates
	found := false
	if len(d) == 15 {
		if ok, valid := nirCheck(d); ok {
			m := Match{Kind: NIR, Masked: baselineMaskNIR(d), Checksum: checksum(valid)}
			if valid {
				return m, true
			}
			invalid, found = m, true
		}
	}
	if len(d) == 13 {
		if ok, valid := spiCheck(d); ok && valid {
			// an SPI has no shape beyond its 13 digits: only a right checksum counts
			return Match{Kind: SPI, Masked: baselineMaskSPI(d), Checksum: ChecksumValid}, true
		}
	}
	if len(d) >= 12 && len(d) <= 19 && cardShape(starts, first) {
		if ok, valid := cardCheck(d); ok {
			m := Match{Kind: Card, Masked: baselineMaskCard(d), Checksum: checksum(valid)}
			if valid || !found {
				return m, true
			}
		}
	}
	return invalid, found
}

// maskNIR keeps the sex digit and the key: "1 ** ** ** *** *** 36".
func baselineMaskNIR(d []byte) string {
	s := string(d)
	return baselineMaskGroups([]string{s[0:1], s[1:3], s[3:5], s[5:7], s[7:10], s[10:13], s[13:15]},
		func(i int) bool { return i == 0 || i >= 13 })
}

// maskSPI keeps the first digit and the last two: "0* ** *** *** *23".
func baselineMaskSPI(d []byte) string {
	s := string(d)
	return baselineMaskGroups([]string{s[0:2], s[2:4], s[4:7], s[7:10], s[10:13]},
		func(i int) bool { return i == 0 || i >= 11 })
}

// maskCard keeps the last four digits: "**** **** **** 4242".
func baselineMaskCard(d []byte) string {
	s := string(d)
	var groups []string
	for len(s) > 4 {
		groups = append(groups, s[:4])
		s = s[4:]
	}
	groups = append(groups, s)
	n := len(d)
	return baselineMaskGroups(groups, func(i int) bool { return i >= n-4 })
}

// maskAt writes the masked form of a value into a string, keeping the characters whose
// positions keep(i) accepts and the separators between groups.
func baselineMaskGroups(groups []string, keep func(i int) bool) string {
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

// contextBefore folds the text before b[start] to lower-case ASCII and reads its
// words backwards: the first telling word decides.
func baselineContextBefore(b []byte, start int, _ Kind) Context {
	from := max(0, start-contextWindow)
	// stop at the second line break back: the label is on this line or the one before
	lines := 0
	for i := start - 1; i >= from; i-- {
		if b[i] == '\n' {
			lines++
			if lines == 2 {
				from = i + 1
				break
			}
		}
	}
	var buf [2*contextWindow + 8]byte
	w := foldASCII(buf[:0], b[from:start])
	for end := len(w); end > 0; {
		for end > 0 && !isAlnum(w[end-1]) {
			end--
		}
		begin := end
		for begin > 0 && isAlnum(w[begin-1]) {
			begin--
		}
		if c := wordContext(w[begin:end]); c != ContextNone {
			return c
		}
		end = begin
	}
	return ContextNone
}

// tidy puts matches in offset order (an MRZ block is found from its "<<", after the
// numbers of its first line) and drops the numbers inside an MRZ block, which belong
// to it.
func baselineTidy(ms []Match) []Match {
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
