package docstore

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/trustreflex/trustreflex/docstore/pii"
	"github.com/trustreflex/trustreflex/reflex"
)

// digitsOf keeps the digits and capitals of s: a number as written, without separators.
func digitsOf(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// FuzzInspectReader: any blob gives a valid report (or an error), and the evidence
// never holds a personal number found in the blob.
func FuzzInspectReader(f *testing.F) {
	for _, name := range []string{"pii-bulletin-paie.txt", "mixed.zip", "plain-docx.docx", "plain-pdf-flate.pdf", "pii-releve.txt.gz", "enc-7z.7z", "weak-pdf-empty-user.pdf",
		"pii-rh.sqlite", "pii-boite.mbox", "pii-contacts.vcf", "enc-gpg-in-mail.eml", "enc-age-appended.age", "pii-nested-5.zip", "weak-pdf-empty-owner-aes256.pdf"} {
		data, err := os.ReadFile(fixturePath(name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(makeFormPDF("1 85 05 78 006 084 91"))
	f.Add(withDecoyEncrypt(mustFixture("plain-text.pdf")))
	f.Add(fakeAgeHeader())
	f.Add(fakeLUKS())
	f.Add(fakeKDBX())
	f.Add(append(mustFixture("keys-folder/releve.age"), attackText...))
	in := NewInspector(WithMaxExpand(4<<20, 100))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := in.InspectReader(context.Background(), "blob", bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		if err := rep.Validate(); err != nil {
			t.Fatal(err)
		}
		ms, _ := pii.Scan(bytes.NewReader(data))
		for _, fd := range rep.Findings {
			ev := digitsOf(fd.Evidence + " " + fd.EvidenceText(reflex.French) + " " + fd.EvidenceText(reflex.English))
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
