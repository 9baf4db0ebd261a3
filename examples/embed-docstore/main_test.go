package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/reflex"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, nil))
	assert.Contains(t, out.String(), "avis-impot.txt: caution")
	assert.Contains(t, out.String(), "FR76 **** **** 0189")
	assert.NotContains(t, out.String(), "3000 6000")
	encrypted := []rune(reflex.Finding{Code: reflex.StoreEncrypted}.Message(reflex.French))
	assert.Contains(t, out.String(), "vault: ok\n  "+string(encrypted[:20]))
}
