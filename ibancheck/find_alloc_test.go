package ibancheck_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/trustreflex/trustreflex/ibancheck"
)

// TestFindDoesNotAllocate ranges over Find from another package, as users do: neither
// the iterator nor a valid IBAN allocates.
func TestFindDoesNotAllocate(t *testing.T) {
	text := strings.Repeat("Bonjour, voici mon RIB : FR76 3000 6000 0112 3456 7890 189 et GB29NWBK60161331926819. ", 20)
	data := []byte(text)
	n := 0
	allocs := testing.AllocsPerRun(100, func() {
		for f := range ibancheck.Find(text) {
			if f.Err == nil {
				n++
			}
		}
		for f := range ibancheck.FindBytes(data) {
			if f.Err == nil {
				n++
			}
		}
	})
	assert.Zero(t, allocs)
	assert.Equal(t, 101*80, n)
}
