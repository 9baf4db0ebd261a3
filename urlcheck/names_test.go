package urlcheck

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/trustreflex/trustreflex/urlcheck/internal/lookalike"
)

// TestNameIndex: each visits, in order, every name that one edit turns into the
// candidate, as a scan of all the names by length does.
func TestNameIndex(t *testing.T) {
	x := New().idx
	names := []string{"ab", "a.b", "ameli", "ants.gouv", "caf", "-caf", "caf-", "é", "cnaf", "ca"}
	var ix nameIndex
	for i, s := range names {
		ix.add(s, i)
	}
	for _, st := range x.stems {
		names = append(names, st.s)
		ix.add(st.s, len(names)-1)
	}
	for i := range 70 { // more names of one length than a bucket's bit sets hold
		names = append(names, fmt.Sprintf("n%03dx", i))
		ix.add(names[len(names)-1], len(names)-1)
	}
	var cands []string
	for _, s := range names {
		for i := 0; i <= len(s); i++ {
			cands = append(cands, s[:i]+"x"+s[i:], s[:i]+"-"+s[i:])
			if i < len(s) {
				cands = append(cands, s[:i]+s[i+1:], s[:i]+"q"+s[i+1:])
			}
		}
	}
	cands = append(cands, "", "a", "-", "x", "zz", "ameli-remboursement.com")
	for _, cand := range cands {
		var want, got []int
		for n := max(len(cand)-1, 0); n <= len(cand)+1 && n <= maxStem+1; n++ {
			for i, s := range names {
				if min(len(s), maxStem+1) == n && lookalike.Classify(cand, s) != lookalike.None {
					want = append(want, i)
				}
			}
		}
		ix.each(cand, func(k named) bool {
			if lookalike.Classify(cand, k.s) != lookalike.None {
				got = append(got, k.idx)
			}
			return true
		})
		assert.True(t, slices.Equal(want, got), "%q: got %v, want %v", cand, got, want)
	}
}

// TestShapeFilter: every key passes the filter; strings of other shapes do not.
func TestShapeFilter(t *testing.T) {
	x := New().idx
	var f shapeFilter
	keys := []string{"", "a", "ameli.fr", "-x", "é", "17cyber", strings.Repeat("a", 100)}
	for _, k := range keys {
		f.add(k)
	}
	for _, k := range append(keys, "amelx.fr", strings.Repeat("a", 70)) {
		assert.True(t, f.may(k), k)
	}
	for _, k := range []string{"b", "ameli.frx", "-", "→", "17cybe"} {
		assert.False(t, f.may(k), k)
	}
	for h := range x.hosts {
		assert.True(t, x.hostKeys.may(h), h)
	}
	for d := range x.dashed {
		assert.True(t, x.dashKeys.may(d), d)
	}
	for m := range x.multi {
		assert.True(t, x.multiKeys.may(m), m)
	}
	for s := range x.shorten {
		assert.True(t, x.shortKeys.may(s), s)
	}
}
