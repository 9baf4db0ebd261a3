package container

import (
	"bytes"
	"crypto/rand"
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
