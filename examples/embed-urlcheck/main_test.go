package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, nil))
	assert.Contains(t, out.String(), "https://ants-gouv.fr/carte-grise: danger\n  Ne saisissez rien")
	assert.Contains(t, out.String(), "https://immatriculation.ants.gouv.fr/: ok\n")
}
