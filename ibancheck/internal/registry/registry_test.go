package registry

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const frLine = "FR  27  5!n5!n11!c2!n  1-5 6-10 11-21 yes  FR1420041010050500013M02606  France"

func TestParseLine(t *testing.T) {
	cs, err := Parse([]byte("# comment\n\n" + frLine + "\nGB 22 4!a6!n8!n 1-4 5-10 11-18 yes GB29NWBK60161331926819 United Kingdom\n"))
	require.NoError(t, err)
	require.Len(t, cs, 2)
	fr := cs[0]
	assert.Equal(t, Entry{
		Country: "FR", Length: 27, Structure: "5!n5!n11!c2!n", Classes: "nnnnnnnnnncccccccccccnn",
		Bank: Range{1, 5}, Branch: Range{6, 10}, Account: Range{11, 21}, SEPA: true,
		Example: "FR1420041010050500013M02606", Name: "France", Line: 3,
	}, fr)
	assert.Equal(t, "United Kingdom", cs[1].Name)
}

func TestParseErrors(t *testing.T) {
	for line, want := range map[string]string{
		"FR 27 5!n5!n11!c2!n": "want 9 fields",
		"Fr 27 5!n5!n11!c2!n 1-5 - - yes FR1420041010050500013M02606 France":    "not two upper-case letters",
		"FR 99 5!n5!n11!c2!n 1-5 - - yes FR1420041010050500013M02606 France":    "not a number in 5..34",
		"FR 27 5n5!n11!c2!n 1-5 - - yes FR1420041010050500013M02606 France":     "want elements like 5!n",
		"FR 27 5!x5!n11!c2!n 1-5 - - yes FR1420041010050500013M02606 France":    "is not n, a or c",
		"FR 27 5!n5!n11!c3!n 1-5 - - yes FR1420041010050500013M02606 France":    "needs 23",
		"FR 27 5!n5!n11!c2!n 5-1 - - yes FR1420041010050500013M02606 France":    "bank position",
		"FR 27 5!n5!n11!c2!n 1-5 6-99 - yes FR1420041010050500013M02606 France": "branch position",
		"FR 27 5!n5!n11!c2!n 1-5 - x yes FR1420041010050500013M02606 France":    "account position",
		"FR 27 5!n5!n11!c2!n 1-5 - - oui FR1420041010050500013M02606 France":    "SEPA flag",
		"FR 27 5!n5!n11!c2!n 1-5 - - yes FR1520041010050500013M02606 France":    "fails ISO 7064",
		"FR 27 5!n5!n11!c2!n 1-5 - - yes FR1420041010050500013M0260A France":    "does not fit",
		"FR 27 5!n5!n11!c2!n 1-5 - - yes FR14200410100505000 France":            "want 27 characters",
		"FR 27 5!n5!n11!c2!n 1-5 - - yes FRAB20041010050500013M02606 France":    "not digits",
		"FR 27 99!n 1-5 - - yes FR1420041010050500013M02606 France":             "element too long",
	} {
		_, err := Parse([]byte(line))
		assert.ErrorContains(t, err, want, line)
	}
	_, err := Parse([]byte(frLine + "\n" + frLine))
	assert.ErrorContains(t, err, "FR already defined on line 1")
	_, err = Parse([]byte("# nothing\n"))
	assert.ErrorContains(t, err, "no country")
}

func TestGenerateIsSortedAndFormatted(t *testing.T) {
	cs, err := Parse([]byte("GB 22 4!a6!n8!n 1-4 5-10 11-18 yes GB29NWBK60161331926819 United Kingdom\n" + frLine))
	require.NoError(t, err)
	src, err := Generate("registry.txt", cs)
	require.NoError(t, err)
	s := string(src)
	assert.True(t, strings.HasPrefix(s, "// Code generated"))
	assert.Less(t, strings.Index(s, `Country: "FR"`), strings.Index(s, `Country: "GB"`))
	assert.Contains(t, s, `Bank: Range{1, 5}, Branch: Range{6, 10}, Account: Range{11, 21}`)
	assert.Equal(t, "GB", cs[0].Country, "Generate does not reorder its input")
}

// dataFile is ibancheck's registry data file, the source of table.go.
var dataFile = filepath.Join("..", "..", "registry.txt")

// TestTheRealDataFile: the data file of ibancheck parses, with 89 countries.
func TestTheRealDataFile(t *testing.T) {
	data, err := os.ReadFile(dataFile)
	require.NoError(t, err)
	cs, err := Parse(data)
	require.NoError(t, err)
	assert.Len(t, cs, 89)
}

// TestTableIsCurrent regenerates table.go from the data file: run
// `go generate ./ibancheck/internal/registry` after editing it.
func TestTableIsCurrent(t *testing.T) {
	data, err := os.ReadFile(dataFile)
	require.NoError(t, err)
	countries, err := Parse(data)
	require.NoError(t, err)
	want, err := Generate("registry.txt", countries)
	require.NoError(t, err)
	got, err := os.ReadFile("table.go")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "table.go is stale: run go generate ./ibancheck/internal/registry")
}

// FuzzParse: the data-file parser never panics, and what it accepts regenerates.
func FuzzParse(f *testing.F) {
	f.Add([]byte(frLine))
	f.Add([]byte("# c\nGB 22 4!a6!n8!n 1-4 5-10 11-18 yes GB29NWBK60161331926819 United Kingdom\n"))
	f.Add([]byte("XX 5 1!n - - - no XX001 X"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := Parse(data)
		if err != nil {
			return
		}
		for _, c := range cs {
			if len(c.Classes) != c.Length-4 || len(c.Example) != c.Length {
				t.Fatalf("accepted inconsistent country %+v", c)
			}
		}
		if _, err := Generate("f", cs); err != nil {
			t.Fatalf("Generate: %v", err)
		}
	})
}
