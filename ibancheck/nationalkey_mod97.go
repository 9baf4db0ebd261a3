package ibancheck

// National keys computed with mod 97 (FR/MC clé RIB, BE). The BBAN mod 97 groups
// (BA ME MK PT RS SI TL = 1, MR TN = 0) reuse mod97 directly (nationalkey.go).

// ribDigit maps a letter of a French account number to its digit for the clé RIB:
// A and J = 1, B K S = 2, C L T = 3, D M U = 4, E N V = 5, F O W = 6, G P X = 7,
// H Q Y = 8, I R Z = 9 (the old punched-card code).
var ribDigit = [26]byte{
	1, 2, 3, 4, 5, 6, 7, 8, 9, // A..I
	1, 2, 3, 4, 5, 6, 7, 8, 9, // J..R
	2, 3, 4, 5, 6, 7, 8, 9, // S..Z
}

// validRIB checks the clé RIB of a French or Monegasque BBAN: bank (5) + branch (5) +
// account (11, letters mapped) + key (2), read as one 23-digit number, is 0 mod 97.
// This is the usual key = 97 - (89*bank + 15*branch + 3*account) mod 97, so the key is
// in 01..97: "00", which the sum alone would accept in place of 97, is refused.
func validRIB(bban []byte) bool {
	if bban[21] == '0' && bban[22] == '0' {
		return false
	}
	var r uint64
	for i, ch := range bban[:23] {
		d := uint64(ch - '0')
		if isUpper(ch) {
			d = uint64(ribDigit[ch-'A'])
		}
		r = r*10 + d
		if i == 11 {
			r %= 97 // keep within uint64: 12 digits, then 11
		}
	}
	return r%97 == 0
}

// validBE checks a Belgian BBAN: the first ten digits mod 97 give the last two,
// with 0 written as 97.
func validBE(bban []byte) bool {
	var n uint64
	for _, ch := range bban[:10] {
		n = n*10 + uint64(ch-'0')
	}
	want := n % 97
	if want == 0 {
		want = 97
	}
	return want == uint64(bban[10]-'0')*10+uint64(bban[11]-'0')
}
