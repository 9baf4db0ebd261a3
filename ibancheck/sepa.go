package ibancheck

import "slices"

// sepaCountries are the registry countries whose accounts are in the SEPA area (Single
// Euro Payments Area), by IBAN country code.
//
// Source: European Payments Council, "EPC list of SEPA scheme countries" (EPC409-09),
// as of November 2026. The flags of the SWIFT IBAN Registry lag behind it: Albania,
// Moldova, Montenegro and North Macedonia joined the SEPA schemes in 2025, Serbia in
// 2026. Faroe Islands (FO) and Greenland (GL) are not in SEPA although Denmark is.
// Territories that use FR, GB or FI IBANs (Réunion, Jersey, Åland, ...) are covered by
// the FR, GB and FI entries.
var sepaCountries = []string{
	// European Union
	"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
	"IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
	// European Economic Area
	"IS", "LI", "NO",
	// Other participants
	"AD", "CH", "GB", "GI", "MC", "SM", "VA",
	// Joined in 2025 and 2026
	"AL", "MD", "ME", "MK", "RS",
}

var sepaTable = func() (t [26 * 26]bool) {
	for _, code := range sepaCountries {
		t[cell(code[0], code[1])] = true
	}
	return t
}()

func isSEPA(a, b byte) bool {
	return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z' && sepaTable[cell(a, b)]
}

// SEPACountries returns the IBAN country codes of the SEPA area, sorted.
func SEPACountries() []string {
	return slices.Sorted(slices.Values(sepaCountries))
}
