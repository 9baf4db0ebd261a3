package urlcheck

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/trustreflex/trustreflex/urlcheck/internal/hostname"
)

// pathTopicsByDefinition is what pathTopics computes, written as its definition: each
// topic, in catalogue order, whose spelling is in the lower-cased path between
// non-letters other than dots.
func pathTopicsByDefinition(x *index, path string, max int) []int {
	var out []int
	if len(path) < 3 {
		return out
	}
	if len(path) <= 256 {
		b := []byte(path)
		for i, c := range b {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		path = string(b)
	} else {
		path = strings.ToLower(path)
	}
	has := func(w string) bool {
		for i := 0; ; {
			j := strings.Index(path[i:], w)
			if j < 0 {
				return false
			}
			s, e := i+j, i+j+len(w)
			if (s == 0 || pathBoundary(path[s-1])) && (e == len(path) || pathBoundary(path[e])) {
				return true
			}
			i = s + 1
		}
	}
	for _, id := range x.topics {
		if len(out) == max {
			break
		}
		if k := x.keys[id]; has(k.word) || has(k.glued) {
			out = append(out, k.proc)
		}
	}
	return out
}

func TestPathTopics(t *testing.T) {
	x := New().idx
	var words []string
	for _, id := range x.topics {
		words = append(words, x.keys[id].word, x.keys[id].glued)
	}
	paths := []string{"/", "/carte-grise", "/Carte-Grise/", "/cartegrise.html", "/carte-grise.fr/", "/xcarte-grise",
		"/2carte-grise2", "/demarche/permis-de-conduire/", "/permis-de-conduire-carte-grise", "/amende?x",
		"/" + strings.Repeat("a", 300) + "/carte-grise", "/" + strings.Repeat("é", 200) + "/Carte-Grise",
		"/\u212aarte-grise", "/carte-gris", "/carte--grise"}
	for i, w := range words {
		next := words[(i+7)%len(words)]
		paths = append(paths, "/"+w, "/"+w+"/"+next, "/"+w+"-"+next, "/"+w+next, "/"+strings.ToUpper(w)+".php",
			"/x."+w, "/"+w+"9", "/_"+w+"_", "/"+strings.Repeat("-", 250)+w)
	}
	for _, p := range paths {
		var buf [4]int
		n := x.pathTopics(hostname.URL{Path: p}, buf[:0])
		want := pathTopicsByDefinition(x, p, 4)
		assert.True(t, slices.Equal(want, buf[:n]), "%q: got %v, want %v", p, buf[:n], want)
	}
	var one [1]int
	assert.Equal(t, 1, x.pathTopics(hostname.URL{Path: "/permis-de-conduire/carte-grise"}, one[:0]), "up to the capacity of out")
}
