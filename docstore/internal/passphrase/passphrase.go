// Package passphrase estimates how many guesses a passphrase would take an attacker
// who tries the likeliest first, in bits (log2 of the guesses), offline and without a
// big dictionary: zxcvbn's idea (Wheeler, USENIX Security 2016) with the patterns that
// make most weak passphrases, for French and English speakers.
//
// The estimate is the cheapest way to write the passphrase as a sequence of pieces,
// each with its cost in bits: a word of the embedded list (log2 of its rank, plus one
// bit for a capital), a keyboard row or alphabetical run ("azerty", "abcd", "4321"),
// one character repeated, a year (1900-2099), or else one character at a time
// (log2 of the size of its class: 26 lower-case letters, 10 digits, ...). A whole
// passphrase found in the list of common passwords, as typed or with digits and
// symbols swapped for letters ("p@ssw0rd"), costs its rank.
package passphrase

import (
	_ "embed"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed words.txt
var wordsFile string

// rank maps each word of words.txt to its line number among the words (1 = likeliest).
var rank = func() map[string]int {
	m := map[string]int{}
	n := 0
	for line := range strings.Lines(wordsFile) {
		w := strings.TrimSpace(line)
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		n++
		if _, dup := m[w]; !dup {
			m[w] = n
		}
	}
	return m
}()

// keyboardRuns are the rows an attacker tries, on French (AZERTY) and English (QWERTY)
// keyboards, and the alphabet and digits.
var keyboardRuns = []string{
	"azertyuiop", "qsdfghjklm", "wxcvbn", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop",
	"abcdefghijklmnopqrstuvwxyz", "0123456789", "1234567890",
}

// Bits estimates log2 of the number of guesses needed to find p.
func Bits(p string) float64 {
	if p == "" {
		return 0
	}
	if r, ok := rank[unleet(strings.ToLower(p))]; ok {
		return math.Log2(float64(r))
	}
	runes := []rune(p)
	n := len(runes)
	best := make([]float64, n+1) // best[i]: cheapest cost of runes[:i]
	for i := 1; i <= n; i++ {
		best[i] = math.Inf(1)
	}
	for i := 0; i < n; i++ {
		if math.IsInf(best[i], 1) {
			continue
		}
		relax := func(j int, cost float64) {
			if c := best[i] + cost; c < best[j] {
				best[j] = c
			}
		}
		relax(i+1, charBits(runes[i]))
		for j := i + 2; j <= n; j++ {
			piece := string(runes[i:j])
			lower := strings.ToLower(piece)
			if r, ok := rank[lower]; ok {
				cost := math.Log2(float64(r)) + 1
				if lower != piece {
					cost++ // a capital somewhere
				}
				relax(j, cost)
			}
			if r, ok := rank[unleet(lower)]; ok && unleet(lower) != lower {
				relax(j, math.Log2(float64(r))+2)
			}
			if repeated(runes[i:j]) {
				relax(j, charBits(runes[i])+math.Log2(float64(j-i)))
			}
			if j-i >= 3 && isRun(lower) {
				relax(j, 4+math.Log2(float64(j-i)))
			}
			if j-i == 4 && isYear(piece) {
				relax(j, math.Log2(200))
			}
		}
	}
	return best[n]
}

// charBits is the cost of one character guessed alone: log2 of its class's size.
func charBits(r rune) float64 {
	switch {
	case r >= 'a' && r <= 'z':
		return math.Log2(26)
	case r >= 'A' && r <= 'Z':
		return math.Log2(26) + 1
	case r >= '0' && r <= '9':
		return math.Log2(10)
	case r == ' ', r == '-', r == '_', r == '.':
		return 2 // the separators of a passphrase: a few likely choices
	case r < utf8.RuneSelf:
		return math.Log2(33) // ASCII punctuation
	case unicode.IsLetter(r):
		return math.Log2(26) + 2 // accented and other letters: rarer, not much
	}
	return 7
}

func repeated(rs []rune) bool {
	for _, r := range rs[1:] {
		if r != rs[0] {
			return false
		}
	}
	return true
}

// isRun reports whether s, or s reversed, is a piece of a keyboard row or the alphabet.
func isRun(s string) bool {
	rev := []rune(s)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	for _, row := range keyboardRuns {
		if strings.Contains(row, s) || strings.Contains(row, string(rev)) {
			return true
		}
	}
	return false
}

func isYear(s string) bool {
	return (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) && strings.Trim(s, "0123456789") == ""
}

// unleet undoes the substitutions guessers try: "p@ssw0rd" is "password".
func unleet(s string) string {
	return strings.NewReplacer("@", "a", "4", "a", "0", "o", "3", "e", "1", "i", "!", "i", "$", "s", "5", "s", "7", "t").Replace(s)
}
