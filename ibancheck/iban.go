package ibancheck

import (
	"bytes"
	"strings"
)

// maxLen is the longest IBAN of ISO 13616.
const maxLen = 34

// IBAN is a valid International Bank Account Number: its structure, ISO 7064 mod 97-10
// check digits and, where ibancheck knows it, national bank key have been checked.
// Get one from [Parse]. Like [net/netip.Addr] it is a small comparable value (use it
// as a map key, compare with ==); the zero IBAN is not valid ([IBAN.IsZero]).
//
// An IBAN carries what its registry said of its country (bank, branch and account
// positions, the national key checked), so it answers the same whichever Registry
// parsed it.
type IBAN struct {
	b                     [maxLen]byte // electronic form: upper-case letters and digits
	n                     uint8
	key                   keyAlgo // the national key checked, keyNone if none
	bank, branch, account span
}

// IsZero reports whether ip is the zero IBAN (not from a successful Parse).
func (ip IBAN) IsZero() bool { return ip.n == 0 }

// Country returns the ISO 3166-1 country code ("FR").
func (ip IBAN) Country() string {
	if ip.n == 0 {
		return ""
	}
	if c := lookup(ip.b[0], ip.b[1]); c != nil {
		return c.code // a static string: no allocation
	}
	return string(ip.b[:2]) // a country only an overriding Registry knows
}

// CheckDigits returns the two ISO 7064 check digits ("76").
func (ip IBAN) CheckDigits() string {
	if ip.n == 0 {
		return ""
	}
	return string(ip.b[2:4])
}

// BBAN returns the Basic Bank Account Number: the national part after the check digits.
func (ip IBAN) BBAN() string {
	if ip.n == 0 {
		return ""
	}
	return string(ip.b[4:ip.n])
}

func (ip IBAN) part(s span) string {
	if ip.n == 0 || !s.ok() {
		return ""
	}
	return string(ip.b[4+int(s.from) : 4+int(s.to)])
}

// BankCode returns the bank identifier at the registry's position ("30006"), or ""
// when the registry defines none.
func (ip IBAN) BankCode() string { return ip.part(ip.bank) }

// BranchCode returns the branch identifier ("00001" for a French code guichet), or ""
// when the registry defines none for the country.
func (ip IBAN) BranchCode() string { return ip.part(ip.branch) }

// AccountNumber returns the domestic account number inside the BBAN, without bank and
// branch codes and without a separate national key ("00012345678" in France).
func (ip IBAN) AccountNumber() string {
	return ip.part(ip.account)
}

// Compare returns an integer comparing two IBANs by their electronic form (-1, 0, +1),
// for slices.SortFunc and ordered indexes.
func (ip IBAN) Compare(other IBAN) int {
	return bytes.Compare(ip.b[:ip.n], other.b[:other.n])
}

// String returns the electronic form: "FR7630006000011234567890189".
func (ip IBAN) String() string {
	return string(ip.b[:ip.n])
}

// Print returns the paper form, in groups of four: "FR76 3000 6000 0112 3456 7890 189".
func (ip IBAN) Print() string {
	if ip.n == 0 {
		return ""
	}
	var buf [maxLen + maxLen/4]byte
	w := 0
	for i := 0; i < int(ip.n); i++ {
		if i > 0 && i%4 == 0 {
			buf[w] = ' '
			w++
		}
		buf[w] = ip.b[i]
		w++
	}
	return string(buf[:w])
}

// Masked returns a form safe to show or log, by the rule of [Mask]: country, check
// digits and the last four characters, the rest hidden: "FR76 **** **** 0189".
func (ip IBAN) Masked() string {
	if ip.n == 0 {
		return ""
	}
	return maskCompact(ip.b[:ip.n])
}

// IsSEPA reports whether the account is in the SEPA area (see SEPACountries), where a
// euro transfer is cheap, fast and easier to recall.
func (ip IBAN) IsSEPA() bool {
	return ip.n != 0 && isSEPA(ip.b[0], ip.b[1])
}

// NationalCheck names the national bank key that was verified for this IBAN ("clé RIB",
// "CIN", "kennitala", ...), or "" when ibancheck knows none for the country (DE, GB, ...)
// or the registry that parsed it changed the country's BBAN structure.
func (ip IBAN) NationalCheck() string { return ip.key.name() }

// NationalKey is the stable id of the national key that was verified ("rib", "cin",
// "es", ...; "" as for NationalCheck): reflex's vocabulary "nationalkey" names it for
// a person in their language.
func (ip IBAN) NationalKey() string { return ip.key.id() }

// MarshalText implements encoding.TextMarshaler: the electronic form (empty for the zero IBAN).
func (ip IBAN) MarshalText() ([]byte, error) {
	return ip.b[:ip.n:ip.n], nil
}

// UnmarshalText implements encoding.TextUnmarshaler with the package-level Parse (the
// embedded registry); empty text gives the zero IBAN.
func (ip *IBAN) UnmarshalText(text []byte) error {
	if len(strings.TrimSpace(string(text))) == 0 {
		*ip = IBAN{}
		return nil
	}
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*ip = v
	return nil
}
