package lookalike

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		cand, target string
		want         Edit
	}{
		{"ameli", "ameli", Same},
		{"amel", "ameli", Omission},
		{"ammeli", "ameli", Repetition},
		{"amelix", "ameli", Addition},
		{"sameli", "ameli", Addition}, // keyboard neighbour, but at an end: a prefix
		{"amweli", "ameli", Keyboard},
		{"amelo", "ameli", VowelSwap},
		{"amrli", "ameli", Keyboard},  // r next to e
		{"zmeli", "ameli", Keyboard},  // AZERTY: z next to a
		{"ameki", "ameli", Keyboard},  // k next to l
		{"amdli", "ameli", Keyboard},  // d below e
		{"ame1i", "ameli", Homoglyph}, // 1 for l
		{"amel1", "ameli", Homoglyph},
		{"maeli", "ameli", Transposition},
		{"am-eli", "ameli", Hyphenation},
		{"ants-gouv", "ants.gouv", Hyphenation},
		{"am.eli", "ameli", DotAdded},
		{"antsgouv", "ants.gouv", DotRemoved},
		{"cfspartimpots", "cfspart-impots", DotRemoved},
		{"amelh", "ameli", BitFlip}, // i 0x69, h 0x68
		{"amxli", "ameli", Replacement},
		{"cafe", "caf", Addition},
		{"ameliorer", "ameli", None},
		{"", "a", Omission},
		{"ab", "ba", Transposition},
		{"abc", "xyz", None},
	} {
		assert.Equal(t, tc.want, Classify(tc.cand, tc.target), "%s ~ %s", tc.cand, tc.target)
	}
	assert.True(t, Keyboard.Deliberate())
	assert.False(t, Addition.Deliberate())
	assert.False(t, Omission.Deliberate())
	assert.Equal(t, "vowel-swap", VowelSwap.String())
}

// TestClassifyShortcut: the shortcut on the first and last characters changes no answer.
func TestClassifyShortcut(t *testing.T) {
	var names []string
	var gen func(prefix string)
	gen = func(prefix string) {
		if len(prefix) >= 3 {
			names = append(names, prefix)
		}
		if len(prefix) < 5 {
			for _, c := range "ab.-" {
				gen(prefix + string(c))
			}
		}
	}
	gen("")
	for _, a := range names {
		for _, b := range names {
			if got, want := Classify(a, b), classify(a, b); got != want {
				t.Fatalf("Classify(%q, %q) = %s, want %s", a, b, got, want)
			}
		}
	}
}

func TestNeighbours(t *testing.T) {
	assert.True(t, Neighbours('a', 'z'), "AZERTY")
	assert.True(t, Neighbours('a', 's'), "QWERTY")
	assert.True(t, Neighbours('m', 'l'), "AZERTY: m right of l")
	assert.True(t, Neighbours('1', 'q'))
	assert.False(t, Neighbours('a', 'p'))
	assert.False(t, Neighbours('a', '-'))
}

func TestFold(t *testing.T) {
	fold := func(s string) string { return string(Fold(nil, s)) }
	assert.Equal(t, fold("ameli"), fold("arneli"))
	assert.Equal(t, fold("impots"), fold("lmp0ts"))
	assert.Equal(t, fold("wanadoo"), fold("vvanadoo"))
	assert.Equal(t, fold("dgfip"), fold("clgfip"))
	assert.NotEqual(t, fold("caf"), fold("cab"))
}

func TestSkeleton(t *testing.T) {
	fold := func(s string) string { return string(Fold(nil, s)) }
	assert.Equal(t, fold("ameli"), Skeleton("аmeli"), "Cyrillic a")
	assert.Equal(t, fold("impots"), Skeleton("impôts"))
	assert.Equal(t, fold("ameli"), Skeleton("ΑΜΕLΙ"), "Greek capitals")
	assert.Equal(t, "", Skeleton("日本"), "imitates no ASCII name")
	assert.Equal(t, []string{"Cyrillic", "Latin"}, Scripts("аmeli"))
	assert.Equal(t, []string{"Latin"}, Scripts("impôts-2"))
}

func TestSegment(t *testing.T) {
	var d Dictionary
	for _, w := range []string{"ameli", "caf", "ants", "msa", "antai", "impots"} {
		d.Add(w, Brand, 1)
	}
	for _, w := range []string{"client", "remboursement", "mon", "en", "fr", "ta", "vi"} {
		d.Add(w, Bait, 2)
	}
	d.Add("enfants", Filler, 3)
	d.Add("gouv", Gouv, 4)
	d.Add("x", Bait, 5) // too short: ignored
	words := func(run string) []string {
		var out []string
		for _, s := range d.Segment(run, nil) {
			w := run[s.Start:s.End]
			if s.Kind == 0 {
				w = "?" + w
			}
			out = append(out, w)
		}
		return out
	}
	assert.Equal(t, []string{"client", "ameli"}, words("clientameli"))
	assert.Equal(t, []string{"enfants"}, words("enfants"))
	assert.Equal(t, []string{"caf", "?e"}, words("cafe"))
	assert.Equal(t, []string{"?p", "ants", "?alon"}, words("pantsalon"))
	assert.Equal(t, []string{"msa", "?i"}, words("msai"))
	assert.Equal(t, []string{"?s", "antai"}, words("santai"))
	assert.Equal(t, []string{"impots", "gouv", "fr"}, words("impotsgouvfr"))
	assert.Equal(t, []string{"?xyz"}, words("xyz"))
	assert.Equal(t, []string{"mon", "?vital"}, words("monvital"), "two-letter words do not cut unknown words")
	assert.Equal(t, []string{"en", "caf"}, words("encaf"))
	assert.Empty(t, words(""))
	var found []string
	d.Scan("xcafgouv-ants", func(start, end int, kind Kind, id int) { found = append(found, "xcafgouv-ants"[start:end]) })
	assert.Equal(t, []string{"caf", "gouv", "ants"}, found)
	d.Add("17cyber", Brand, 9)
	k, id := d.Lookup("17cyber")
	assert.Equal(t, Brand, k, "digits are part of the alphabet")
	assert.Equal(t, 9, id)
	k, id = d.Lookup("gouv")
	assert.Equal(t, Gouv, k)
	assert.Equal(t, 4, id)
	k, id = d.Lookup("gou")
	assert.Equal(t, Kind(0), k)
	assert.Equal(t, -1, id)
}

// TestSegmentWord: a run that is a word of the dictionary comes out as the dynamic
// programme splits it.
func TestSegmentWord(t *testing.T) {
	var d Dictionary
	words := []string{"ameli", "caf", "cafe", "ants", "antai", "enfants", "en", "fants", "mon", "monde", "de", "ta", "tata", "a1b"}
	for i, w := range words {
		d.Add(w, Kind(1<<(i%7)), i)
	}
	d.Add("fants", Bait, -1)
	for _, w := range append(words, "amelix", "cafes", "xyz", "ab", "enfantsmonde") {
		assert.Equal(t, d.split(w, nil), d.Segment(w, nil), w)
	}
}

func BenchmarkSegment(b *testing.B) {
	var d Dictionary
	for _, w := range []string{"ameli", "caf", "ants", "remboursement", "mon", "espace", "client", "gouv", "fr"} {
		d.Add(w, Brand, 0)
	}
	out := make([]Segment, 0, 16)
	b.ReportAllocs()
	for b.Loop() {
		out = d.Segment("monespaceclientameliremboursementgouvfr", out[:0])
	}
}
