package pii

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzScan: no panic, offsets inside the input, and the masked output property:
// no match shows its number in full. The seeds are the personal-data fixtures of
// docstore's tests (../testdata/fixtures).
func FuzzScan(f *testing.F) {
	for _, name := range []string{"pii-bulletin-paie.txt", "pii-carte.txt", "pii-passeport.txt", "pii-cni-2021.txt", "pii-cni-ancienne.txt", "decoy-quasi.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "fixtures", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("2 90 12 2A 004 123 67 FR7630006000011234567890189 0123456789211"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ms, err := Scan(bytes.NewReader(data), WithRejected())
		if err != nil {
			t.Fatal(err)
		}
		last := int64(-1)
		for _, m := range ms {
			if m.Offset < 0 || m.Len <= 0 || m.Offset+int64(m.Len) > int64(len(data)) {
				t.Fatalf("match out of the input: %+v", m)
			}
			if m.Offset < last {
				t.Fatalf("matches out of order")
			}
			last = m.Offset
			span := string(data[m.Offset : m.Offset+int64(m.Len)])
			if full := digitsOf(span); len(full) >= 12 && strings.Contains(digitsOf(m.Masked), full) {
				t.Fatalf("masked %q shows %q", m.Masked, span)
			}
		}
	})
}
