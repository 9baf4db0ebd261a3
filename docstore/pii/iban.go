package pii

import (
	"errors"

	"github.com/trustreflex/trustreflex/ibancheck"
)

// ibanWindow is how much text around a candidate is given to ibancheck's finder: the
// label before it ("IBAN : ") and the longest IBAN with its separators after it.
const (
	ibanBefore = 16
	ibanAfter  = 34 + 9*3 + 8
)

// scanIBAN reads the IBAN that may start at b[i] (a word start with two letters of one
// case, then two digits, maybe after a separator) with ibancheck's finder, the one
// reader of IBANs in text that every package shares: it checks mod 97 and the national
// bank key (such as the French RIB key), and masks. It emits a match for a valid IBAN,
// and for one whose only fault is a check digit or key (a typo, or a forged RIB), and
// returns the index after it, or i.
func scanIBAN(b []byte, i int, base int64, emit func(Match)) int {
	from := max(0, i-ibanBefore)
	for f := range ibancheck.FindBytes(b[from:min(len(b), i+ibanAfter)]) {
		if from+f.Start < i {
			continue
		}
		if from+f.Start > i {
			return i
		}
		m := Match{Kind: IBAN, Offset: base + int64(i), Len: f.End - f.Start, Masked: f.Masked()}
		switch {
		case f.Err == nil:
			m.Context = contextBefore(b, i, IBAN)
			if m.Context == ContextNegative {
				m.Context = ContextNone // an IBAN is an IBAN, whatever the label
			}
		case errors.Is(f.Err, ibancheck.ErrChecksum) || errors.Is(f.Err, ibancheck.ErrNationalKey):
			m.Checksum = ChecksumInvalid
		default:
			return i
		}
		emit(m)
		return i + m.Len
	}
	return i
}
