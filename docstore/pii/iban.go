package pii

import (
	"errors"

	"github.com/trustreflex/trustreflex/ibancheck"
)

// scanIBAN reads an IBAN candidate at b[i] (two capitals and two digits at a word
// start): groups of capitals and digits joined by single separators, at most 34
// characters. The longest prefix on a group boundary that ibancheck accepts (mod 97
// and the national bank key, such as the French RIB key) is a match, and its
// masked form comes from ibancheck. It returns the index after the match, or i.
func scanIBAN(b []byte, i int, base int64, emit func(Match)) int {
	var buf [34]byte
	var ends [12]int  // buf length at each group end
	var bends [12]int // byte offset at each group end
	n, ng, p := 0, 0, i
	for ng < len(ends) {
		for p < len(b) && n < len(buf) && (class[b[p]] == clDigit || class[b[p]] == clUpper) {
			buf[n] = b[p]
			n++
			p++
		}
		ends[ng], bends[ng] = n, p
		ng++
		s := sepLen(b, p)
		if s == 0 || n >= len(buf) || p+s >= len(b) || !(class[b[p+s]] == clDigit || class[b[p+s]] == clUpper) {
			break
		}
		p += s
	}
	bad := -1 // the longest candidate whose only fault is a check digit or key
	for g := ng - 1; g >= 0; g-- {
		if ends[g] < 15 { // the shortest IBAN (Norway) has 15 characters
			break
		}
		iban, err := ibancheck.Parse(string(buf[:ends[g]]))
		if err != nil {
			if bad < 0 && (errors.Is(err, ibancheck.ErrChecksum) || errors.Is(err, ibancheck.ErrNationalKey)) {
				bad = g
			}
			continue
		}
		m := Match{Kind: IBAN, Offset: base + int64(i), Len: bends[g] - i, Masked: iban.Masked()}
		m.Context = contextBefore(b, i, IBAN)
		if m.Context == ContextNegative {
			m.Context = ContextNone // an IBAN is an IBAN, whatever the label
		}
		emit(m)
		return bends[g]
	}
	if bad >= 0 {
		v := buf[:ends[bad]]
		emit(Match{Kind: IBAN, Offset: base + int64(i), Len: bends[bad] - i, Checksum: ChecksumInvalid,
			Masked: string(v[:4]) + " **** **** " + string(v[len(v)-4:])})
		return bends[bad]
	}
	return i
}
