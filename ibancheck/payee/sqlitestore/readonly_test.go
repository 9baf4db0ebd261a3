package sqlitestore_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/ibancheck/payee/sqlitestore"
	"github.com/trustreflex/trustreflex/internal/regularfile"
)

func openRO(path string) (*sqlitestore.Store, error) {
	return sqlitestore.Open(context.Background(), path, sqlitestore.WithReadOnly())
}

// snapshotDir returns the name and content of every file of dir.
func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = string(b)
	}
	return out
}

// TestReadOnlyNeverWrites: a check opens any file without writing to it or beside it;
// a file that holds no book is ErrNotBook, never an empty book.
func TestReadOnlyNeverWrites(t *testing.T) {
	cases := map[string]func(t *testing.T, p string){
		"empty file": func(t *testing.T, p string) { require.NoError(t, os.WriteFile(p, nil, 0o600)) },
		"csv":        func(t *testing.T, p string) { require.NoError(t, os.WriteFile(p, []byte("payee;iban\n"), 0o600)) },
		"other application's database": func(t *testing.T, p string) {
			_, err := rawDB(t, p).Exec("CREATE TABLE invoice (id INTEGER PRIMARY KEY)")
			require.NoError(t, err)
		},
	}
	for name, setup := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "payees.db")
			setup(t, p)
			before := snapshotDir(t, dir)
			_, err := openRO(p)
			require.ErrorIs(t, err, sqlitestore.ErrNotBook)
			assert.Equal(t, before, snapshotDir(t, dir), "nothing written")
		})
	}
	t.Run("book", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "payees.db")
		w := open(t, p)
		_, err := w.Append(context.Background(), confirm("acme"))
		require.NoError(t, err)
		require.NoError(t, w.Close())
		before := snapshotDir(t, dir)
		s, err := openRO(p)
		require.NoError(t, err)
		ev, err := s.Events(context.Background(), "acme")
		require.NoError(t, err)
		assert.Len(t, ev, 1)
		_, err = s.Append(context.Background(), confirm("acme"))
		assert.ErrorIs(t, err, sqlitestore.ErrReadOnly)
		require.NoError(t, s.Close())
		// The book is unchanged; SQLite may leave the empty -wal and -shm files that
		// readers of a WAL database share.
		after := snapshotDir(t, dir)
		assert.Equal(t, before["payees.db"], after["payees.db"], "book unchanged")
		assert.Empty(t, after["payees.db-wal"], "nothing in the WAL")
		delete(after, "payees.db-wal")
		delete(after, "payees.db-shm")
		assert.Len(t, after, len(before))
	})
	t.Run("missing", func(t *testing.T) {
		_, err := openRO(filepath.Join(t.TempDir(), "payees.db"))
		assert.ErrorIs(t, err, os.ErrNotExist)
	})
	t.Run("fifo", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "payees.db")
		require.NoError(t, syscall.Mkfifo(p, 0o600))
		for _, o := range [][]sqlitestore.Option{nil, {sqlitestore.WithReadOnly()}} {
			done := make(chan error, 1)
			go func() { _, err := sqlitestore.Open(context.Background(), p, o...); done <- err }()
			select {
			case err := <-done:
				assert.ErrorIs(t, err, regularfile.ErrNotRegular)
			case <-time.After(10 * time.Second):
				t.Fatal("blocked on a FIFO")
			}
		}
	})
}

// TestReadOnlyDoesNotWaitForAWriter: a writer holds the book's write lock (an open
// transaction); a read-only check opens the book and reads at once instead of waiting
// the busy timeout (10 s), as the read-write Open does (its migration takes the lock).
func TestReadOnlyDoesNotWaitForAWriter(t *testing.T) {
	p := filepath.Join(t.TempDir(), "payees.db")
	w := open(t, p)
	_, err := w.Append(context.Background(), confirm("acme"))
	require.NoError(t, err)
	writer := rawDB(t, p)
	conn, err := writer.Conn(context.Background())
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.ExecContext(context.Background(), "BEGIN IMMEDIATE")
	require.NoError(t, err)
	_, err = conn.ExecContext(context.Background(), "INSERT INTO payee (id, last_seq, last_at) VALUES ('x', 1, 0)")
	require.NoError(t, err)
	defer conn.ExecContext(context.Background(), "ROLLBACK")

	start := time.Now()
	s, err := openRO(p)
	require.NoError(t, err)
	defer s.Close()
	ev, err := s.Events(context.Background(), "acme")
	require.NoError(t, err)
	assert.Len(t, ev, 1)
	took := time.Since(start)
	t.Logf("read-only open and check behind a writer: %v", took)
	assert.Less(t, took, 2*time.Second, "the check waited for the writer")
}

// TestReadOnlyFolder: a book in a folder the user cannot write is still checked. As
// root (who may write anywhere) the test runs itself again as user nobody.
func TestReadOnlyFolder(t *testing.T) {
	if dir := os.Getenv("SQLITESTORE_RO_DIR"); dir != "" {
		s, err := openRO(filepath.Join(dir, "payees.db"))
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		defer s.Close()
		ev, err := s.Events(context.Background(), "acme")
		if err != nil || len(ev) != 1 {
			t.Fatalf("events: %v %v", ev, err)
		}
		return
	}
	dir, err := os.MkdirTemp("", "ro-book-")
	require.NoError(t, err)
	t.Cleanup(func() { os.Chmod(dir, 0o700); os.RemoveAll(dir) })
	p := filepath.Join(dir, "payees.db")
	w := open(t, p)
	_, err = w.Append(context.Background(), confirm("acme"))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	require.NoError(t, os.Chmod(p, 0o644))
	require.NoError(t, os.Chmod(dir, 0o555))
	if os.Geteuid() != 0 {
		t.Setenv("SQLITESTORE_RO_DIR", dir)
		TestReadOnlyFolder(t)
		return
	}
	bin := filepath.Join(dir+"-bin", "sqlitestore.test")
	require.NoError(t, os.MkdirAll(filepath.Dir(bin), 0o755))
	t.Cleanup(func() { os.RemoveAll(filepath.Dir(bin)) })
	exe, err := os.ReadFile(os.Args[0])
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(bin, exe, 0o755))
	cmd := exec.Command(bin, "-test.run=^TestReadOnlyFolder$", "-test.count=1")
	cmd.Env = append(os.Environ(), "SQLITESTORE_RO_DIR="+dir)
	cmd.Dir = "/"
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
}
