package container

import (
	"bytes"
	"crypto/rand"
	mathrand "math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

func TestChiSquareSeparatesRandomFromText(t *testing.T) {
	r := make([]byte, 64<<10)
	rand.Read(r)
	if !Uniform(r) {
		t.Errorf("random bytes: chi-square %.0f, want uniform", ChiSquare(r))
	}
	text := bytes.Repeat([]byte("Le contenu de ce fichier est du texte ordinaire. "), 1000)
	if Uniform(text) {
		t.Error("text judged uniform")
	}
	skew := make([]byte, len(r))
	copy(skew, r)
	for i := 0; i < len(skew); i += 64 { // a light bias, as compressed streams show
		skew[i] = 0
	}
	if Uniform(skew) {
		t.Errorf("biased bytes judged uniform (chi-square %.0f)", ChiSquare(skew))
	}
	if Uniform(r[:8]) {
		t.Error("8 bytes cannot be judged")
	}
}

func TestEmptyAndTiny(t *testing.T) {
	for _, data := range [][]byte{nil, {0}, []byte("PK\x03\x04"), []byte("%PDF-"), []byte("7z\xbc\xaf\x27\x1c"), []byte(oleMagic)} {
		b, err := NewBlob(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		_ = Sniff(b) // no panic
	}
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "fixtures", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func sniff(data []byte) Result {
	b, _ := NewBlob(bytes.NewReader(data), int64(len(data)))
	return Sniff(b)
}

// Damaged files still tell: a PDF whose startxref is wrong falls back on finding the
// encryption dictionary; a ZIP cut before its central directory is read from its
// local headers.
func TestDamagedFiles(t *testing.T) {
	pdf := fixture(t, "weak-pdf-rc4-40.pdf")
	i := bytes.LastIndex(pdf, []byte("startxref"))
	broken := append(append([]byte{}, pdf[:i]...), []byte("startxref\n1\n%%EOF\n")...)
	if r := sniff(broken); r.Verdict != Weak || r.Cipher != "RC4-40" {
		t.Errorf("PDF with a bad startxref: %+v", r)
	}
	zip := fixture(t, "weak-zipcrypto.zip")
	cut := zip[:bytes.Index(zip, []byte("PK\x01\x02"))]
	if r := sniff(cut); r.Verdict != Weak || r.Cipher != "ZipCrypto" {
		t.Errorf("ZIP without central directory: %+v", r)
	}
	if r := sniff(fixture(t, "enc-7z.7z")[:40]); r.Verdict != Plain || !r.HasNote(NoteHeaderNotReadable) {
		t.Errorf("7z cut after its start header: %+v", r)
	}
}

func TestVerdictString(t *testing.T) {
	for v, want := range map[Verdict]string{Unknown: "unknown", Plain: "plain", Encrypted: "encrypted", Weak: "weak"} {
		if v.String() != want {
			t.Errorf("%d: %s", v, v.String())
		}
	}
}

// Random bytes that happen to start like an OpenPGP packet of encrypted data must not
// be called encrypted: without a session key packet before it, the structure says
// nothing (about one random blob in 64 starts so). Found as a flaky test on random input.
func TestRandomWithOpenPGPDataHeaderIsNotEncrypted(t *testing.T) {
	body := make([]byte, 4096)
	for i := range body {
		body[i] = byte(i*131 + i>>3*7 + 17) // fixed, random-looking
	}
	for _, head := range [][]byte{
		{0xa4, 0xff},                                  // old format, tag 9 (SED), 1-byte length
		{0xa5, 0x0f, 0xfe},                            // old format, tag 9, 2-byte length
		{0xc9, 0xc0, 0x10},                            // new format, tag 9
		{0xd2, 0x40, 0x01},                            // new format, tag 18 (SEIPD v1)
		{0xd4, 0x40, 0x01},                            // new format, tag 20 (AEAD)
		{0x8d, 0x8e, 0xa9, 0x06, 0x00, 0xa4},          // SKESK v6 of 36 KiB: was "OpenPGP, passphrase"
		{0x84, 0x0c, 0x03, 1, 2, 3, 4, 5, 6, 7, 8, 1}, // a PKESK alone, with no data after it
	} {
		data := append(append([]byte{}, head...), body...)
		if r := sniff(data); r.Verdict == Encrypted || r.Verdict == Weak {
			t.Errorf("% x + random-looking bytes: %+v, want no encryption claim", head, r)
		}
	}
	rand.Read(body)
	for range 256 { // and on real random tails
		rand.Read(body[:16])
		data := append([]byte{0xa4, body[0]}, body...)
		if r := sniff(data); r.Verdict == Encrypted || r.Verdict == Weak {
			t.Fatalf("SED header + random bytes: %+v", r)
		}
	}
}

// Nor must random bytes that start like a signature, one-pass signature or literal
// data packet be called "OpenPGP, not encrypted": that would call ciphertext plaintext.
// The sample is fixed (seeded) so the test is repeatable: a few random files in 10^5
// still pass every field check, which is acceptable, a flaky test is not.
func TestRandomWithOpenPGPPlainHeaderIsNotOpenPGP(t *testing.T) {
	body := make([]byte, 4096)
	rng := mathrand.New(mathrand.NewPCG(1, 2))
	for _, head := range []byte{0x88, 0x89, 0x90, 0xac, 0xad, 0xc2, 0xc4, 0xcb} {
		for range 512 {
			for i := range body {
				body[i] = byte(rng.Uint32())
			}
			body[0] = head
			if r := sniff(body); r.Format == FormatOpenPGP {
				t.Fatalf("% x...: %+v", body[:8], r)
			}
		}
	}
}

// Hex text of random bytes is made of digits 0x30-0x39, "0" being a DER
// SEQUENCE: a DER file must be one structure spanning the whole file.
func TestHexTextIsNotDER(t *testing.T) {
	text := []byte("0204bc6c65161f385c5751b0294dc110799061c7") // seen: "02" reads as 0x30 0x32
	for len(text) < 4000 {
		text = append(text, "0f1e2d3c4b5a69788796a5b4c3d2e1f0"...)
	}
	if r := sniff(text); r.Format != "" && r.Format != FormatText {
		t.Errorf("hex text sniffed as %+v", r)
	}
}
