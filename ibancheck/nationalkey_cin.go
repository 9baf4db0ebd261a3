package ibancheck

// cinOdd is the value of a character at an odd position (1st, 3rd, ...) in the Italian
// CIN computation, indexed by the character's value (digits 0-9, letters A-Z as 0-25).
var cinOdd = [26]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}

// validCIN checks the CIN letter that starts an Italian or San Marino BBAN
// (1!a5!n5!n12!c): over bank (ABI) + branch (CAB) + account, characters at odd positions
// count cinOdd[v], at even positions v; the CIN is the letter A + sum mod 26.
func validCIN(bban []byte) bool {
	sum := 0
	for i, ch := range bban[1:23] {
		v := int(ch - '0')
		if isUpper(ch) {
			v = int(ch - 'A')
		}
		if i%2 == 0 {
			sum += cinOdd[v]
		} else {
			sum += v
		}
	}
	return bban[0] == byte('A'+sum%26)
}
