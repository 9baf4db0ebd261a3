package lookalike

// Kind tells what a dictionary word is; a word may be several kinds at once.
type Kind uint8

const (
	Brand  Kind = 1 << iota // names a public service (ameli, caf, carte + vitale)
	Topic                   // names a procedure (carte-grise, amende)
	Bait                    // pushes to act (remboursement, paiement, connexion)
	Filler                  // ordinary word that only marks a boundary (mon, france, enfants)
	Gouv                    // "gouv", and the ways it is misspelt or reworded outside gouv.fr
	Place                   // a French city or department: with a public brand, a local office imitated
	Parcel                  // names a parcel or its delivery (colis, livraison, tracking)
)

// Dictionary is a trie of lower-case ASCII words (a to z, 0 to 9). Build it once with
// Add; it is then read-only and safe for concurrent use.
type Dictionary struct {
	nodes []node
}

type node struct {
	next [36]int32 // child index by keyIndex, 0 = none (the root is never a child)
	kind Kind
	id   int32 // caller's id for the word ending here, -1 if none
}

// Add puts word in the dictionary with kind and id (the id of the last Add wins; kinds
// accumulate). Words with characters outside a to z and 0 to 9, or shorter than 2, are
// ignored.
func (d *Dictionary) Add(word string, kind Kind, id int) {
	if len(word) < 2 {
		return
	}
	for i := 0; i < len(word); i++ {
		if keyIndex(word[i]) < 0 {
			return
		}
	}
	if len(d.nodes) == 0 {
		d.nodes = append(d.nodes, node{id: -1})
	}
	n := int32(0)
	for i := 0; i < len(word); i++ {
		c := keyIndex(word[i])
		if d.nodes[n].next[c] == 0 {
			d.nodes = append(d.nodes, node{id: -1})
			d.nodes[n].next[c] = int32(len(d.nodes) - 1)
		}
		n = d.nodes[n].next[c]
	}
	d.nodes[n].kind |= kind
	if id >= 0 {
		d.nodes[n].id = int32(id)
	}
}

// Lookup returns the kind and id of word, or 0, -1.
func (d *Dictionary) Lookup(word string) (Kind, int) {
	if len(d.nodes) == 0 {
		return 0, -1
	}
	n := int32(0)
	for i := 0; i < len(word); i++ {
		c := keyIndex(word[i])
		if c < 0 {
			return 0, -1
		}
		if n = d.nodes[n].next[c]; n == 0 {
			return 0, -1
		}
	}
	return d.nodes[n].kind, int(d.nodes[n].id)
}

// Segment is one piece of a run of letters: a dictionary word (Kind != 0) or a chunk
// of unknown letters (Kind == 0, ID == -1).
type Segment struct {
	Start, End int
	Kind       Kind
	ID         int
}

// MaxRun is the longest run Segment splits; longer runs are one unknown chunk
// (a DNS label holds at most 63 characters).
const MaxRun = 63

// Segment splits run (lower-case letters a to z) into dictionary words and unknown
// chunks, appending to out. It picks the split with the fewest unknown letters (a
// two-letter word counting as unknown), then the fewest pieces: "clientameli" is client + ameli, "enfants" is one known word,
// "cafe" is caf + unknown "e". It does not allocate when out has room.
func (d *Dictionary) Segment(run string, out []Segment) []Segment {
	n := len(run)
	if n == 0 {
		return out
	}
	if n > MaxRun || len(d.nodes) == 0 {
		return append(out, Segment{0, n, 0, -1})
	}
	// best[i][u] is the best split of run[:i] whose last piece is a word (u = 0) or
	// unknown letters (u = 1).
	var best [MaxRun + 1][2]cell
	for i := 0; i <= n; i++ {
		best[i] = [2]cell{{unknown: 1 << 14}, {unknown: 1 << 14}}
	}
	best[0][0] = cell{}
	for i := 0; i < n; i++ {
		for u, b := range best[i] {
			if b.unknown < 1<<14 {
				pieces := b.pieces + 1
				if u == 1 {
					pieces = b.pieces // the unknown chunk goes on
				}
				better(&best[i+1][1], cell{b.unknown + 1, pieces, int8(i), int8(u), -1})
			}
		}
		// words start from the better of the two states
		u := 0
		if less(best[i][1], best[i][0]) {
			u = 1
		}
		b := best[i][u]
		nd := int32(0)
		for j := i; j < n; j++ {
			c := run[j]
			if c < 'a' || c > 'z' {
				break
			}
			if nd = d.nodes[nd].next[c-'a']; nd == 0 {
				break
			}
			if d.nodes[nd].kind != 0 && j+1-i >= 2 {
				// a two-letter word costs as much as two unknown letters: it only
				// breaks ties, so "ta" or "de" never cuts an unknown word in pieces
				cost := b.unknown
				if j+1-i == 2 {
					cost += 2
				}
				better(&best[j+1][0], cell{cost, b.pieces + 1, int8(i), int8(u), nd})
			}
		}
	}
	// walk back, then reverse the pieces appended
	start := len(out)
	u := 0
	if less(best[n][1], best[n][0]) {
		u = 1
	}
	for j := n; j > 0; {
		c := best[j][u]
		i := int(c.from)
		if c.node == -1 {
			for c.prev == 1 && i > 0 { // merge the unknown letters into one chunk
				c = best[i][1]
				i = int(c.from)
			}
			out = append(out, Segment{i, j, 0, -1})
		} else {
			nd := d.nodes[c.node]
			out = append(out, Segment{i, j, nd.kind, int(nd.id)})
		}
		j, u = i, int(c.prev)
	}
	for a, b := start, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// cell is one state of Segment's dynamic programme: the best split of a prefix.
type cell struct {
	unknown, pieces int16
	from            int8  // where the last piece starts
	prev            int8  // the state before it: 0 word, 1 unknown
	node            int32 // trie node of the word ending here, -1 for an unknown letter
}

func less(a, b cell) bool {
	return a.unknown < b.unknown || a.unknown == b.unknown && a.pieces < b.pieces
}

func better(dst *cell, c cell) {
	if less(c, *dst) {
		*dst = c
	}
}

// Scan calls fn for every dictionary word found anywhere in s (a to z and 0 to 9; any
// other byte ends the words that cross it), in order of start then end.
func (d *Dictionary) Scan(s string, fn func(start, end int, kind Kind, id int)) {
	if len(d.nodes) == 0 {
		return
	}
	for i := 0; i < len(s); i++ {
		nd := int32(0)
		for j := i; j < len(s); j++ {
			c := keyIndex(s[j])
			if c < 0 {
				break
			}
			if nd = d.nodes[nd].next[c]; nd == 0 {
				break
			}
			if n := d.nodes[nd]; n.kind != 0 && j+1-i >= 2 {
				fn(i, j+1, n.kind, int(n.id))
			}
		}
	}
}
