package sqlitestore_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"modernc.org/sqlite"

	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/sqlitestore"
	"github.com/trustreflex/trustreflex/ibancheck/payee/storetest"
)

func open(t *testing.T, path string) *sqlitestore.Store {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), path)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	paths := map[payee.Store]string{}
	storetest.Run(t, storetest.Harness{
		Open: func(t *testing.T) payee.Store {
			p := filepath.Join(t.TempDir(), "payees.db")
			s := open(t, p)
			paths[s] = p
			return s
		},
		Reopen: func(t *testing.T, s payee.Store) payee.Store {
			return open(t, paths[s])
		},
	})
}

// rawDB opens the file with the driver alone, as another program would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	c, err := sqlite.NewConnector(path)
	require.NoError(t, err)
	db := sql.OpenDB(c)
	t.Cleanup(func() { db.Close() })
	return db
}

func confirm(payeeID string) payee.Event {
	return payee.Event{Payee: payeeID, Kind: payee.Confirmed, IBAN: "FR7630006000011234567890189", Name: "Jean Dupont", By: "marie", At: time.Now()}
}

func TestSchemaAndWAL(t *testing.T) {
	p := filepath.Join(t.TempDir(), "payees.db")
	s := open(t, p)
	assert.Equal(t, 1, s.SchemaVersion())
	_, err := s.Append(context.Background(), confirm("acme"))
	require.NoError(t, err)

	db := rawDB(t, p)
	var mode string
	require.NoError(t, db.QueryRow("PRAGMA journal_mode").Scan(&mode))
	assert.Equal(t, "wal", mode)
	var v int
	require.NoError(t, db.QueryRow("SELECT version FROM trustreflex_schema WHERE component = 'ibancheck.payee-book'").Scan(&v))
	assert.Equal(t, 1, v)

	// The history is append-only in the file itself, not only through this package.
	_, err = db.Exec("UPDATE payee_event SET iban = 'LT121000011101001000'")
	assert.ErrorContains(t, err, "append-only")
	_, err = db.Exec("DELETE FROM payee_event")
	assert.ErrorContains(t, err, "append-only")

	// Reopening does not migrate again.
	require.NoError(t, s.Close())
	s = open(t, p)
	ev, err := s.Events(context.Background(), "acme")
	require.NoError(t, err)
	assert.Len(t, ev, 1)
}

func TestNotADatabaseIsLeftUntouched(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "payees.db")
	content := []byte("IBAN;Nom\nFR7630006000011234567890189;Jean Dupont\n")
	require.NoError(t, os.WriteFile(p, content, 0o600))
	_, err := sqlitestore.Open(context.Background(), p)
	require.ErrorIs(t, err, sqlitestore.ErrCorrupt)
	assert.Contains(t, err.Error(), p)
	got, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, content, got, "the file was modified")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no -wal or -shm file next to a foreign file")
}

func TestDamagedDatabaseIsReported(t *testing.T) {
	p := filepath.Join(t.TempDir(), "payees.db")
	s := open(t, p)
	for i := range 300 { // enough rows for several pages
		_, err := s.Append(context.Background(), confirm("payee-"+string(rune('a'+i%26))+time.Now().String()))
		require.NoError(t, err)
	}
	require.NoError(t, s.Close())
	// Checkpoint the WAL into the file, then damage the pages after the first one.
	db := rawDB(t, p)
	_, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	require.NoError(t, err)
	require.NoError(t, db.Close())
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	require.Greater(t, len(data), 3*4096)
	for i := 4096; i < len(data); i++ {
		data[i] = byte(i * 7)
	}
	require.NoError(t, os.WriteFile(p, data, 0o600))

	_, err = sqlitestore.Open(context.Background(), p)
	require.ErrorIs(t, err, sqlitestore.ErrCorrupt)
	got, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, data, got, "a damaged file is reported, not overwritten")
}

func TestNewerSchemaIsRefused(t *testing.T) {
	p := filepath.Join(t.TempDir(), "payees.db")
	s := open(t, p)
	require.NoError(t, s.Close())
	_, err := rawDB(t, p).Exec("UPDATE trustreflex_schema SET version = 99")
	require.NoError(t, err)
	_, err = sqlitestore.Open(context.Background(), p)
	require.ErrorIs(t, err, sqlitestore.ErrNewerSchema)
	assert.Contains(t, err.Error(), "99")
}

func TestBadPaths(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"", dir, filepath.Join(dir, "missing", "payees.db"), filepath.Join(dir, "a?b.db"), "file:x.db"} {
		_, err := sqlitestore.Open(context.Background(), p)
		assert.Error(t, err, "%q", p)
	}
}

func TestSharesAFileWithTheApplication(t *testing.T) {
	// An application may keep the book in its own database: its tables stay.
	p := filepath.Join(t.TempDir(), "app.db")
	db := rawDB(t, p)
	_, err := db.Exec("CREATE TABLE invoice (id INTEGER PRIMARY KEY, amount TEXT)")
	require.NoError(t, err)
	s := open(t, p)
	_, err = s.Append(context.Background(), confirm("acme"))
	require.NoError(t, err)
	var n int
	require.NoError(t, db.QueryRow("SELECT count(*) FROM invoice").Scan(&n))
}
