// Package sqlitestore is a payee book store ([payee.Store]) in a SQLite file: the
// embedded default, for a desktop app, an accounting tool or the trustcheck CLI. It
// uses the pure-Go driver modernc.org/sqlite (no cgo), the file in WAL mode (readers
// never block the writer), and migrates its schema itself, recording the version in a
// table.
//
// Call [Open], then give the store to [payee.NewBook]:
//
//	store, err := sqlitestore.Open(ctx, "payees.db")
//	if err != nil { ... }          // includes ErrCorrupt: the file is left untouched
//	defer store.Close()
//	book := payee.NewBook(store)
//
// Open creates a missing file; bookopen.Open (package ibancheck/payee/bookopen) refuses
// one unless asked, for a path a person typed. This package lives apart so that
// applications that keep their book elsewhere do not link SQLite. Several processes
// may open the same file: writes are serialised by SQLite's lock and wait for it up to
// a busy timeout.
package sqlitestore

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/internal/sqlstore"
)

// ErrCorrupt means the file is not a SQLite database, or a damaged one. The store never
// writes to such a file: move it aside and restore a backup.
var ErrCorrupt = errors.New("the file is not a valid SQLite database (corrupted?); it was left untouched")

// ErrNewerSchema means the file was written by a newer version of this library.
var ErrNewerSchema = sqlstore.ErrNewerSchema

// Store is a [payee.Store] in a SQLite file. It is safe for concurrent use.
type Store struct {
	s *sqlstore.Store
}

var _ payee.Store = (*Store)(nil)

// busyTimeout is how long a writer waits for another one (this process or another).
const busyTimeout = 10 * time.Second

// Open opens (or creates) the SQLite file at path and migrates its schema. A file that
// is not a SQLite database, or fails SQLite's quick integrity check, gives ErrCorrupt
// and is not modified.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" || strings.ContainsAny(path, "?#") || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("ibancheck/sqlite: %q: want a plain file path (no '?', '#' nor file: URI)", path)
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	dsn := fmt.Sprintf("%s?_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate",
		path, busyTimeout.Milliseconds())
	conn, err := sqlite.NewConnector(dsn)
	if err != nil {
		return nil, fmt.Errorf("ibancheck/sqlite: %s: %w", path, mapError(err))
	}
	db := sql.OpenDB(conn)
	if err := quickCheck(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("ibancheck/sqlite: %s: %w", path, err)
	}
	s, err := sqlstore.Open(ctx, db, &dialect)
	if err != nil {
		return nil, fmt.Errorf("%w (file %s)", err, path)
	}
	return &Store{s: s}, nil
}

// header starts every SQLite database file.
var header = []byte("SQLite format 3\x00")

// checkHeader refuses an existing, non-empty file that is not a SQLite database before
// SQLite opens it: nothing, not even a WAL file, is created next to it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil // a new book
	}
	if err != nil {
		return fmt.Errorf("ibancheck/sqlite: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return fmt.Errorf("ibancheck/sqlite: %s is a directory", path)
	}
	buf := make([]byte, len(header))
	n, err := io.ReadFull(f, buf)
	switch {
	case n == 0 && (err == io.EOF):
		return nil // an empty file: SQLite makes it a database
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("ibancheck/sqlite: %s: %w", path, err)
	case !bytes.Equal(buf[:n], header):
		return fmt.Errorf("ibancheck/sqlite: %s: %w", path, ErrCorrupt)
	}
	return nil
}

// quickCheck runs SQLite's PRAGMA quick_check (structure of every page, in O(size)).
func quickCheck(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return mapError(err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return mapError(err)
		}
		if msg != "ok" && len(problems) < 3 {
			problems = append(problems, msg)
		}
	}
	if err := rows.Err(); err != nil {
		return mapError(err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", ErrCorrupt, strings.Join(problems, "; "))
	}
	return nil
}

// mapError names SQLite's corruption errors ErrCorrupt.
func mapError(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
	}
	return err
}

// Events implements [payee.Store].
func (s *Store) Events(ctx context.Context, payee string) ([]payee.Event, error) {
	return s.s.Events(ctx, payee)
}

// Append implements [payee.Store].
func (s *Store) Append(ctx context.Context, e payee.Event) (payee.Event, error) {
	return s.s.Append(ctx, e)
}

// AppendAll appends events in one transaction, all or none: the fast way to import a
// book. It returns them as stored.
func (s *Store) AppendAll(ctx context.Context, events []payee.Event) ([]payee.Event, error) {
	return s.s.AppendAll(ctx, events)
}

// SchemaVersion returns the version of the schema in the file.
func (s *Store) SchemaVersion() int { return s.s.SchemaVersion() }

// Close closes the file. Later calls fail with [payee.ErrClosed].
func (s *Store) Close() error { return s.s.Close() }
