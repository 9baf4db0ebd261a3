package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	sms := "Assurance Maladie : votre carte Vitale expire. Frais d'envoi 1,90 EUR à régler sur ameli-carte-vitale.com"
	require.NoError(t, run(&out, strings.NewReader(sms)))
	assert.True(t, strings.HasPrefix(out.String(), "danger\nNe cliquez pas et ne payez rien."), out.String())
	assert.Contains(t, out.String(), "- message.public-body-payment [Caisse nationale de l'Assurance maladie (CPAM)]")

	out.Reset()
	require.NoError(t, run(&out, strings.NewReader("On se voit demain à 18h ?")))
	assert.Equal(t, "ok\n", out.String())
}
