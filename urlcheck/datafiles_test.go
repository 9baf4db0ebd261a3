package urlcheck

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/urlcheck/internal/hostname"
)

// The embedded word and shortener lists are data files too: they must stay well formed.
func TestWordList(t *testing.T) {
	word := regexp.MustCompile(`^[a-z]{2,}$`)
	sections := map[string]int{}
	section := ""
	for line := range strings.Lines(wordList) {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			section = line
			sections[section] = 0
		default:
			require.NotEmpty(t, section, "words before a section: %q", line)
			for _, w := range strings.Fields(line) {
				assert.Regexp(t, word, w, "%s: lower-case letters only", section)
				sections[section]++
			}
		}
	}
	assert.Equal(t, []string{"[bait]", "[filler]", "[gouv]", "[parcel]", "[place]"}, sortedKeys(sections))
	for s, n := range sections {
		assert.Positive(t, n, s)
	}
	_, err := buildIndex(nil, "stray\n", "")
	assert.Error(t, err, "a word before any section is refused")
}

func TestShortenerList(t *testing.T) {
	n := 0
	for line := range strings.Lines(shortenerList) {
		h := strings.TrimSpace(line)
		if h == "" || strings.HasPrefix(h, "#") {
			continue
		}
		u, err := hostname.Parse(h)
		require.NoError(t, err, h)
		assert.Equal(t, h, u.Host, "canonical host")
		n++
	}
	assert.GreaterOrEqual(t, n, 20)
}

func sortedKeys(m map[string]int) []string {
	return slices.Sorted(maps.Keys(m))
}
