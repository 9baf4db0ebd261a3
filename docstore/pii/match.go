package pii

// Kind names a kind of French personal number. The values are the wire names used
// in the {kinds} parameter of docstore's store.sensitive finding.
type Kind string

// The kinds the detector finds.
const (
	NIR  Kind = "nir"  // numéro de sécurité sociale (NIR), 13 digits and a 2-digit key
	IBAN Kind = "iban" // IBAN, with its national bank key (the French RIB key)
	Card Kind = "card" // payment card number (Luhn, issuer prefix and length)
	MRZ  Kind = "mrz"  // machine-readable zone of an ID card or a passport
	SPI  Kind = "spi"  // numéro fiscal (SPI), 13 digits
)

// Checksum says what the check digits of a [Match] say.
type Checksum uint8

const (
	// ChecksumValid: every check digit (key, Luhn, 7-3-1, mod 97, mod 511) is right.
	ChecksumValid Checksum = iota
	// ChecksumInvalid: the shape fits but a check digit is wrong (a typo, or a decoy).
	// Only reported with [WithRejected].
	ChecksumInvalid
)

// String returns "valid" or "invalid".
func (c Checksum) String() string {
	if c == ChecksumValid {
		return "valid"
	}
	return "invalid"
}

// Context says what the words just before a [Match] say about it: the nearest
// telling word within the same line or the line before wins.
type Context uint8

const (
	ContextNone     Context = iota // no telling word nearby
	ContextPositive                // "sécurité sociale", "IBAN", "carte", "numéro fiscal"...
	ContextNegative                // "SIRET", "IMEI", "commande", "suivi", "PDL"...: not personal
)

// String returns "none", "positive" or "negative".
func (c Context) String() string {
	return [...]string{"none", "positive", "negative"}[min(c, ContextNegative)]
}

// Match is one personal number found by [Scan]. It never holds the number itself:
// Offset and Len point at it in the input, Masked shows a few of its characters.
type Match struct {
	Kind   Kind
	Offset int64 // byte offset of the first character in the scanned stream
	Len    int   // length in bytes, separators included
	// Masked shows the number with most characters hidden: "1 ** ** ** *** *** 36",
	// "FR76 **** **** 0189", "**** **** **** 4242". Safe to log and show.
	Masked   string
	Checksum Checksum
	Context  Context
}

// Personal reports whether the match counts as personal data: checksum right and no
// negative context.
func (m Match) Personal() bool {
	return m.Checksum == ChecksumValid && m.Context != ContextNegative
}

// Kinds returns the distinct kinds of the [Match.Personal] matches in ms, in the
// order [NIR], [IBAN], [Card], [MRZ], [SPI].
func Kinds(ms []Match) []Kind {
	var seen [5]bool
	for _, m := range ms {
		if m.Personal() {
			seen[kindIndex(m.Kind)] = true
		}
	}
	var out []Kind
	for i, k := range allKinds {
		if seen[i] {
			out = append(out, k)
		}
	}
	return out
}

var allKinds = [...]Kind{NIR, IBAN, Card, MRZ, SPI}

func kindIndex(k Kind) int {
	for i, x := range allKinds {
		if x == k {
			return i
		}
	}
	return 0
}
