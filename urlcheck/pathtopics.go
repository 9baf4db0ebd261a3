package urlcheck

import (
	"slices"
	"strings"

	"github.com/trustreflex/trustreflex/urlcheck/internal/hostname"
)

// pathBoundary: a topic is a word of the path, between non-letters other than dots
// (a host written in the path names no procedure).
func pathBoundary(c byte) bool { return !isLetter(c) && c != '.' }

// scan calls found with the position of every topic written in path as a word.
func (t *byteTrie) scan(path []byte, found func(pos int32)) {
	if len(t.nodes) == 0 {
		return
	}
	for s := range path {
		if s > 0 && !pathBoundary(path[s-1]) {
			continue
		}
		n := int32(0)
		for e := s; e < len(path); {
			if n = t.step(n, path[e]); n == 0 {
				break
			}
			e++
			if t.nodes[n].end != 0 && (e == len(path) || pathBoundary(path[e])) {
				for k := t.nodes[n].end; k != 0; k = t.ends[k-1].prev {
					found(t.ends[k-1].pos)
				}
			}
		}
	}
}

// pathTopic returns the entry whose topic the path names as a word ("/carte-grise",
// "/demarche/permis-de-conduire/"), among those for which keep is true, or -1.
func (x *index) pathTopic(u hostname.URL, keep func(p int) bool) int {
	var buf [4]int
	for _, p := range buf[:x.pathTopics(u, buf[:0])] {
		if keep(p) {
			return p
		}
	}
	return -1
}

// pathTopics appends to out (up to its capacity) the entries whose topics the path
// names as words, in the order of the topics in the catalogue, and returns how many
// there are.
func (x *index) pathTopics(u hostname.URL, out []int) int {
	if len(u.Path) < 3 {
		return 0
	}
	var buf [256]byte
	var path []byte
	if len(u.Path) <= len(buf) {
		path = buf[:len(u.Path)]
		for i := 0; i < len(u.Path); i++ {
			c := u.Path[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			path[i] = c
		}
	} else {
		path = []byte(strings.ToLower(u.Path))
	}
	var posBuf [16]int32
	named := posBuf[:0]
	x.pathWords.scan(path, func(pos int32) {
		if !slices.Contains(named, pos) {
			named = append(named, pos)
		}
	})
	slices.Sort(named)
	for _, pos := range named {
		if len(out) == cap(out) {
			break
		}
		out = append(out, x.keys[x.topics[pos]].proc)
	}
	return len(out)
}
