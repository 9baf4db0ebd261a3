package lookalike

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtibben/confusables"
	"golang.org/x/text/unicode/norm"
)

// Fold writes into dst the homoglyph-folded form of an ASCII name: the letters and digits
// that read alike in a browser's address bar become one ("rn" and "m", "vv" and "w",
// "cl" and "d", "0" and "o", "1", "i" and "l"). Two names that fold alike look alike.
func Fold(dst []byte, s string) []byte {
	dst = slices.Grow(dst, len(s))
	for i := 0; i < len(s); {
		var c byte
		c, i = FoldNext(s, i)
		dst = append(dst, c)
	}
	return dst
}

// FoldNext returns the byte that s reads as from i on, folded as Fold folds it, and the
// index after the letters read: one, or two for a pair such as "rn". It lets a caller
// fold a name as it walks it, and stop early.
func FoldNext(s string, i int) (byte, int) {
	c := s[i]
	if i+1 < len(s) && (c == 'r' || c == 'n' || c == 'v' || c == 'c') {
		switch next := s[i+1]; {
		case next == 'n' && (c == 'r' || c == 'n'):
			return 'm', i + 2
		case next == 'v' && c == 'v':
			return 'w', i + 2
		case next == 'l' && c == 'c':
			return 'd', i + 2
		}
	}
	return folded[c], i + 1
}

// folded maps each byte to the one it reads as alone: 0 and o, 1, i, j and l, 5 and s,
// 3 and e, 4 and a, q and g, u and v.
var folded = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	for from, to := range map[byte]byte{'0': 'o', '1': 'l', 'i': 'l', 'j': 'l', '5': 's', '3': 'e', '4': 'a', 'q': 'g', 'u': 'v'} {
		t[from] = to
	}
	return t
}()

// Skeleton maps a Unicode label to the folded ASCII it imitates (compare it with Fold of
// the genuine name), or "" when it imitates none: the UTS #39 confusable skeleton
// (Cyrillic "а" is Latin "a"), lower-cased, with accents removed ("impôts" reads
// "impots"), then folded. A label that keeps non-ASCII letters is no ASCII imitation.
func Skeleton(label string) string {
	b, ok := AppendSkeleton(nil, label)
	if !ok {
		return ""
	}
	return string(b)
}

// AppendSkeleton appends the Skeleton of label to dst, and reports false (dst unchanged)
// when the label imitates no ASCII name.
func AppendSkeleton(dst []byte, label string) ([]byte, bool) {
	s := norm.NFD.String(strings.ToLower(confusables.Skeleton(label)))
	var buf [64]byte
	ascii := buf[:0]
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < utf8.RuneSelf:
			ascii = append(ascii, byte(r))
		default:
			return dst, false
		}
	}
	return Fold(dst, string(ascii)), true
}

// Scripts names the writing systems that a label mixes. It returns the scripts found
// among letters (Common and Inherited characters such as digits, hyphens and accents
// belong to none), in order of first appearance, at most 4.
func Scripts(label string) []string { return AppendScripts(nil, label) }

// AppendScripts appends the Scripts of label to dst.
func AppendScripts(dst []string, label string) []string {
	start := len(dst)
	for _, r := range label {
		if !unicode.IsLetter(r) {
			continue
		}
		name := scriptOf(r)
		if !slices.Contains(dst[start:], name) && len(dst)-start < 4 {
			dst = append(dst, name)
		}
	}
	return dst
}

var scripts = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"Latin", unicode.Latin}, {"Cyrillic", unicode.Cyrillic}, {"Greek", unicode.Greek},
	{"Armenian", unicode.Armenian}, {"Cherokee", unicode.Cherokee}, {"Arabic", unicode.Arabic},
	{"Hebrew", unicode.Hebrew}, {"Han", unicode.Han}, {"Hiragana", unicode.Hiragana},
	{"Katakana", unicode.Katakana}, {"Hangul", unicode.Hangul}, {"Georgian", unicode.Georgian},
	{"Thai", unicode.Thai}, {"Devanagari", unicode.Devanagari},
}

func scriptOf(r rune) string {
	if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
		return "Latin" // the first script tried
	}
	for _, s := range scripts {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	return "Other"
}

// Letters returns label as lower-case ASCII for reading words in it: accents removed,
// any other non-ASCII character turned into a hyphen (a word boundary).
func Letters(label string) string {
	s := norm.NFD.String(strings.ToLower(label))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}
