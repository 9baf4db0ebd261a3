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
	if t.nd < 12 || identifierBefore(b, i) || end < len(b) && (isLetter(b[end]) || gluedAfter(b[end])) || codeWordBefore(b, i) {
		// a number glued to a path, a query or an identifier ("/testcase/5390364397928448",
		// "fuzzer-5390...", "id=..."), or followed by letters (a hash, "6562...150e8a63",
		// a float "...E22"), or that goes on a run of codes ("542F 5430 5431 5432 5433"),
		// is a reference, not a person's number
		return max(end, i+1)
	}
	for s := 0; s < t.ng; s++ {
		for e := s; e < t.ng; e++ {
			d := t.digits[t.gstart[s]:t.gstart[e+1]]
			if len(d) > 19 {
				break
			}
			if len(d) < 12 { // no kind is shorter: grow the range first
				continue
			}
			m, ok := classifyNumber(d, t.gstart[s:e+2], t.gstart[s], t.ng)
			if !ok {
				continue
			}
			start, stop := t.gbyte[s], t.gend[e]
			m.Offset = base + int64(start)
			m.Len = stop - start
			m.Context = contextBefore(b, start, m.Kind)
			if m.Kind == Card && e > s && m.Context == ContextNone && columnAbove(b, start) {
				// the same place on the line above or below holds groups of digits
				// too: a column of a table of numbers
				continue
			}
			if e == s && m.Context == ContextNone && !cellStart(b, start) {
				// thirteen to nineteen digits in one block, unlabelled, in running text
				// are far more often a timestamp, an identifier or a code than a tax,
				// social security or card number; in a table cell (CSV, a database)
				// they count, and so do the grouped forms people print
				continue
			}
			emit(m)
			s = e
			break
		}
	}
	return max(end, i+1)
}

// gluedAfter reports whether c, just after a number, glues it to a path or an
// expression ("4440144414444444/4444", "id_4970...%").
func gluedAfter(c byte) bool {
	switch c {
	case '/', '=', '_', '#', '@', '%', '*', '^', '\\', '$':
		return true
	}
	return false
}

// columnAbove reports whether the line before or the line after the one of b[start]
// has four digits, a separator and four digits at the same column.
func columnAbove(b []byte, start int) bool {
	ls := start
	for ls > 0 && b[ls-1] != '\n' && start-ls < 256 {
		ls--
	}
	col := start - ls
	digits4 := func(p int) bool {
		if p < 0 || p+9 > len(b) {
			return false
		}
		for k := range 9 {
			c := b[p+k]
			if k == 4 {
				if c != ' ' && c != '.' && c != '-' {
					return false
				}
				continue
			}
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	if ls > 0 { // the line above
		pe := ls - 1
		ps := pe
		for ps > 0 && b[ps-1] != '\n' && pe-ps < 256 {
			ps--
		}
		if ps+col+9 <= pe && digits4(ps+col) {
			return true
		}
	}
	ne := start
	for ne < len(b) && b[ne] != '\n' && ne-start < 256 {
		ne++
	}
	if ne < len(b) && b[ne] == '\n' { // the line below
		ns := ne + 1
		nl := ns
		for nl < len(b) && b[nl] != '\n' && nl-ns < 256 {
			nl++
		}
		if ns+col+9 <= nl && digits4(ns+col) {
			return true
		}
	}
	return false
}

// cellStart reports whether a number starting at b[start] starts a line or a table
// cell: after a line break, a tab, ';', ',', '|' or a quote.
func cellStart(b []byte, start int) bool {
	if start == 0 {
		return true
	}
	switch b[start-1] {
	case '\n', '\r', '\t', ';', ',', '|', '"':
		return true
	}
	return false
}

// identifierBefore reports whether the digit at b[i] is glued to a path, a query
// string or an identifier: '/', '=', '_', '-', '#', '@', '?' or '&' just before it.
func identifierBefore(b []byte, i int) bool {
	if i == 0 {
		return false
	}
	switch c := b[i-1]; {
	case c == '/' || c == '=' || c == '_' || c == '-' || c == '#' || c == '@' || c == '?' || c == '&' ||
		c == '.' || c == '%' || c == '*' || c == '+' || c == '^' || c == '\\' || c == '$':
		return true
	case c >= 0xc0 && c != 0xd7 && c != 0xf7:
		// a Latin-1 letter glued to the number (in UTF-8 such a byte cannot stand
		// before a digit)
		return true
	}
	return false
}

// codeWordBefore reports whether the word just before the number at b[i] (one
// separator apart) mixes digits into letters or is made of digits: a code of a table
// ("542F 5430 ..."), not a label such as "Carte" or "NIR".
func codeWordBefore(b []byte, i int) bool {
	s := sepBefore(b, i)
	if s == 0 {
		return false
	}
	j := i - s
	digit := false
	for k := j - 1; k >= 0 && k >= j-16 && isAlnum(b[k]); k-- {
		if class[b[k]] == clDigit {
			digit = true
		}
	}
	return digit
}

// classifyNumber checks d (digits, possibly with a Corsican letter) against the
// numeric kinds. starts are the group starts (digit indices, offset by first) so that
// each kind must be written in its usual grouping; groups is the number of groups of
// the whole token (a card inside a long run of four-digit groups is a table of
// numbers).
func classifyNumber(d []byte, starts []int, first, groups int) (Match, bool) {
	var invalid Match // a near miss, kept when no kind validates
	found := false
	if len(d) == 15 && nirShape(starts) {
		if ok, valid := nirCheck(d); ok {
			m := Match{Kind: NIR, Masked: maskNIR(d), Checksum: checksum(valid)}
			if valid {
				return m, true
			}
			invalid, found = m, true
		}
	}
	if len(d) == 13 && spiShape(starts) {
		if ok, valid := spiCheck(d); ok && valid {
			// an SPI has no shape beyond its 13 digits: only a right checksum counts
			return Match{Kind: SPI, Masked: maskSPI(d), Checksum: ChecksumValid}, true
		}
	}
	if len(d) >= 12 && len(d) <= 19 && groups <= 5 && cardShape(starts, first) && !repeatedGroup(d, starts, first) {
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

// groupLens returns the lengths of the groups of a candidate from its group starts.
func groupLens(starts []int, buf *[16]int) []int {
	lens := buf[:0]
	for g := 0; g+1 < len(starts) && g < len(buf); g++ {
		lens = append(lens, starts[g+1]-starts[g])
	}
	return lens
}

// nirShape accepts the ways a NIR is written: in one block, the key apart (13 + 2), or
// in its printed groups 1 2 2 2 3 3 2 (the Corsican department counts as two).
func nirShape(starts []int) bool {
	var buf [16]int
	switch l := groupLens(starts, &buf); len(l) {
	case 1:
		return true
	case 2:
		return l[0] == 13
	case 7:
		return l[0] == 1 && l[1] == 2 && l[2] == 2 && l[3] == 2 && l[4] == 3 && l[5] == 3 && l[6] == 2
	}
	return false
}

// spiShape accepts the ways a numéro fiscal is written: in one block, or as the tax
// notice prints it, 2 2 3 3 3.
func spiShape(starts []int) bool {
	var buf [16]int
	switch l := groupLens(starts, &buf); len(l) {
	case 1:
		return true
	case 5:
		return l[0] == 2 && l[1] == 2 && l[2] == 3 && l[3] == 3 && l[4] == 3
	}
	return false
}

// spiCheck: 13 digits, the first 0 to 3, not all the same, the last three = the
// first ten mod 511.
func spiCheck(d []byte) (shape, valid bool) {
	if d[0] > '3' || allSame(d) {
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
	if allSame(d) || mostlyOneDigit(d) || !iinFits(d) {
		return false, false
	}
	return true, checkdigit.Luhn(d)
}

// repeatedGroup reports whether a card written in groups has at most half as many
// distinct groups as groups ("4685 4685 7558 7558", "4058 4685 4058 4685"): a table of
// numbers, almost never a card.
func repeatedGroup(d []byte, starts []int, first int) bool {
	n := len(starts) - 1
	if n < 4 {
		return false
	}
	distinct := 0
	for g := range n {
		a := d[starts[g]-first : starts[g+1]-first]
		seen := false
		for h := range g {
			if string(d[starts[h]-first:starts[h+1]-first]) == string(a) {
				seen = true
				break
			}
		}
		if !seen {
			distinct++
		}
	}
	return distinct*2 <= n
}

// mostlyOneDigit reports whether one digit fills more than two thirds of d
// ("4444444444444414"): a filler, not a card.
func mostlyOneDigit(d []byte) bool {
	var count [10]int
	for _, c := range d {
		if c >= '0' && c <= '9' {
			count[c-'0']++
		}
	}
	for _, n := range count {
		if 3*n > 2*len(d) {
			return true
		}
	}
	return false
}

// allSame reports whether every digit of d is the same ("0000000000000").
func allSame(d []byte) bool {
	for _, c := range d[1:] {
		if c != d[0] {
			return false
		}
	}
	return true
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
