package urlcheck

import "github.com/trustreflex/trustreflex/urlcheck/internal/lookalike"

// byteTrie maps byte strings to positions in a caller's list: the spellings of the
// topics (carte-grise and cartegrise), so that one pass over a path finds every topic it
// names, and the folded stems, looked up as a name is folded. Built once by New, then
// only read.
type byteTrie struct {
	nodes []trieNode // nodes[0] is the root
	ends  []trieEnd  // positions, chained from the node where their strings end
	first [256]int32 // the root's children by byte: a path is read from nearly every byte
}

// trieNode is a node of the trie, its children chained as siblings.
type trieNode struct {
	c           byte  // the byte that leads here from the parent
	child, next int32 // first child and next sibling, 0 for none (the root is no one's child)
	end         int32 // 1 + the index in ends of the last position added here, 0 for none
}

// trieEnd is a position of a string that ends at a node, and the one added before it.
type trieEnd struct {
	pos, prev int32 // prev: 1 + index in ends, 0 for none
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
	for e := t.nodes[n].end; e != 0; e = t.ends[e-1].prev {
		if t.ends[e-1].pos == int32(pos) {
			return
		}
	}
	t.ends = append(t.ends, trieEnd{pos: int32(pos), prev: t.nodes[n].end})
	t.nodes[n].end = int32(len(t.ends))
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
	if e := t.nodes[n].end; e != 0 && n != 0 {
		return int(t.ends[e-1].pos), true
	}
	return 0, false
}
