package ibancheck

//go:generate go run ../internal/ibanregistry/gen -in registry.txt -out registry_table.go

// span is a 0-based, end-exclusive range of BBAN positions; the zero span means "none".
type span struct{ from, to uint8 }

func (s span) ok() bool { return s.to > 0 }

// countrySpec is one country of the SWIFT IBAN Registry (registry.txt, compiled into
// registry_table.go by go generate).
type countrySpec struct {
	code         string
	name         string
	length       int    // IBAN length
	classes      string // one BBAN class per position: 'n' digit, 'a' upper-case letter, 'c' either
	bank         span
	branch       span
	account      span
	registrySEPA bool   // the registry's flag; IsSEPA uses sepa.go instead
	example      string // the registry's example, electronic form
}

// countryIndex maps a country code (two upper-case letters, as 26*26 cells) to its
// index in registry plus one; 0 means "not a registry country".
var countryIndex = func() (idx [26 * 26]uint8) {
	for i, c := range registry {
		idx[cell(c.code[0], c.code[1])] = uint8(i + 1)
	}
	return idx
}()

func cell(a, b byte) int { return int(a-'A')*26 + int(b-'A') }

// lookup returns the registry entry for a country code of two upper-case letters.
func lookup(a, b byte) *countrySpec {
	if a < 'A' || a > 'Z' || b < 'A' || b > 'Z' {
		return nil
	}
	i := countryIndex[cell(a, b)]
	if i == 0 {
		return nil
	}
	return &registry[i-1]
}

// Countries returns the country codes of the IBAN registry, sorted: the countries
// whose IBANs Parse accepts.
func Countries() []string {
	out := make([]string, len(registry))
	for i, c := range registry {
		out[i] = c.code
	}
	return out
}

// CountryName returns the English name of a registry country ("France"), or "" when
// code is not a registry country.
func CountryName(code string) string {
	if len(code) != 2 {
		return ""
	}
	if c := lookup(code[0], code[1]); c != nil {
		return c.name
	}
	return ""
}

// territories use the IBAN of another registry country: they are not registry codes,
// so an IBAN starting with one of them is wrong. The error says which prefix to use.
var territories = map[string]string{
	"GF": "FR", "GP": "FR", "MQ": "FR", "RE": "FR", "PF": "FR", "TF": "FR", "YT": "FR",
	"NC": "FR", "BL": "FR", "MF": "FR", "PM": "FR", "WF": "FR",
	"JE": "GB", "GG": "GB", "IM": "GB",
	"AX": "FI",
}
