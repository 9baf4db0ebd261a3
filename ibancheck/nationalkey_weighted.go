package ibancheck

import "github.com/trustreflex/trustreflex/internal/checkdigit"

// National keys computed with weighted sums (ES, NO, EE, PL, CZ/SK, IS) and Luhn (FI).
// Indexes are 0-based positions in the BBAN.

// validES checks the two Spanish control digits (BBAN 4!n4!n1!n1!n10!n): the first
// covers bank + branch, the second the account, each 11 - (weighted sum mod 11) with
// 11 -> 0 and 10 -> 1.
func validES(bban []byte) bool {
	return esDigit(weighted(bban[0:8], 4, 8, 5, 10, 9, 7, 3, 6)) == bban[8] &&
		esDigit(weighted(bban[10:20], 1, 2, 4, 8, 5, 10, 9, 7, 3, 6)) == bban[9]
}

func esDigit(sum int) byte {
	d := 11 - sum%11
	switch d {
	case 11:
		d = 0
	case 10:
		d = 1
	}
	return byte('0' + d)
}

// validNO checks the Norwegian kontonummer (BBAN 4!n6!n1!n): mod 11 with weights
// 5,4,3,2,7,6,5,4,3,2, check = 11 - sum mod 11 (11 -> 0; 10 is never issued). As in
// python-stdnum, the postgiro bank code 0000 carries a 7-digit number checked with Luhn.
func validNO(bban []byte) bool {
	if string(bban[:4]) == "0000" {
		return checkdigit.Luhn(bban[4:11])
	}
	d := 11 - weighted(bban, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)%11
	if d == 11 {
		d = 0
	}
	return d < 10 && bban[10] == byte('0'+d)
}

// validEE checks the Estonian account (BBAN 2!n14!n: bank code, then the account
// padded with zeros, its last digit the check): weights 7,3,1 from the right,
// check = (10 - sum mod 10) mod 10.
func validEE(bban []byte) bool {
	sum := 0
	w := [3]int{7, 3, 1}
	for i, j := 14, 0; i >= 2; i, j = i-1, j+1 {
		sum += int(bban[i]-'0') * w[j%3]
	}
	return bban[15] == byte('0'+(10-sum%10)%10)
}

// validPL checks the check digit of the Polish sort code (first 8 BBAN digits):
// weights 3,9,7,1,3,9,7 on the first seven, check = (10 - sum mod 10) mod 10.
func validPL(bban []byte) bool {
	return bban[7] == byte('0'+(10-weighted(bban, 3, 9, 7, 1, 3, 9, 7)%10)%10)
}

// validCZ checks a Czech or Slovak BBAN (4!n6!n10!n: bank, prefix, account): the prefix
// with weights 10,5,8,4,2,1 and the account with 6,3,7,9,10,5,8,4,2,1 must each be 0 mod 11.
func validCZ(bban []byte) bool {
	return weighted(bban[4:10], 10, 5, 8, 4, 2, 1)%11 == 0 &&
		weighted(bban[10:20], 6, 3, 7, 9, 10, 5, 8, 4, 2, 1)%11 == 0
}

// validIS checks the kennitala (national id of the holder) that ends an Icelandic BBAN
// (4!n2!n6!n10!n): weights 3,2,7,6,5,4,3,2 on its first eight digits,
// check = 11 - sum mod 11 (11 -> 0; 10 is never issued), at its ninth digit.
func validIS(bban []byte) bool {
	kt := bban[12:22]
	d := 11 - weighted(kt, 3, 2, 7, 6, 5, 4, 3, 2)%11
	if d == 11 {
		d = 0
	}
	return d < 10 && kt[8] == byte('0'+d)
}
