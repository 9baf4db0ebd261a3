package container

import "unicode/utf8"

// A magic number is not a proof of encryption: anyone can write "age-encryption.org/v1"
// or "LUKS\xba\xbe" before a plain text. The probes of encrypted formats check the
// structure that follows their magic and then that the bytes meant to be ciphertext
// look like ciphertext; these helpers are what they share.

// minTrailing is the shortest run of text at the end of a ciphertext that counts as data
// appended to it: random bytes end with 24 printable ones about once in 10^10 files.
const minTrailing = 24

// trailingText returns the length of the text that ends the blob after offset from (the
// end of the structure that is known to be binary), when it is at least minTrailing
// bytes long: text appended to a ciphertext, readable by anyone. It reads only the tail
// window.
func trailingText(b *Blob, from int64) int64 {
	tail := b.Tail()
	start := b.Size - int64(len(tail))
	if from > start {
		if from >= b.Size {
			return 0
		}
		tail = tail[from-start:]
	}
	n := textSuffix(tail)
	if n < minTrailing {
		return 0
	}
	return int64(n)
}

// textSuffix returns the length of the longest suffix of b made of printable ASCII,
// white space and valid multi-byte UTF-8.
func textSuffix(b []byte) int {
	i := len(b)
	for i > 0 {
		c := b[i-1]
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\r' || c == '\t' {
			i--
			continue
		}
		if c < 0x80 {
			break
		}
		// a multi-byte rune ends here: find its first byte
		j := i - 1
		for j > 0 && i-j < utf8.UTFMax && b[j]&0xc0 == 0x80 {
			j--
		}
		r, n := utf8.DecodeRune(b[j:i])
		if r == utf8.RuneError || j+n != i || r < 0xa0 {
			break
		}
		i = j
	}
	return len(b) - i
}

// cipherLike reports whether sample, bytes that a format says are ciphertext, look like
// it: uniform bytes, not text. Samples under 16 bytes cannot be judged and pass.
func cipherLike(sample []byte) bool {
	if len(sample) < 16 {
		return true
	}
	return Uniform(sample)
}

// withTrailing records, on an encrypted result, the text appended after the end of its
// container (from: the first byte that may follow it).
func withTrailing(r Result, b *Blob, from int64) Result {
	if n := trailingText(b, from); n > 0 {
		r.Trailing = n
		r.Clear = append(r.Clear, Span{Off: b.Size - n, Len: n})
	}
	return r
}
