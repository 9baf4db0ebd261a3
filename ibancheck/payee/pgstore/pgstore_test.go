package pgstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/pgstore"
	"github.com/trustreflex/trustreflex/ibancheck/payee/storetest"
	"github.com/trustreflex/trustreflex/internal/pgtest"
)

// serverURL returns the test server's URL, or skips (fails in CI) without one.
func serverURL(t testing.TB) string {
	t.Helper()
	return pgtest.URL(t)
}

// freshSchema is an empty schema for one test (pgtest.FreshSchema).
func freshSchema(t testing.TB) string { return pgtest.FreshSchema(t) }

func open(t testing.TB, u string) *pgstore.Store {
	t.Helper()
	s, err := pgstore.Open(context.Background(), u)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	serverURL(t)
	urls := map[payee.Store]string{}
	storetest.Run(t, storetest.Harness{
		Open: func(t *testing.T) payee.Store {
			u := freshSchema(t)
			s := open(t, u)
			urls[s] = u
			return s
		},
		// Another pool on the same schema: another app instance.
		Reopen: func(t *testing.T, s payee.Store) payee.Store { return open(t, urls[s]) },
		// Many connections: each of the 32 goroutines gets its own while it waits on the
		// payee's row lock.
		Goroutines: 32, PerGoroutine: 6,
	})
}

func TestAppendOnlyAndMigratedOnce(t *testing.T) {
	u := freshSchema(t)
	s := open(t, u)
	assert.Equal(t, 1, s.SchemaVersion())
	_, err := s.Append(context.Background(), payee.Event{Payee: "acme", Kind: payee.Confirmed,
		IBAN: "FR7630006000011234567890189", Name: "ACME", By: "marie", At: time.Now()})
	require.NoError(t, err)
	// Instances starting together: the advisory lock serialises their migrations.
	done := make(chan error, 4)
	for range 4 {
		go func() {
			s, err := pgstore.Open(context.Background(), u)
			if err == nil {
				s.Close()
			}
			done <- err
		}()
	}
	for range 4 {
		require.NoError(t, <-done)
	}

	cfg, err := pgx.ParseConfig(u)
	require.NoError(t, err)
	db := stdlib.OpenDB(*cfg)
	defer db.Close()
	for _, q := range []string{"UPDATE payee_event SET iban = 'x'", "DELETE FROM payee_event", "TRUNCATE payee_event CASCADE"} {
		_, err = db.Exec(q)
		assert.ErrorContains(t, err, "append-only", q)
	}
	var n int
	require.NoError(t, db.QueryRow("SELECT count(*) FROM payee_event").Scan(&n))
	assert.Equal(t, 1, n)
}

func TestNewerSchemaIsRefused(t *testing.T) {
	u := freshSchema(t)
	open(t, u)
	cfg, err := pgx.ParseConfig(u)
	require.NoError(t, err)
	db := stdlib.OpenDB(*cfg)
	defer db.Close()
	_, err = db.Exec("UPDATE trustreflex_schema SET version = 42")
	require.NoError(t, err)
	_, err = pgstore.Open(context.Background(), u)
	assert.ErrorIs(t, err, pgstore.ErrNewerSchema)
}

func TestServerDownIsAnError(t *testing.T) {
	// Nothing listens on port 1: Open fails, it never returns an empty book.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := pgstore.Open(ctx, "postgres://nobody:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "secret", "the password must not leak into errors")

	_, err = pgstore.Open(ctx, "postgres://nobody:secret@[::1:bad/x")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "secret")
}
