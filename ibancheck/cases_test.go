package ibancheck

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"

	"github.com/trustreflex/trustreflex/ibancheck/internal/registry"
)

// This file builds the test cases of every country from the registry examples and the
// algorithms: valid numbers (registry examples, and random BBANs whose national key is
// set by trying every value), pasted forms, wrong lengths, bad characters, single
// substitutions and adjacent transpositions, out-of-range check digits and forged
// national keys. The mod-97 oracle is mod97Floor (goiban_test.go), a plain loop
// written independently of mod97. The cases are built once per test binary.

// tcase is one input and what Parse must say about it.
type tcase struct {
	class  string // valid, pasted, length, country, char, class, substitution, transposition, range, forged
	in     string
	reason Reason // 0: valid
	pos    int    // ReasonFormat: expected position
}

// oracleMod97 is ISO 7064 mod 97-10 of an electronic IBAN.
func oracleMod97(iban string) int { return mod97Floor(iban) }

// allCases are the generated cases, built once.
var allCases = sync.OnceValue(func() []tcase { return buildCases(1) })

// withCheckDigits returns the IBAN of country and bban with correct check digits.
func withCheckDigits(country, bban string) string {
	return fmt.Sprintf("%s%02d%s", country, 98-oracleMod97(country+"00"+bban), bban)
}

// keyPositions are the BBAN positions of each national key, for forging and repairing.
func keyPositions(k keyAlgo, bbanLen int) []int {
	switch k {
	case keyRIB:
		return []int{21, 22}
	case keyES:
		return []int{8, 9}
	case keyCIN:
		return []int{0}
	case keyBE:
		return []int{10, 11}
	case keyNO:
		return []int{10}
	case keyFI:
		return []int{13}
	case keyEE:
		return []int{15}
	case keyPL:
		return []int{7}
	case keyCZ:
		return []int{9, 19}
	case keyIS:
		return []int{20}
	case keyBBAN97One, keyBBAN97Zero:
		return []int{bbanLen - 2, bbanLen - 1}
	}
	return nil
}

// alphabetFor is what a position of class may hold.
func alphabetFor(class byte) string {
	switch class {
	case 'n':
		return "0123456789"
	case 'a':
		return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	}
	return "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
}

// repairKey sets the key positions of bban to the first values that make its national
// key valid; ok is false when none does (a CZ part needing 10, an IS kennitala needing 10).
func repairKey(k keyAlgo, c *countrySpec, bban []byte) bool {
	pos := keyPositions(k, len(bban))
	var try func(i int) bool
	try = func(i int) bool {
		if i == len(pos) {
			return k.valid(bban)
		}
		for _, ch := range []byte(alphabetFor(c.classes[pos[i]])) {
			bban[pos[i]] = ch
			if try(i + 1) {
				return true
			}
		}
		return false
	}
	return try(0)
}

// randomValid returns a valid IBAN of c: the example's letters, random digits, the
// national key repaired.
func randomValid(rng *rand.Rand, c *countrySpec) string {
	return randomIBAN(rng, c, nationalKeyOf(c.code[0], c.code[1]))
}

// randomIBAN is randomValid with the key k repaired (keyNone: no repair).
func randomIBAN(rng *rand.Rand, c *countrySpec, k keyAlgo) string {
	for {
		bban := []byte(c.example[4:])
		for i := range bban {
			if c.classes[i] == 'n' || c.classes[i] == 'c' && isDigit(bban[i]) {
				bban[i] = byte('0' + rng.IntN(10))
			}
		}
		if k != keyNone && !repairKey(k, c, bban) {
			continue
		}
		return withCheckDigits(c.code, string(bban))
	}
}

// printForm groups an electronic IBAN by four.
func printForm(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[i:min(i+4, len(s))])
	}
	return b.String()
}

// buildCases returns the cases of every registry country. seed fixes the random part.
func buildCases(seed uint64) []tcase {
	rng := rand.New(rand.NewPCG(seed, 97))
	var out []tcase
	for i := range embedded.specs {
		c := &embedded.specs[i]
		out = append(out, countryCases(rng, c)...)
	}
	for terr := range territories {
		ex := withCheckDigits(terr, lookupCode(territories[terr]).example[4:])
		out = append(out, tcase{class: "country", in: ex, reason: ReasonCountry})
	}
	for _, code := range []string{"US", "XX", "CA", "JP", "AA", "ZZ"} {
		out = append(out, tcase{class: "country", in: withCheckDigits(code, "300060000112345678901"), reason: ReasonCountry})
	}
	return out
}

func lookupCode(code string) *countrySpec { return lookup(code[0], code[1]) }

// nationalKeyOf is the key the embedded registry checks for a country.
func nationalKeyOf(a, b byte) keyAlgo {
	if c := lookup(a, b); c != nil {
		return c.key
	}
	return keyNone
}

func countryCases(rng *rand.Rand, c *countrySpec) []tcase {
	var out []tcase
	add := func(class, in string, reason Reason, pos int) {
		out = append(out, tcase{class: class, in: in, reason: reason, pos: pos})
	}
	valid := []string{c.example}
	for range 4 {
		valid = append(valid, randomValid(rng, c))
	}
	for _, v := range valid {
		add("valid", v, 0, 0)
	}
	ex := c.example
	n := len(ex)

	// What people paste.
	add("pasted", strings.ToLower(ex), 0, 0)
	add("pasted", printForm(ex), 0, 0)
	add("pasted", strings.ToLower(printForm(ex)), 0, 0)
	add("pasted", "  "+ex+"\t\n", 0, 0)
	add("pasted", "IBAN "+printForm(ex), 0, 0)
	add("pasted", "iban: "+ex, 0, 0)
	add("pasted", strings.ReplaceAll(printForm(ex), " ", "\u00a0"), 0, 0)
	add("pasted", strings.ReplaceAll(printForm(ex), " ", "\u202f"), 0, 0)

	// Wrong lengths.
	add("length", ex[:n-1], ReasonLength, 0)
	add("length", ex+"0", ReasonLength, 0)
	add("length", ex[:n-4], ReasonLength, 0)
	add("length", ex[:4], ReasonLength, 0)

	// Characters that are never allowed, with their position.
	mid := n / 2
	for _, bad := range []string{"#", "-", "é", ".", "_"} {
		add("char", ex[:mid]+bad+ex[mid+1:], ReasonFormat, mid+1)
	}
	add("char", printForm(ex[:mid])+" ?"+ex[mid:], ReasonFormat, mid+1)

	// A character of the wrong class for its place in the BBAN, and in the check digits.
	for i := 0; i < n-4; i++ {
		var repl byte
		switch c.classes[i] {
		case 'n':
			repl = 'K'
		case 'a':
			repl = '7'
		default:
			continue
		}
		add("class", ex[:4+i]+string(repl)+ex[5+i:], ReasonFormat, 5+i)
		break
	}
	add("class", ex[:2]+"A"+ex[3:], ReasonFormat, 3)

	// Every single substitution (same class) and adjacent transposition that mod 97 catches.
	for i := 2; i < n; i++ {
		class := byte('n')
		if i >= 4 {
			class = c.classes[i-4]
		}
		alpha := alphabetFor(class)
		if class == 'c' {
			alpha = alphabetFor('n')
			if isUpper(ex[i]) {
				alpha = alphabetFor('a')
			}
		}
		j := strings.IndexByte(alpha, ex[i])
		s := ex[:i] + string(alpha[(j+1+rng.IntN(len(alpha)-1))%len(alpha)]) + ex[i+1:]
		add("substitution", s, ReasonChecksum, 0)
	}
	for i := 2; i+1 < n; i++ {
		if ex[i] == ex[i+1] {
			continue
		}
		s := ex[:i] + string(ex[i+1]) + string(ex[i]) + ex[i+2:]
		if oracleMod97(s) == 1 {
			continue // letter/digit swaps such as B1 <-> 1B keep mod 97: nothing to expect
		}
		if i >= 4 && (!registry.Fits(ex[i+1], c.classes[i-4]) || !registry.Fits(ex[i], c.classes[i-3])) {
			continue // a class error is reported first; covered above
		}
		if i < 4 && !(isDigit(ex[i]) && isDigit(ex[i+1])) {
			continue
		}
		add("transposition", s, ReasonChecksum, 0)
	}

	// Check digits 00, 01, 99: same mod 97 as 97, 98, 02, so they pass mod 97. Where
	// the national key fixes the BBAN mod 97 (BA PT TN ...), every valid IBAN of the
	// country has the same check digits: the case then has a wrong key too, and the
	// range is still what Parse reports (it is checked first).
	for _, pair := range [][2]string{{"97", "00"}, {"98", "01"}, {"02", "99"}} {
		k := nationalKeyOf(c.code[0], c.code[1])
		for try := 0; try < 4000; try++ {
			if try == 2000 {
				k = keyNone
			}
			v := randomIBAN(rng, c, k)
			if v[2:4] == pair[0] {
				add("range", v[:2]+pair[1]+v[4:], ReasonChecksum, 0)
				break
			}
		}
	}

	// Forged national keys: the key changed, the check digits recomputed.
	if k := nationalKeyOf(c.code[0], c.code[1]); k != keyNone {
		for _, v := range valid {
			bban := []byte(v[4:])
			p := keyPositions(k, len(bban))[0]
			alpha := alphabetFor(c.classes[p])
			j := strings.IndexByte(alpha, bban[p])
			for d := 1; d < len(alpha); d++ {
				bban[p] = alpha[(j+d)%len(alpha)]
				if !k.valid(bban) {
					break
				}
			}
			add("forged", withCheckDigits(c.code, string(bban)), ReasonNationalKey, 0)
		}
	}
	return out
}
