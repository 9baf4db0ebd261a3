package main

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/ibancheck/payee/bookopen"
	"github.com/trustreflex/trustreflex/internal/pgtest"
	"github.com/trustreflex/trustreflex/reflex"
)

// TestBookMustExist: a mistyped --book is refused at start, not served as an empty book
// in which every payee reads as new; --seed-demo creates it.
func TestBookMustExist(t *testing.T) {
	path := filepath.Join(t.TempDir(), "payees.db")
	_, _, _, err := buildChecks(options{book: path})
	require.ErrorIs(t, err, bookopen.ErrNoBook)
	assert.NoFileExists(t, path)
	var stderr bytes.Buffer
	assert.Equal(t, 1, run([]string{"--addr", "127.0.0.1:0", "--book", path, "--public-checks"}, &stderr))
	assert.Contains(t, stderr.String(), "no payee book there")

	c, _, closeChecks, err := buildChecks(options{book: path, seedDemo: true})
	require.NoError(t, err)
	closeChecks()
	require.FileExists(t, path)

	c, _, closeChecks, err = buildChecks(options{book: path})
	require.NoError(t, err)
	defer closeChecks()
	r, err := c.payment(context.Background(), paymentRequest{checkRequest: checkRequest{Subject: demoPayees[0].IBAN}, Payee: demoPayees[0].ID})
	require.NoError(t, err)
	assert.True(t, r.Has(reflex.IBANUnchanged), "the seeded book is read back")
}

// TestBookOnPostgres: --book takes a postgres:// URL.
func TestBookOnPostgres(t *testing.T) {
	u := pgtest.URL(t)
	c, _, closeChecks, err := buildChecks(options{book: u, seedDemo: true})
	require.NoError(t, err)
	defer closeChecks()
	r, err := c.payment(context.Background(), paymentRequest{checkRequest: checkRequest{Subject: demoPayees[1].IBAN}, Payee: demoPayees[1].ID})
	require.NoError(t, err)
	assert.True(t, r.Has(reflex.IBANUnchanged))
}
