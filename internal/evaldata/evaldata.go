// Package evaldata reads the evaluation corpora that live beside the module, in
// ../shared/data (public-sector hosts, phishing hosts). Tests and benchmarks use them;
// they are never copied into the module nor embedded, and no rule is tuned host by
// host on them. A test that needs one is skipped, with the reason, when it is absent.
package evaldata

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Dir returns ../shared/data relative to the module root (the nearest folder above the
// working directory that holds go.mod), whether or not it exists.
func Dir() string {
	dir, err := os.Getwd()
	if err != nil {
		return filepath.Join("..", "shared", "data")
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(d), "shared", "data")
		}
		if filepath.Dir(d) == d {
			return filepath.Join(dir, "..", "shared", "data")
		}
	}
}

// Hosts returns the hosts listed in the corpus file name: one a line, blank lines and
// # comments skipped, the host in the first tab-separated column. It skips t when the
// file is absent and fails it when the file cannot be read.
func Hosts(t testing.TB, name string) []string {
	t.Helper()
	path := filepath.Join(Dir(), name)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("evaluation corpus %s not found: ../shared/data is absent, test skipped", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var hosts []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		host, _, _ := strings.Cut(line, "\t")
		hosts = append(hosts, host)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return hosts
}
