package urlcheck

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/trustreflex/trustreflex/urlcheck/internal/lookalike"
)

// TestFoldedStems: the trie of folded stems answers as a map from the folded stem to
// the last stem that folds so.
func TestFoldedStems(t *testing.T) {
	x := New().idx
	want := map[string]int{}
	for i, st := range x.stems {
		want[string(lookalike.Fold(nil, st.s))] = i
	}
	var cands []string
	for _, st := range x.stems {
		s := st.s
		cands = append(cands, s, strings.ReplaceAll(s, "m", "rn"), strings.ReplaceAll(s, "l", "1"), strings.ReplaceAll(s, "o", "0"),
			strings.ReplaceAll(s, "d", "cl"), strings.ReplaceAll(s, "w", "vv"), s+"x", s[:len(s)-1], strings.ToUpper(s))
	}
	cands = append(cands, "", "a", "rn", "ameli-remboursement", "é")
	for _, c := range cands {
		i, ok := want[string(lookalike.Fold(nil, c))]
		gi, gok := x.foldedStems.lastFolded(c)
		assert.Equal(t, ok, gok, c)
		assert.Equal(t, i, gi, c)
		bi, bok := x.foldedStems.lastOf(lookalike.Fold(nil, c))
		assert.Equal(t, ok, bok, c)
		assert.Equal(t, i, bi, c)
	}
}
