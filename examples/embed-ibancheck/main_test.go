package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	lines := out.String()
	assert.Regexp(t, `(?m)^landlord .*: ok$`, lines)
	assert.Regexp(t, `(?m)^landlord .*: danger\n  Do not pay`, lines)
	assert.Regexp(t, `(?m)^plumber .*: danger$`, lines)
}
