package container

import "unicode/utf8"

// RandomWindow is how many bytes the statistics look at, at most.
const RandomWindow = 64 << 10

// ChiSquare returns Pearson's chi-square statistic of the byte histogram of b against
// the uniform distribution (255 degrees of freedom). Ciphertext and other random
// bytes give about 255 ± 23; compressed data, which has as much entropy, still shows
// a skew that grows with the window (headers, literals, Huffman tables).
func ChiSquare(b []byte) float64 {
	if len(b) == 0 {
		return 0
	}
	var hist [256]int
	for _, c := range b {
		hist[c]++
	}
	expected := float64(len(b)) / 256
	var chi float64
	for _, n := range hist {
		d := float64(n) - expected
		chi += d * d
	}
	return chi / expected
}

// uniformLimit is the chi-square value above which bytes are not uniform: the mean
// (255) plus four standard deviations (sqrt(2*255)), a false alarm about once in 10^4
// random windows.
const uniformLimit = 255 + 4*22.6

// Uniform reports whether b looks like uniformly random bytes. Short inputs, where
// chi-square means little, are judged by their number of distinct byte values and by
// not being text.
func Uniform(b []byte) bool {
	b = b[:min(len(b), RandomWindow)]
	switch {
	case len(b) < 16:
		return false
	case len(b) >= 1024:
		return ChiSquare(b) < uniformLimit
	}
	var seen [256]bool
	distinct := 0
	for _, c := range b {
		if !seen[c] {
			seen[c] = true
			distinct++
		}
	}
	// Expected distinct values among n random bytes: 256 * (1 - (255/256)^n).
	p, expected := 1.0, 0.0
	for range len(b) {
		p *= 255.0 / 256
	}
	expected = 256 * (1 - p)
	return float64(distinct) >= 0.85*expected && !LooksText(b)
}

// LooksText reports whether b reads as text: valid UTF-8 (a cut rune at the end is
// allowed) with few control characters.
func LooksText(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	ctrl := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
				ctrl++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			if len(b)-i < utf8.UTFMax && !utf8.FullRune(b[i:]) {
				break
			}
			return false
		}
		i += n
	}
	return ctrl*100 <= len(b)
}
