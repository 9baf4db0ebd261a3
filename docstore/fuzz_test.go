package docstore

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// FuzzScanPII: no panic, offsets inside the input, and the masked output property:
// no match shows its number in full.
func FuzzScanPII(f *testing.F) {
	for _, name := range []string{"pii-bulletin-paie.txt", "pii-carte.txt", "pii-passeport.txt", "pii-cni-2021.txt", "pii-cni-ancienne.txt", "decoy-quasi.txt"} {
		data, err := os.ReadFile(fixturePath(name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("2 90 12 2A 004 123 67 FR7630006000011234567890189 0123456789211"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ms, err := ScanPII(bytes.NewReader(data), WithRejected())
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

// FuzzInspectReader: any blob gives a valid report (or an error), and the evidence
// never holds a personal number found in the blob.
func FuzzInspectReader(f *testing.F) {
	for _, name := range []string{"pii-bulletin-paie.txt", "mixed.zip", "plain-docx.docx", "plain-pdf-flate.pdf", "pii-releve.txt.gz", "enc-7z.7z", "weak-pdf-empty-user.pdf"} {
		data, err := os.ReadFile(fixturePath(name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	in := NewInspector(WithMaxExpand(4<<20, 100))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := in.InspectReader(context.Background(), "blob", bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		if err := rep.Validate(); err != nil {
			t.Fatal(err)
		}
		ms, _ := ScanPII(bytes.NewReader(data))
		for _, fd := range rep.Findings {
			ev := digitsOf(fd.Evidence)
			for _, m := range ms {
				if full := digitsOf(string(data[m.Offset : m.Offset+int64(m.Len)])); strings.Contains(ev, full) {
					t.Fatalf("evidence %q shows a full number", fd.Evidence)
				}
			}
		}
	})
}

// FuzzToUnicode: the CMap parser and the hex-string decoder never panic and stay
// within their entry cap.
func FuzzToUnicode(f *testing.F) {
	f.Add([]byte("1 begincodespacerange\n<00> <ff>\nendcodespacerange\n2 beginbfchar\n<07> <0031>\n<0a> <0032>\nendbfchar\n1 beginbfrange\n<10> <1a> <0030>\n<20> <22> [<0041> <0042> <0043>]\nendbfrange"),
		[]byte("BT [<070a>-12<1011>]TJ (x) Tj ET"))
	f.Fuzz(func(t *testing.T, cmap, content []byte) {
		cm := parseToUnicode(cmap)
		if cm == nil {
			return
		}
		if len(cm.m) > maxCMapEntries || cm.codeLen < 1 || cm.codeLen > 4 {
			t.Fatalf("cmap out of bounds: %d entries, code length %d", len(cm.m), cm.codeLen)
		}
		var out bytes.Buffer
		pdfHexText(&out, content, cm)
	})
}
