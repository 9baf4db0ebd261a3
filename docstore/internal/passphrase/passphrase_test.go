package passphrase

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBits(t *testing.T) {
	for _, tc := range []struct {
		p        string
		min, max float64
	}{
		{"", 0, 0},
		{"a", 4, 9},
		{"motdepasse", 0, 3},
		{"azerty123", 0, 3},
		{"MotDePasse", 0, 12},
		{"p@ssw0rd", 0, 6},
		{"soleil2024", 0, 20},
		{"aaaaaaaaaaaaaaaaaaaa", 0, 10},
		{"azertyuiopqsdfghjklm", 0, 15},
		{"Marseille13!", 0, 25},
		{"jetaimemonamour", 0, 30},
		{"correct horse battery staple", 35, 60},
		{"ornithorynque cadastre violoncelle paprika", 60, 400},
		{"tiroir girafe lundi canal olive", 50, 400},
		{"x7#Qv9!mR2", 40, 80},
	} {
		got := Bits(tc.p)
		assert.True(t, got >= tc.min && got <= tc.max, "%q: %.1f bits, want %.0f..%.0f", tc.p, got, tc.min, tc.max)
	}
}

func FuzzBits(f *testing.F) {
	for _, s := range []string{"a", "motdepasse", "p@ssw0rd 1987", "ééé", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if len(p) > 256 {
			return
		}
		b := Bits(p)
		if b < 0 || b != b {
			t.Fatalf("%q: %v bits", p, b)
		}
		if b > 8*float64(len(p))+1 {
			t.Fatalf("%q: %v bits, more than its length allows", p, b)
		}
	})
}
