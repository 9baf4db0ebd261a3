package ibancheck

// Mask hides the middle of s, given as an IBAN whether valid or not, for display and
// logs. It is the one rule of ibancheck for showing an account number (IBAN.Masked and
// Found.Masked use it):
//
//   - only the letters A to Z (upper-cased) and the digits of s count: blanks,
//     separators, punctuation, other scripts and a leading "IBAN" label are dropped;
//   - with 12 or more of them, Mask shows the first four (country and check digits)
//     and the last four: "fr76 3000 6000 0112 3456 7890 189" gives "FR76 **** **** 0189",
//     whatever the length;
//   - with fewer, there is too little to hide a part of it: Mask gives "****", which
//     tells neither the characters nor their number;
//   - an empty or blank s gives "".
func Mask(s string) string {
	s = trimPrefixIBAN(s)
	var head, tail [4]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := upper(s[i])
		if charKind[c]&(kindDigit|kindUpper) == 0 {
			continue
		}
		if n < len(head) {
			head[n] = c
		}
		tail[n%len(tail)] = c
		n++
	}
	if n == 0 {
		if trimLeftSpace(s) == "" {
			return ""
		}
		return maskedShort
	}
	if n < minMasked {
		return maskedShort
	}
	var last [4]byte
	for k := range last {
		last[k] = tail[(n+k)%len(tail)]
	}
	return maskEnds(head, last)
}

// minMasked is the fewest letters and digits Mask shows a part of: four shown at each
// end, at least four hidden.
const minMasked = 12

// maskedShort is the mask of a value too short to show a part of.
const maskedShort = "****"

// maskCompact is Mask for an electronic form: upper-case letters and digits only.
func maskCompact(b []byte) string {
	switch {
	case len(b) == 0:
		return ""
	case len(b) < minMasked:
		return maskedShort
	}
	return maskEnds([4]byte(b[:4]), [4]byte(b[len(b)-4:]))
}

// maskEnds writes the first and last four characters around the hidden middle.
func maskEnds(head, last [4]byte) string {
	const middle = " **** **** "
	var buf [4 + len(middle) + 4]byte
	copy(buf[:4], head[:])
	copy(buf[4:], middle)
	copy(buf[4+len(middle):], last[:])
	return string(buf[:])
}
