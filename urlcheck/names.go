package urlcheck

import (
	"math/bits"

	"github.com/trustreflex/trustreflex/urlcheck/internal/lookalike"
)

// nameIndex holds names (official stems, brands) to compare with candidates one edit
// away ([lookalike.Classify]): by length, and within a length by first and by last byte.
// One edit leaves the first or the last byte in place once both names have three bytes
// or more, so that most names are never read. Built once by New, then only read.
type nameIndex struct {
	byLen [maxStem + 2]*nameBucket // names longer than maxStem share the last bucket
}

// named is a name and its index in the caller's list (stems, keys).
type named struct {
	s   string
	idx int
}

type nameBucket struct {
	names       []named    // in the order added
	first, last [36]uint64 // bit i: names[i] begins (ends) with the byte of that key
	plain       bool       // at most 64 names, each of three bytes or more with ends that have a key
}

func (ix *nameIndex) add(s string, idx int) {
	n := min(len(s), maxStem+1)
	b := ix.byLen[n]
	if b == nil {
		b = &nameBucket{plain: true}
		ix.byLen[n] = b
	}
	pos := len(b.names)
	b.names = append(b.names, named{s, idx})
	if pos >= 64 || len(s) < 3 || lookalike.Key(s[0]) < 0 || lookalike.Key(s[len(s)-1]) < 0 {
		b.plain = false
		return
	}
	b.first[lookalike.Key(s[0])] |= 1 << pos
	b.last[lookalike.Key(s[len(s)-1])] |= 1 << pos
}

// hasNear reports whether some name has a length within one of n.
func (ix *nameIndex) hasNear(n int) bool {
	for m := max(n-1, 0); m <= n+1 && m <= maxStem+1; m++ {
		if ix.byLen[m] != nil {
			return true
		}
	}
	return false
}

// each calls fn, by length then in the order the names were added, with the names
// whose length is within one of cand's and that one edit may turn into cand, until fn
// returns false.
func (ix *nameIndex) each(cand string, fn func(named) bool) {
	for n := max(len(cand)-1, 0); n <= len(cand)+1 && n <= maxStem+1; n++ {
		b := ix.byLen[n]
		if b == nil {
			continue
		}
		if !b.plain || len(cand) < 3 {
			for _, k := range b.names {
				if near(cand, k.s) && !fn(k) {
					return
				}
			}
			continue
		}
		// the names that begin or end as cand does, in their order
		var set uint64
		if k := lookalike.Key(cand[0]); k >= 0 {
			set = b.first[k]
		}
		if k := lookalike.Key(cand[len(cand)-1]); k >= 0 {
			set |= b.last[k]
		}
		for ; set != 0; set &= set - 1 {
			if k := b.names[bits.TrailingZeros64(set)]; near(cand, k.s) && !fn(k) {
				return
			}
		}
	}
}

// near reports whether one edit may turn name into cand, by their lengths and ends.
func near(cand, name string) bool {
	if d := len(cand) - len(name); d < -1 || d > 1 {
		return false
	}
	return len(cand) < 3 || len(name) < 3 || cand[0] == name[0] || cand[len(cand)-1] == name[len(name)-1]
}

// shapeFilter stands in front of a map keyed by strings: a string whose first byte and
// length no key shares is surely not a key, and is turned away without being hashed.
// Most strings a check looks up (every suffix of a host, every word of it) are no key.
type shapeFilter [37]uint64 // by lookalike.Key of the first byte (36: any other byte, or ""), a bit per length (63: 63 or more)

func shapeOf(s string) (int, uint64) {
	if s == "" {
		return 36, 1
	}
	k := lookalike.Key(s[0])
	if k < 0 {
		k = 36
	}
	return k, 1 << min(len(s), 63)
}

func (f *shapeFilter) add(s string) {
	k, bit := shapeOf(s)
	f[k] |= bit
}

// may reports whether s may be a key.
func (f *shapeFilter) may(s string) bool {
	k, bit := shapeOf(s)
	return f[k]&bit != 0
}
