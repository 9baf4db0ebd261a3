package urlcheck

import (
	"slices"

	"github.com/trustreflex/trustreflex/urlcheck/internal/lookalike"
)

// byteTrie maps byte strings to positions in a caller's list: the spellings of the
// topics (carte-grise and cartegrise), so that one pass over a path finds every topic it
// names, and the folded stems, looked up as a name is folded. Built once by New, then
// only read.
type byteTrie struct {
	nodes []trieNode // nodes[0] is the root
	first [256]int32 // the root's children by byte: a path is read from nearly every byte
}

// trieNode is a node of the trie, its children chained as siblings.
type trieNode struct {
	c           byte    // the byte that leads here from the parent
	child, next int32   // first child and next sibling, 0 for none (the root is no one's child)
	ends        []int32 // positions of the strings that end here, in the order added
}

// add puts word in the trie with position pos.
func (t *byteTrie) add(word string, pos int) {
	if len(t.nodes) == 0 {
		t.nodes = append(t.nodes, trieNode{})
	}
	n := int32(0)
	for i := 0; i < len(word); i++ {
		c := t.step(n, word[i])
		if c == 0 {
			t.nodes = append(t.nodes, trieNode{c: word[i], next: t.nodes[n].child})
			c = int32(len(t.nodes) - 1)
			t.nodes[n].child = c
			if n == 0 {
				t.first[word[i]] = c
			}
		}
		n = c
	}
	if !slices.Contains(t.nodes[n].ends, int32(pos)) {
		t.nodes[n].ends = append(t.nodes[n].ends, int32(pos))
	}
}

// step returns the child of n reached by c, or 0.
func (t *byteTrie) step(n int32, c byte) int32 {
	if n == 0 {
		return t.first[c]
	}
	for k := t.nodes[n].child; k != 0; k = t.nodes[k].next {
		if t.nodes[k].c == c {
			return k
		}
	}
	return 0
}

// lastFolded returns the position last added with the folded form of s
// ([lookalike.Fold]), folding s as it walks the trie: most names part from every folded
// stem within a few bytes.
func (t *byteTrie) lastFolded(s string) (int, bool) {
	if len(t.nodes) == 0 {
		return 0, false
	}
	n := int32(0)
	for i := 0; i < len(s); {
		var c byte
		c, i = lookalike.FoldNext(s, i)
		if n = t.step(n, c); n == 0 {
			return 0, false
		}
	}
	return t.last(n)
}

// lastOf returns the position last added with b.
func (t *byteTrie) lastOf(b []byte) (int, bool) {
	if len(t.nodes) == 0 {
		return 0, false
	}
	n := int32(0)
	for _, c := range b {
		if n = t.step(n, c); n == 0 {
			return 0, false
		}
	}
	return t.last(n)
}

func (t *byteTrie) last(n int32) (int, bool) {
	if ends := t.nodes[n].ends; len(ends) > 0 && n != 0 {
		return int(ends[len(ends)-1]), true
	}
	return 0, false
}
