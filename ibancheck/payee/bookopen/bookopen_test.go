package bookopen_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/bookopen"
	"github.com/trustreflex/trustreflex/ibancheck/payee/sqlitestore"
	"github.com/trustreflex/trustreflex/internal/pgtest"
	"github.com/trustreflex/trustreflex/reflex"
)

const ibanFR = "FR7630006000011234567890189"

func TestMissingFileIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "payees.db")
	s, err := bookopen.Open(context.Background(), path)
	require.ErrorIs(t, err, bookopen.ErrNoBook)
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.Nil(t, s)
	assert.Contains(t, err.Error(), path)
	assert.Equal(t, "Aucun carnet de bénéficiaires à cet endroit\u00a0: "+path+". Vérifiez le chemin, ou enregistrez un premier bénéficiaire pour le créer.",
		reflex.ErrorText(err, reflex.French), "the person reads where, and what to do")
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	assert.Empty(t, entries, "nothing is created")
}

func TestCreatedWhenAsked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "payees.db")
	s, err := bookopen.Open(ctx, path, bookopen.WithCreate())
	require.NoError(t, err)
	_, err = payee.NewBook(s).Confirm(ctx, "F-0042", ibanFR, "Minoterie du Rhône", "marie")
	require.NoError(t, err)
	require.NoError(t, s.Close())

	// The book now exists: it opens without WithCreate and remembers the payee.
	s, err = bookopen.Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	r, err := payee.NewBook(s).Check(ctx, ibancheck.Payment{PayeeID: "F-0042", IBAN: ibanFR})
	require.NoError(t, err)
	assert.True(t, r.Has(reflex.IBANUnchanged))
}

func TestNotABookIsReported(t *testing.T) {
	path := filepath.Join(t.TempDir(), "payees.csv")
	require.NoError(t, os.WriteFile(path, []byte("payee;iban\nF-0042;"+ibanFR+"\n"), 0o600))
	_, err := bookopen.Open(context.Background(), path, bookopen.WithCreate())
	assert.ErrorIs(t, err, sqlitestore.ErrCorrupt)
	_, err = bookopen.Open(context.Background(), "")
	assert.Error(t, err)
}

func TestIsURL(t *testing.T) {
	for target, want := range map[string]bool{
		"postgres://app@db/compta":   true,
		"postgresql://app@db/compta": true,
		"POSTGRES://app@db/compta":   true,
		"payees.db":                  false,
		"./postgres:/payees.db":      false,
		"postgres.db":                false,
		"":                           false,
	} {
		assert.Equal(t, want, bookopen.IsURL(target), target)
	}
}

func TestPostgres(t *testing.T) {
	u := pgtest.URL(t)
	ctx := context.Background()
	s, err := bookopen.Open(ctx, u)
	require.NoError(t, err)
	defer s.Close()
	book := payee.NewBook(s)
	id := fmt.Sprintf("bookopen-%d", time.Now().UnixNano()) // the database is shared by the test runs
	_, err = book.Confirm(ctx, id, ibanFR, "Minoterie du Rhône", "marie")
	require.NoError(t, err)
	r, err := book.Check(ctx, ibancheck.Payment{PayeeID: id, IBAN: ibanFR})
	require.NoError(t, err)
	assert.True(t, r.Has(reflex.IBANUnchanged))
}

func TestPostgresDownIsAnError(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, err := bookopen.Open(ctx, "postgres://app:s3cret@127.0.0.1:1/none?connect_timeout=2")
	require.Error(t, err)
	assert.Nil(t, s)
	assert.NotContains(t, err.Error(), "s3cret")
	assert.False(t, errors.Is(err, bookopen.ErrNoBook))
}
