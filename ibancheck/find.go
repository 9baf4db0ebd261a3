package ibancheck

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// Found is an IBAN written in a text, as [Find] reports it: where it is, and the IBAN
// or why the characters written there are not one.
type Found struct {
	// Start and End are the byte offsets of the IBAN as written, separators included:
	// text[Start:End].
	Start, End int
	// IBAN is the IBAN, when Err is nil.
	IBAN IBAN
	// Err says why the candidate is not a valid IBAN: an *Error, as Parse(Compact())
	// returns it (errors.Is with ErrChecksum, ErrNationalKey, ErrLength, ...).
	Err error

	compact [maxLen]byte // what was written, as an electronic form
	n       uint8
}

// Compact returns what was written, without its separators and upper-cased: the
// electronic form of the IBAN, or of the candidate that Err rejects. Parse and a
// Checker accept it. It is the whole account number: show or log Masked instead.
func (f Found) Compact() string { return string(f.compact[:f.n]) }

// Masked returns Mask(f.Compact()): "FR76 **** **** 0189".
func (f Found) Masked() string { return maskCompact(f.compact[:f.n]) }

// minFound is the length of the shortest IBAN (Norway): a shorter candidate is reported
// only after the word IBAN or RIB.
const minFound = 15

// Find returns the IBANs written in text, in order, with the embedded registry. See
// [Registry.Find].
func Find(text string) iter.Seq[Found] { return embedded.Find(text) }

// FindBytes is [Find] on a byte slice.
func FindBytes(text []byte) iter.Seq[Found] { return embedded.FindBytes(text) }

// Find returns the IBANs written in text, in order, as people write them in letters,
// mails and messages, each with its place and the result of Parse on it. A candidate
// is:
//
//   - a word start (no letter or digit just before) with two letters of one case and
//     two digits, maybe with a separator between them: "FR76", "fr76", "FR 76";
//   - then letters of the same case and digits, glued ("FR7630006000011234567890189")
//     or in groups of four ("FR76 3000 6000 0112 3456 7890 189"): a separator may stand
//     only after a multiple of four characters, and is one space, tab, hyphen, no-break
//     space (U+00A0, or the byte 0xA0 of Latin-1 text), narrow no-break space (U+202F)
//     or thin space (U+2009);
//   - ending where the country's IBAN ends, when a group ends at the registry's length
//     for the country (for a territory such as GP, the length of the country whose
//     IBANs it uses), whatever follows: "BE68 5390 0754 7034 2024" is a Belgian IBAN
//     and a year. Otherwise it ends with its last group, unless a letter or digit is
//     glued to it: then it ends with the group before.
//
// A candidate of an unknown country, or shorter than the shortest IBAN (15
// characters), is reported only right after the word IBAN or RIB ("IBAN : XX12 ..."):
// elsewhere, "AB12 du 12/05" is not an account number. A candidate followed by a
// masking character ('*' or '•') is a masked IBAN ("FR76 **** **** 0189") and is not
// reported. At most 34 characters are read from a word start, so the work is linear in
// len(text).
//
// Found.Err is the error of Parse on what was written, and Found.Compact the text to
// give to a Checker: an IBAN with a wrong check or national key is reported too, as in
// a forged RIB. Find does not allocate for text without IBANs, nor for valid IBANs.
func (r *Registry) Find(text string) iter.Seq[Found] {
	return func(yield func(Found) bool) { findString(r, text, yield) }
}

// FindBytes is [Registry.Find] on a byte slice, for documents read from files.
func (r *Registry) FindBytes(text []byte) iter.Seq[Found] {
	return func(yield func(Found) bool) { findBytes(r, text, yield) }
}

// findString and findBytes are find for each type of text, compiled in this package
// where escape analysis sees that yield does not escape: a range over Find in another
// package then allocates nothing (inlined there, a call to the generic find would
// make its loop body escape to the heap).
//
//go:noinline
func findString(r *Registry, text string, yield func(Found) bool) { find(r, text, yield) }

//go:noinline
func findBytes(r *Registry, text []byte, yield func(Found) bool) { find(r, text, yield) }

func find[T string | []byte](r *Registry, text T, yield func(Found) bool) {
	for i := 0; i+4 <= len(text); {
		k := charKind[text[i]]
		if k&(kindUpper|kindLower) == 0 {
			i++
			continue
		}
		// Two letters of one case at a word start, then a digit, maybe after a separator.
		if charKind[text[i+1]] == k && digitAfter(text, i+2) && (i == 0 || !gluedBefore(text, i)) {
			if f, ok := foundAt(r, text, i, k); ok {
				if !yield(f) {
					return
				}
				i = f.End
				continue
			}
		}
		// No candidate starts inside this word.
		for i++; i < len(text) && charKind[text[i]] != 0; i++ {
		}
	}
}

// foundAt reads the candidate that starts at text[i] with two letters of kind letter.
func foundAt[T string | []byte](r *Registry, text T, i int, letter uint8) (Found, bool) {
	j := i + 2
	if s := sepLen(text, j); s > 0 && j+s < len(text) && charKind[text[j+s]] == kindDigit {
		j += s // "FR 76"
	}
	if j+2 > len(text) || charKind[text[j]] != kindDigit || charKind[text[j+1]] != kindDigit {
		return Found{}, false
	}
	compact := [maxLen]byte{upper(text[i]), upper(text[i+1]), text[j], text[j+1]}
	n := 4
	j += 2
	want := r.findLength(compact[0], compact[1])
	lastN, lastEnd := 0, 0 // the last group followed by a separator: where to fall back
	end := -1
	for end < 0 {
		for j < len(text) && inGroup(text[j], letter) {
			if n == maxLen {
				return Found{}, false // longer than any IBAN
			}
			compact[n] = upper(text[j])
			n++
			j++
		}
		s := sepLen(text, j)
		switch {
		case n == want && !gluedAt(text, j):
			end = j // where the country's IBAN ends
		case n%4 == 0 && s > 0 && j+s < len(text) && inGroup(text[j+s], letter):
			lastN, lastEnd = n, j
			j += s
		case !gluedAt(text, j):
			end = j
		case lastN > 0:
			n, end = lastN, lastEnd
		default:
			return Found{}, false // a word, not an IBAN
		}
	}
	if (want == 0 || n < minFound) && !labelled(text, i) || masked(text, end) {
		return Found{}, false
	}
	f := Found{Start: i, End: end, compact: compact, n: uint8(n)}
	var ip IBAN
	ip.b, ip.n = compact, f.n
	f.IBAN, f.Err = r.parseCompact(ip)
	return f, true
}

// digitAfter reports whether a digit stands at text[j], or after a separator there.
func digitAfter[T string | []byte](text T, j int) bool {
	j += sepLen(text, j)
	return j < len(text) && charKind[text[j]] == kindDigit
}

// inGroup reports whether c may stand in a group of a candidate whose letters are of
// kind letter: a digit or a letter of that case.
func inGroup(c, letter uint8) bool {
	k := charKind[c]
	return k == kindDigit || k == letter
}

// findLength is the length of the IBANs that start with these upper-case letters: the
// registry's for its countries, the country's for a territory that uses its IBANs
// (GP: FR's), 0 for another code.
func (r *Registry) findLength(a, b byte) int {
	if c := r.lookup(a, b); c != nil {
		return c.length
	}
	if use, ok := territories[string([]byte{a, b})]; ok {
		if c := r.lookup(use[0], use[1]); c != nil {
			return c.length
		}
	}
	return 0
}

func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

func upper(c byte) byte {
	if isLowerASCII(c) {
		return c - ('a' - 'A')
	}
	return c
}

// sepLen returns the byte length of the group separator at text[j], or 0.
func sepLen[T string | []byte](text T, j int) int {
	if j >= len(text) {
		return 0
	}
	switch text[j] {
	case ' ', '\t', '-', 0xa0: // 0xa0 alone: a no-break space in Latin-1 text
		return 1
	case 0xc2: // U+00A0
		if j+1 < len(text) && text[j+1] == 0xa0 {
			return 2
		}
	case 0xe2: // U+202F, U+2009
		if j+2 < len(text) && text[j+1] == 0x80 && (text[j+2] == 0xaf || text[j+2] == 0x89) {
			return 3
		}
	}
	return 0
}

// gluedAt reports whether a letter or digit, of any script, starts at text[j].
func gluedAt[T string | []byte](text T, j int) bool {
	if j >= len(text) {
		return false
	}
	if c := text[j]; c < utf8.RuneSelf {
		return charKind[c] != 0
	}
	var buf [utf8.UTFMax]byte
	n := 0
	for ; n < len(buf) && j+n < len(text); n++ {
		buf[n] = text[j+n]
	}
	r, _ := utf8.DecodeRune(buf[:n])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// gluedBefore reports whether a letter or digit, of any script, ends at text[i-1].
func gluedBefore[T string | []byte](text T, i int) bool {
	if c := text[i-1]; c < utf8.RuneSelf {
		return charKind[c] != 0
	}
	start := i - 1
	for start > 0 && i-start < utf8.UTFMax && !utf8.RuneStart(text[start]) {
		start--
	}
	var buf [utf8.UTFMax]byte
	n := copy(buf[:], text[start:i])
	r, size := utf8.DecodeRune(buf[:n])
	return size == n && (unicode.IsLetter(r) || unicode.IsDigit(r)) // else: an invalid byte
}

// labelled reports whether the word IBAN or RIB, in any case, ends in the 12 bytes
// before text[i]: "IBAN : XX12 ...", "RIB:XX12 ...".
func labelled[T string | []byte](text T, i int) bool {
	for k := max(0, i-12); k < i; k++ {
		if k+4 <= i && foldEqual(text, k, "iban") || k+3 <= i && foldEqual(text, k, "rib") {
			return true
		}
	}
	return false
}

func foldEqual[T string | []byte](text T, k int, lower string) bool {
	if k+len(lower) > len(text) {
		return false
	}
	for m := 0; m < len(lower); m++ {
		c := text[k+m]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[m] {
			return false
		}
	}
	return true
}

// masked reports whether a masking character follows the candidate ending at
// text[end], after at most one separator: "FR76 **** **** 0189", "FR76 •••• 0189".
func masked[T string | []byte](text T, end int) bool {
	end += sepLen(text, end)
	if end >= len(text) {
		return false
	}
	if text[end] == '*' {
		return true
	}
	return end+2 < len(text) && text[end] == 0xe2 && text[end+1] == 0x80 && text[end+2] == 0xa2 // •
}
