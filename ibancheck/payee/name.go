package payee

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	unicodenorm "golang.org/x/text/unicode/norm"
)

// NameResult is the outcome of comparing the name a payer gives with the recorded name
// of the account holder, with the four outcomes of the EU Verification of Payee (French
// banks show them as "Correspondance totale / partielle / Aucune correspondance /
// Vérification impossible").
type NameResult int

const (
	NameNotPossible NameResult = iota // a name is missing, or has nothing left to compare once normalised
	NameNoMatch                       // different names
	NameCloseMatch                    // a small difference: a typo, a missing first name, an initial
	NameMatch                         // the same name, up to case, accents, punctuation, titles, legal form and word order
)

var nameResults = [...]string{"not possible", "no match", "close match", "match"}

// String returns "match", "close match", "no match" or "not possible".
func (r NameResult) String() string {
	if r < 0 || int(r) >= len(nameResults) {
		return "unknown"
	}
	return nameResults[r]
}

// Bounds on the work per name: names longer than this are cut (a real name is far
// shorter), and only the first maxNameTokens words are compared.
const (
	maxNameBytes  = 256
	maxNameTokens = 8
)

// NormalizeName returns the comparable form of a person's or a company's name: lower
// case ASCII where the script allows, accents removed, punctuation turned into spaces,
// courtesy titles (M., Mme, Dr, Me, ...) and legal forms (SARL, SAS, S.A., GmbH, ...)
// removed, words in their original order separated by one space. "M. Jean-Éric
// DUPONT" gives "jean eric dupont"; "S.A.R.L. Boulangerie Martin" gives "boulangerie
// martin". It returns "" when nothing is left to compare.
func NormalizeName(s string) string {
	return strings.Join(nameTokens(s), " ")
}

// nameTokens is NormalizeName before the join.
func nameTokens(s string) []string {
	if len(s) > maxNameBytes {
		cut := maxNameBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	var b strings.Builder
	// Lower case before the decomposition, so that its output is final: NFKD of a
	// lower-case letter is lower case.
	s = unicodenorm.NFKD.String(strings.ToLower(strings.ToValidUTF8(s, " ")))
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r): // the accents NFKD split off
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if sub, ok := foldSpecial[r]; ok {
				b.WriteString(sub)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		default:
			b.WriteByte(' ')
		}
	}
	tokens := strings.Fields(b.String())
	// Merging dotted acronyms ("s a r l" -> "sarl") and dropping titles and legal forms
	// can reveal more of either ("m s a" -> "s a" -> "sa"): repeat until nothing
	// changes, which also makes NormalizeName idempotent.
	for {
		n := len(tokens)
		tokens = dropNoise(mergeAcronyms(tokens))
		if len(tokens) == n {
			break
		}
	}
	return tokens
}

// foldSpecial spells the letters that NFKD does not decompose.
var foldSpecial = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i",
}

// mergeAcronyms joins runs of one-letter words that spell a title or a legal form:
// "S.A.R.L." became "s a r l" and is "sarl" again. Other initials stay apart.
func mergeAcronyms(tokens []string) []string {
	out := tokens[:0:0]
	for i := 0; i < len(tokens); {
		j := i
		for j < len(tokens) && len(tokens[j]) == 1 {
			j++
		}
		if j-i >= 2 {
			if w := strings.Join(tokens[i:j], ""); nameNoise[w] {
				out = append(out, w)
				i = j
				continue
			}
		}
		out = append(out, tokens[i])
		i++
	}
	return out
}

// dropNoise removes titles, legal forms and connectors.
func dropNoise(tokens []string) []string {
	return slices.DeleteFunc(tokens, func(t string) bool { return nameNoise[t] })
}

// nameNoise holds the words that do not tell one holder from another: courtesy titles,
// legal forms (French first, then the usual European and English ones) and connectors.
var nameNoise = setOf(
	// titles
	"m", "mr", "mrs", "ms", "mx", "mme", "mmes", "mlle", "mlles", "mm", "monsieur", "madame",
	"mademoiselle", "messieurs", "dr", "docteur", "doctor", "pr", "prof", "professeur", "me",
	"maitre", "sir", "miss",
	// French legal forms and company words
	"sarl", "sas", "sasu", "eurl", "sa", "sci", "snc", "scs", "sca", "scp", "scm", "scop", "scic",
	"selarl", "selas", "selafa", "selca", "sem", "gie", "gaec", "earl", "ei", "eirl", "societe",
	"ste", "ets", "etablissements", "cie",
	// other legal forms
	"gmbh", "ag", "kg", "ohg", "ug", "bv", "nv", "bvba", "sprl", "srl", "spa", "sl", "slu", "ltd",
	"limited", "plc", "llp", "llc", "inc", "corp", "co", "ab", "oy", "aps", "asa",
	// connectors ("M. et Mme", "Dupont & Fils")
	"et", "and",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// MatchName compares the name a payer gives with the name recorded for the account
// holder. Both are normalised (NormalizeName) and compared as sets of words, so that
// "DUPONT Jean" matches "M. Jean Dupont". A close match tolerates, in the spirit of
// the Verification of Payee: a typo per word (one edit in words of 4 to 7 letters,
// two from 8; a swap of two letters counts as one), at most two edits in all; an
// initial for a first name ("J. Dupont"); one missing or extra word when at least one
// other word is the same. "Jaen Dupont" and "Jean Dupond" are close matches of
// "Jean Dupont"; "Maxime Dupont" is not.
func MatchName(recorded, given string) NameResult {
	a, b := nameTokens(recorded), nameTokens(given)
	if len(a) == 0 || len(b) == 0 {
		return NameNotPossible
	}
	a, b = a[:min(len(a), maxNameTokens)], b[:min(len(b), maxNameTokens)]
	if strings.Join(a, "") == strings.Join(b, "") { // "Jean-Pierre" and "Jeanpierre"
		return NameMatch
	}
	sa, sb := slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b))
	if slices.Equal(sa, sb) {
		return NameMatch
	}
	if closeNames(a, b) {
		return NameCloseMatch
	}
	return NameNoMatch
}

// pairing costs
const (
	noPair  = 1 << 20 // the two words cannot be paired
	initial = 100     // "j" for "jean": counted apart from the edits, see closeNames
)

// closeNames pairs the words of the shorter name with words of the longer one at the
// least cost (an exhaustive search over at most 8 words), and says whether the pairs
// and the words left over are within the close-match tolerance.
func closeNames(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	extra := len(b) - len(a)
	if extra > 1 {
		return false
	}
	// best[mask] = least cost of pairing a[:popcount(mask)] with the words of b in mask.
	best := make([]int, 1<<len(b))
	for i := range best {
		best[i] = noPair
	}
	best[0] = 0
	cost := func(x, y string) int {
		if x == y {
			return 0
		}
		if len(x) == 1 && len(y) > 1 && y[0] == x[0] || len(y) == 1 && len(x) > 1 && x[0] == y[0] {
			return initial
		}
		d := editDistance(x, y, 2)
		if d > typoBudget(max(utf8.RuneCountInString(x), utf8.RuneCountInString(y))) {
			return noPair
		}
		return d
	}
	for mask := range best {
		i := popcount(mask)
		if best[mask] >= noPair || i >= len(a) {
			continue
		}
		for j := range b {
			if mask&(1<<j) != 0 {
				continue
			}
			if c := cost(a[i], b[j]); c < noPair {
				next := mask | 1<<j
				best[next] = min(best[next], best[mask]+c)
			}
		}
	}
	least := noPair
	for mask, c := range best {
		if popcount(mask) == len(a) {
			least = min(least, c)
		}
	}
	if least >= noPair {
		return false
	}
	edits, initials := least%initial, least/initial
	if edits > 2 || initials > 1 || edits > 0 && initials > 0 {
		return false
	}
	// Something must be the same: a word of three letters or more, exactly ...
	for _, x := range a {
		if len(x) >= 3 && slices.Contains(b, x) {
			return true
		}
	}
	// ... or, with all words there, mistyped words long enough for the typos to be a
	// small part of them ("Jaen Dupond" for "Jean Dupont", "Boulangere" for "Boulangerie").
	return extra == 0 && edits > 0 && min(letterCount(a), letterCount(b)) >= 5*edits
}

func letterCount(words []string) int {
	n := 0
	for _, w := range words {
		n += utf8.RuneCountInString(w)
	}
	return n
}

// typoBudget is the number of edits a word of n letters may have and still be "the
// same word mistyped".
func typoBudget(n int) int {
	switch {
	case n < 4:
		return 0
	case n < 8:
		return 1
	}
	return 2
}

func popcount(x int) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// editDistance is the optimal string alignment distance between a and b (insertions,
// deletions, substitutions, and swaps of two adjacent letters, each costing one), on
// runes. It stops early and returns limit+1 when the distance exceeds limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			sub := 1
			if ra[i-1] == rb[j-1] {
				sub = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+sub)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit+1)
}
