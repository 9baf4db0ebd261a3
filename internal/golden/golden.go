// Package golden compares test output with golden files under testdata. Running the
// tests with -update rewrites the files instead; review the diff before committing.
//
// It is imported by tests only; it registers the -update flag once for every test
// binary that uses it (internal and external test packages alike).
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

var update = flag.Bool("update", false, "rewrite the golden files instead of comparing with them")

// Equal fails t when got differs from the content of the file at path. With -update it
// first writes got to path (creating its directory).
func Equal(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: run the test with -update to create it", err)
	}
	assert.Equal(t, string(want), string(got), "%s is stale: run the test with -update and review the diff", path)
}

// Updating reports whether the tests run with -update, for tools that rewrite their own
// expected output (testscript's UpdateScripts).
func Updating() bool { return *update }
