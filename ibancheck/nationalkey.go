package ibancheck

import "github.com/trustreflex/trustreflex/internal/checkdigit"

// A forged RIB often carries an IBAN made with an online "IBAN calculator": its mod-97
// check digits are right, but the national bank key inside the BBAN is not. So, where
// the algorithm is public, ibancheck checks that key too. The algorithms follow
// python-stdnum and schwifty; the files nationalkey_*.go hold them.
//
// Germany (and other countries with per-bank methods, such as the 140-odd German
// "Prüfziffermethoden") is out of scope: only mod 97 is checked there.

// keyAlgo names one national key algorithm.
type keyAlgo uint8

const (
	keyNone       keyAlgo = iota
	keyRIB                // FR, MC: clé RIB
	keyES                 // ES: dígitos de control
	keyCIN                // IT, SM: CIN letter
	keyBE                 // BE: mod 97, 0 -> 97
	keyNO                 // NO: mod 11 (weights 5,4,3,2,7,6,5,4,3,2)
	keyFI                 // FI: Luhn
	keyEE                 // EE: 7-3-1
	keyPL                 // PL: sort-code check digit, weights 3,9,7,1
	keyCZ                 // CZ, SK: two mod-11 parts
	keyIS                 // IS: kennitala check digit
	keyBBAN97One          // BA, ME, MK, PT, RS, SI, TL: BBAN mod 97 = 1
	keyBBAN97Zero         // MR, TN: BBAN mod 97 = 0
)

// nationalKeys is the one source of truth of which country has which key. Each
// Registry indexes it for its hot path (Registry.keys).
var nationalKeys = map[string]keyAlgo{
	"FR": keyRIB, "MC": keyRIB,
	"ES": keyES,
	"IT": keyCIN, "SM": keyCIN,
	"BE": keyBE,
	"NO": keyNO,
	"FI": keyFI,
	"EE": keyEE,
	"PL": keyPL,
	"CZ": keyCZ, "SK": keyCZ,
	"IS": keyIS,
	"BA": keyBBAN97One, "ME": keyBBAN97One, "MK": keyBBAN97One, "PT": keyBBAN97One,
	"RS": keyBBAN97One, "SI": keyBBAN97One, "TL": keyBBAN97One,
	"MR": keyBBAN97Zero, "TN": keyBBAN97Zero,
}

var keyNames = [...]string{
	keyNone:       "",
	keyRIB:        "clé RIB",
	keyES:         "dígitos de control",
	keyCIN:        "CIN",
	keyBE:         "mod 97 check digits",
	keyNO:         "mod 11 check digit",
	keyFI:         "Luhn check digit",
	keyEE:         "7-3-1 check digit",
	keyPL:         "sort-code check digit",
	keyCZ:         "mod 11 prefix and account",
	keyIS:         "kennitala check digit",
	keyBBAN97One:  "BBAN mod 97",
	keyBBAN97Zero: "BBAN mod 97",
}

func (k keyAlgo) name() string { return keyNames[k] }

// keyIDs are the stable, language-neutral ids of the algorithms: the reflex catalogue
// names them in the reader's language (vocabulary "nationalkey").
var keyIDs = [...]string{
	keyNone:       "",
	keyRIB:        "rib",
	keyES:         "es",
	keyCIN:        "cin",
	keyBE:         "be",
	keyNO:         "no",
	keyFI:         "fi",
	keyEE:         "ee",
	keyPL:         "pl",
	keyCZ:         "cz",
	keyIS:         "is",
	keyBBAN97One:  "bban97",
	keyBBAN97Zero: "bban97",
}

func (k keyAlgo) id() string { return keyIDs[k] }

// keyBBANLen is the BBAN length each algorithm reads (0: any). A registry change that
// altered it would leave the key unchecked rather than read out of bounds; a test keeps
// it in line with the registry.
var keyBBANLen = [...]int{
	keyRIB: 23, keyES: 20, keyCIN: 23, keyBE: 12, keyNO: 11, keyFI: 14, keyEE: 16,
	keyPL: 24, keyCZ: 20, keyIS: 22, keyBBAN97One: 0, keyBBAN97Zero: 0,
}

// valid checks the key of a BBAN whose structure has already been checked
// (length and character classes), so the algorithms may index it freely.
func (k keyAlgo) valid(bban []byte) bool {
	if n := keyBBANLen[k]; n != 0 && len(bban) != n {
		return true
	}
	switch k {
	case keyRIB:
		return validRIB(bban)
	case keyES:
		return validES(bban)
	case keyCIN:
		return validCIN(bban)
	case keyBE:
		return validBE(bban)
	case keyNO:
		return validNO(bban)
	case keyFI:
		return checkdigit.Luhn(bban)
	case keyEE:
		return validEE(bban)
	case keyPL:
		return validPL(bban)
	case keyCZ:
		return validCZ(bban)
	case keyIS:
		return validIS(bban)
	case keyBBAN97One:
		return mod97(bban) == 1
	case keyBBAN97Zero:
		return mod97(bban) == 0
	}
	return true
}

// weighted returns the sum of digit*weight over digits (as many as there are weights).
func weighted(digits []byte, weights ...int) int {
	sum := 0
	for i, w := range weights {
		sum += int(digits[i]-'0') * w
	}
	return sum
}
