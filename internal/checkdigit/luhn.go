// Package checkdigit holds the check-digit algorithms that more than one check uses
// (a payment card in a document, a Finnish or Norwegian account in an IBAN).
package checkdigit

// Luhn reports whether digits (ASCII '0'..'9' only) end with a right Luhn check digit
// (ISO/IEC 7812-1). It does not allocate.
func Luhn(digits []byte) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}
