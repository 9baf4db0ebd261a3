package pii

import "github.com/trustreflex/trustreflex/internal/checkdigit"

// numToken is a run of digit groups joined by single separators ("1 85 05 78 006
// 084 36", "4970.1012.3456.7890"), as the scanner reads it.
type numToken struct {
	digits [48]byte
	nd     int
	gstart [17]int // digit index where group g starts; gstart[ng] == nd
	gbyte  [17]int // byte offset where group g starts
	gend   [16]int // byte offset just after group g
	ng     int
}

// readNumber reads the token at b[i] (a digit at a word start) and returns the index
// just after it. A Corsican department ("2A", "2B") may sit inside a NIR.
func (t *numToken) read(b []byte, i int) int {
	p := i
	for t.ng < 16 {
		t.gstart[t.ng], t.gbyte[t.ng] = t.nd, p
		for p < len(b) && t.nd < len(t.digits) {
			c := b[p]
			if c >= '0' && c <= '9' {
				t.digits[t.nd] = c
				t.nd++
				p++
				continue
			}
			if (c == 'A' || c == 'B' || c == 'a' || c == 'b') && t.nd > 0 && t.digits[t.nd-1] == '2' &&
				(p+1 >= len(b) || !isLetter(b[p+1])) {
				t.digits[t.nd] = c &^ 0x20
				t.nd++
				p++
				continue
			}
			break
		}
		t.gend[t.ng] = p
		t.ng++
		s := sepLen(b, p)
		if s == 0 || t.nd >= len(t.digits) || p+s >= len(b) || class[b[p+s]] != clDigit {
			break
		}
		p += s
	}
	t.gstart[t.ng] = t.nd
	return p
}

func isLetter(c byte) bool { k := class[c]; return k == clUpper || k == clLower }

// scanNumber reads one digit token and emits the NIR, SPI and card numbers found on
// its group boundaries. It returns the index after the token.
func scanNumber(b []byte, i int, base int64, emit func(Match)) int {
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
			m, ok := classifyNumber(d, t.gstart[s:e+2], t.gstart[s])
			if !ok {
				continue
			}
			start, stop := t.gbyte[s], t.gend[e]
			m.Offset = base + int64(start)
			m.Len = stop - start
			if m.Kind != IBAN {
				m.Context = contextBefore(b, start, m.Kind)
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
func classifyNumber(d []byte, starts []int, first int) (Match, bool) {
	var invalid Match // a near miss, kept when no kind validates
	found := false
	if len(d) == 15 {
		if ok, valid := nirCheck(d); ok {
			m := Match{Kind: NIR, Masked: maskNIR(d), Checksum: checksum(valid)}
			if valid {
				return m, true
			}
			invalid, found = m, true
		}
	}
	if len(d) == 13 {
		if ok, valid := spiCheck(d); ok && valid {
			// an SPI has no shape beyond its 13 digits: only a right checksum counts
			return Match{Kind: SPI, Masked: maskSPI(d), Checksum: ChecksumValid}, true
		}
	}
	if len(d) >= 12 && len(d) <= 19 && cardShape(starts, first) {
		if ok, valid := cardCheck(d); ok {
			m := Match{Kind: Card, Masked: maskCard(d), Checksum: checksum(valid)}
			if valid || !found {
				return m, true
			}
		}
	}
	return invalid, found
}

func checksum(valid bool) Checksum {
	if valid {
		return ChecksumValid
	}
	return ChecksumInvalid
}

// nirCheck: shape (sex, plausible month and department) then the key:
// 97 - (first 13 digits mod 97), with 2A read as 19 and 2B as 18.
func nirCheck(d []byte) (shape, valid bool) {
	switch d[0] { // 1, 2: born in France or abroad; 7, 8: temporary numbers
	case '1', '2', '7', '8':
	default:
		return false, false
	}
	for i, c := range d {
		if (c < '0' || c > '9') && i != 6 {
			return false, false
		}
	}
	month := int(d[3]-'0')*10 + int(d[4]-'0')
	if !(month >= 1 && month <= 12 || month >= 20 && month <= 42 || month >= 50 && month <= 99) {
		return false, false
	}
	var dept int
	switch d[6] {
	case 'A':
		if d[5] != '2' {
			return false, false
		}
		dept = 19
	case 'B':
		if d[5] != '2' {
			return false, false
		}
		dept = 18
	default:
		dept = int(d[5]-'0')*10 + int(d[6]-'0')
		if dept == 0 || dept == 96 {
			return false, false
		}
	}
	n := uint64(d[0] - '0')
	for _, c := range d[1:5] {
		n = n*10 + uint64(c-'0')
	}
	n = n*100 + uint64(dept)
	for _, c := range d[7:13] {
		n = n*10 + uint64(c-'0')
	}
	key := int(d[13]-'0')*10 + int(d[14]-'0')
	return true, key == 97-int(n%97)
}

// spiCheck: 13 digits, the first 0 to 3, the last three = the first ten mod 511.
func spiCheck(d []byte) (shape, valid bool) {
	if d[0] > '3' {
		return false, false
	}
	var n, k uint64
	for i, c := range d {
		if c < '0' || c > '9' {
			return false, false
		}
		if i < 10 {
			n = n*10 + uint64(c-'0')
		} else {
			k = k*10 + uint64(c-'0')
		}
	}
	return true, n%511 == k
}

// cardShape accepts the groupings printed on cards and receipts: one block, groups of
// four (the last may be shorter), or 4-6-5 / 4-6-4 (Amex, Diners).
func cardShape(starts []int, first int) bool {
	n := len(starts) - 1
	if n == 1 {
		return true
	}
	var buf [16]int
	lens := buf[:0]
	for g := 0; g < n; g++ {
		lens = append(lens, starts[g+1]-starts[g])
	}
	if n == 3 && lens[0] == 4 && lens[1] == 6 && (lens[2] == 5 || lens[2] == 4) {
		return true
	}
	for g, l := range lens {
		if l != 4 && !(g == n-1 && l >= 1 && l < 4) {
			return false
		}
	}
	_ = first
	return true
}

// cardCheck: a known issuer prefix for the length (IIN), not all the same digit,
// then Luhn.
func cardCheck(d []byte) (shape, valid bool) {
	for _, c := range d {
		if c < '0' || c > '9' {
			return false, false
		}
	}
	same := true
	for _, c := range d[1:] {
		if c != d[0] {
			same = false
			break
		}
	}
	if same || !iinFits(d) {
		return false, false
	}
	return true, checkdigit.Luhn(d)
}

func prefixIn(d []byte, n, lo, hi int) bool {
	v := 0
	for _, c := range d[:n] {
		v = v*10 + int(c-'0')
	}
	return v >= lo && v <= hi
}

// iinFits checks the issuer identification number against the card length. Only
// the lengths printed on cards in use are accepted (no 12-digit Maestro, no 13-digit
// Visa): shorter ones collide with too many order and reference numbers.
func iinFits(d []byte) bool {
	l := len(d)
	switch {
	case d[0] == '4': // Visa (and CB co-badged)
		return l == 16 || l == 19
	case prefixIn(d, 2, 51, 55) || prefixIn(d, 4, 2221, 2720): // Mastercard
		return l == 16
	case prefixIn(d, 2, 34, 34) || prefixIn(d, 2, 37, 37): // American Express
		return l == 15
	case prefixIn(d, 4, 3528, 3589): // JCB
		return l >= 16 && l <= 19
	case prefixIn(d, 3, 300, 305) || prefixIn(d, 2, 36, 36) || prefixIn(d, 2, 38, 39):
		// Diners: 16 digits today; the old 14-digit form is left out, it has the
		// length and the Luhn check of every SIRET
		return l == 16
	case prefixIn(d, 4, 6011, 6011) || prefixIn(d, 3, 644, 649) || prefixIn(d, 2, 65, 65): // Discover
		return l >= 16 && l <= 19
	case prefixIn(d, 2, 62, 62): // UnionPay
		return l >= 16 && l <= 19
	case prefixIn(d, 4, 2200, 2204): // Mir
		return l >= 16 && l <= 19
	case prefixIn(d, 2, 50, 50) || prefixIn(d, 2, 56, 69): // Maestro
		return l >= 16 && l <= 19
	}
	return false
}

// maskNIR keeps the sex digit and the key: "1 ** ** ** *** *** 36".
func maskNIR(d []byte) string {
	s := string(d)
	return maskGroups([]string{s[0:1], s[1:3], s[3:5], s[5:7], s[7:10], s[10:13], s[13:15]},
		func(i int) bool { return i == 0 || i >= 13 })
}

// maskSPI keeps the first digit and the last two: "0* ** *** *** *23".
func maskSPI(d []byte) string {
	s := string(d)
	return maskGroups([]string{s[0:2], s[2:4], s[4:7], s[7:10], s[10:13]},
		func(i int) bool { return i == 0 || i >= 11 })
}

// maskCard keeps the last four digits: "**** **** **** 4242".
func maskCard(d []byte) string {
	s := string(d)
	var groups []string
	for len(s) > 4 {
		groups = append(groups, s[:4])
		s = s[4:]
	}
	groups = append(groups, s)
	n := len(d)
	return maskGroups(groups, func(i int) bool { return i >= n-4 })
}
