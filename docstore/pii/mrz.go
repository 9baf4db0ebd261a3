package pii

// MRZ layouts, by line length: TD1 (3 x 30: the 2021 French identity card and most
// European ones), the French identity card of 1988-2021 (2 x 36, "IDFRA..."), and
// TD3 (2 x 44: passports).

// mrzValue is the ICAO 9303 value of an MRZ character: digits, A=10..Z=35, '<'=0.
func mrzValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 0
}

// mrzCheck computes the 7-3-1 check digit of the fields and compares it with c.
func mrzCheck(c byte, fields ...string) bool {
	weights := [3]int{7, 3, 1}
	sum, k := 0, 0
	for _, f := range fields {
		for i := 0; i < len(f); i++ {
			sum += mrzValue(f[i]) * weights[k%3]
			k++
		}
	}
	want := byte('0' + sum%10)
	return c == want || c == '<' && want == '0'
}

func isMRZChar(c byte) bool { return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '<' }

// mrzLine returns the bounds of the line around b[i] when it is a candidate MRZ line
// (30, 36 or 44 MRZ characters, trailing blanks and CR allowed); ok is false otherwise.
// Lines are never scanned further than 46 bytes, so long lines cost nothing.
func mrzLine(b []byte, i int) (start, end int, ok bool) {
	start = i
	for start > 0 && b[start-1] != '\n' {
		if i-start > 46 {
			return 0, 0, false
		}
		start--
	}
	end = i
	for end < len(b) && b[end] != '\n' {
		if end-start > 48 {
			return 0, 0, false
		}
		end++
	}
	e := end
	for e > start && (b[e-1] == '\r' || b[e-1] == ' ' || b[e-1] == '\t') {
		e--
	}
	s := start
	for s < e && (b[s] == ' ' || b[s] == '\t') {
		s++
	}
	switch e - s {
	case 30, 36, 44:
	default:
		return 0, 0, false
	}
	for _, c := range b[s:e] {
		if !isMRZChar(c) {
			return 0, 0, false
		}
	}
	return s, e, true
}

// scanMRZ examines the line around b[i] (a "<<") and its neighbours, emits an MRZ
// match for a complete block, and returns the end of the last line examined.
func scanMRZ(b []byte, i int, base int64, emit func(Match)) int {
	if i+1 >= len(b) || b[i+1] != '<' {
		return i
	}
	s, e, ok := mrzLine(b, i)
	if !ok {
		return i + 1
	}
	// collect up to two same-length lines before and after
	type span struct{ s, e int }
	lines := []span{{s, e}}
	n := e - s
	for k, p := 0, s; k < 2; k++ {
		if p == 0 {
			break
		}
		ps, pe, ok := mrzLine(b, max(p-2, 0))
		if !ok || pe-ps != n || ps >= p {
			break
		}
		lines = append([]span{{ps, pe}}, lines...)
		p = ps
	}
	last := e
	for k, p := 0, e; k < 2; k++ {
		q := p
		for q < len(b) && b[q] != '\n' {
			q++
		}
		if q+1 >= len(b) {
			break
		}
		ns, ne, ok := mrzLine(b, q+1)
		if !ok || ne-ns != n {
			break
		}
		lines = append(lines, span{ns, ne})
		p, last = ne, ne
	}
	rows := 2
	if n == 30 {
		rows = 3
	}
	for w := 0; w+rows <= len(lines); w++ {
		text := make([]string, rows)
		for r := range rows {
			text[r] = string(b[lines[w+r].s:lines[w+r].e])
		}
		m, ok := checkMRZ(text)
		if !ok {
			continue
		}
		m.Offset = base + int64(lines[w].s)
		m.Len = lines[w+rows-1].e - lines[w].s
		emit(m)
		return max(last, lines[w+rows-1].e)
	}
	return last
}

// checkMRZ validates a block against its layout and every check digit.
func checkMRZ(l []string) (Match, bool) {
	m := Match{Kind: MRZ}
	valid := false
	switch {
	case len(l) == 2 && len(l[0]) == 44 && l[0][0] == 'P':
		a, b := l[0], l[1]
		valid = mrzCheck(b[9], b[0:9]) && mrzCheck(b[19], b[13:19]) && mrzCheck(b[27], b[21:27]) &&
			mrzCheck(b[42], b[28:42]) && mrzCheck(b[43], b[0:10], b[13:20], b[21:43])
		m.Masked = "TD3 " + a[0:5] + " " + maskDoc(b[0:9])
	case len(l) == 3 && len(l[0]) == 30 && (l[0][0] == 'I' || l[0][0] == 'A' || l[0][0] == 'C'):
		a, b := l[0], l[1]
		docOK := mrzCheck(a[14], a[5:14])
		if a[14] == '<' { // long document number continued in the optional field
			j := 15
			for j < 30 && a[j] != '<' {
				j++
			}
			docOK = j > 15 && mrzCheck(a[j-1], a[5:14], a[15:j-1])
		}
		valid = docOK && mrzCheck(b[6], b[0:6]) && mrzCheck(b[14], b[8:14]) &&
			mrzCheck(b[29], a[5:30], b[0:7], b[8:15], b[18:29])
		m.Masked = "TD1 " + a[0:5] + " " + maskDoc(a[5:14])
	case len(l) == 2 && len(l[0]) == 36 && l[0][:5] == "IDFRA":
		a, b := l[0], l[1]
		valid = mrzCheck(b[12], b[0:12]) && mrzCheck(b[33], b[27:33]) && mrzCheck(b[35], a, b[0:35])
		m.Masked = "IDFRA (1988-2021) " + maskDoc(b[0:12])
	case len(l) == 2 && len(l[0]) == 36 && (l[0][0] == 'I' || l[0][0] == 'A' || l[0][0] == 'C' || l[0][0] == 'V'):
		a, b := l[0], l[1] // TD2
		valid = mrzCheck(b[9], b[0:9]) && mrzCheck(b[19], b[13:19]) && mrzCheck(b[27], b[21:27]) &&
			(a[0] == 'V' || mrzCheck(b[35], b[0:10], b[13:20], b[21:35]))
		m.Masked = "TD2 " + a[0:5] + " " + maskDoc(b[0:9])
	default:
		return m, false
	}
	m.Checksum = checksum(valid)
	return m, true
}

// maskDoc keeps the last two characters of a document number.
func maskDoc(s string) string {
	out := []byte(s)
	for i := range out {
		if i < len(out)-2 && out[i] != '<' {
			out[i] = '*'
		}
	}
	return string(out)
}
