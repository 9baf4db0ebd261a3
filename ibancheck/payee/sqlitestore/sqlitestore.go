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
	"github.com/trustreflex/trustreflex/internal/regularfile"
	"github.com/trustreflex/trustreflex/reflex"
)

// ErrCorrupt means the file is not a SQLite database, or a damaged one. The store never
// writes to such a file: move it aside and restore a backup.
var ErrCorrupt = &reflex.Problem{ID: reflex.TextNotABook, Err: errors.New("the file is not a valid SQLite database (corrupted?); it was left untouched")}

// ErrNewerSchema means the file was written by a newer version of this library.
var ErrNewerSchema = sqlstore.ErrNewerSchema

// ErrNotBook is the error of a read-only [Open] ([WithReadOnly]) for a file that holds no
// payee book: an empty file, a file of another kind, a SQLite database of another
// application. A check must say it could not check, never that every payee is new. It
// is a [reflex.Problem] whose text names the path.
var ErrNotBook = &reflex.Problem{ID: reflex.TextNotABook, Err: errors.New("the file holds no payee book")}

// ErrReadOnly is the error of Append and AppendAll on a store opened [WithReadOnly].
var ErrReadOnly = sqlstore.ErrReadOnly

// Option configures [Open].
type Option func(*options)

type options struct {
	readOnly bool
}

// WithReadOnly opens the book to check payments only: the file is never written (no
// schema is created, nothing is migrated; Append fails with [ErrReadOnly]), a file that
// is not a book gives [ErrNotBook], and reading does not wait for a writer (WAL). It
// works in a read-only folder. A missing file gives an error matching fs.ErrNotExist.
func WithReadOnly() Option { return func(o *options) { o.readOnly = true } }

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
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if path == "" || strings.ContainsAny(path, "?#") || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("ibancheck/sqlite: %q: want a plain file path (no '?', '#' nor file: URI)", path)
	}
	if o.readOnly {
		return openReadOnly(ctx, path)
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

// openReadOnly opens the book at path for reading only (see WithReadOnly).
func openReadOnly(ctx context.Context, path string) (*Store, error) {
	notBook := func(err error) error {
		return &reflex.Problem{ID: ErrNotBook.ID, Params: map[string]string{"path": path},
			Err: fmt.Errorf("ibancheck/sqlite: %s: %w: %w", path, ErrNotBook, err)}
	}
	f, err := regularfile.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ibancheck/sqlite: %w", err)
	}
	buf := make([]byte, len(header))
	n, err := io.ReadFull(f, buf)
	f.Close()
	switch {
	case n == 0 && err == io.EOF:
		return nil, notBook(errors.New("empty file"))
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return nil, fmt.Errorf("ibancheck/sqlite: %s: %w", path, err)
	case !bytes.Equal(buf[:n], header):
		return nil, notBook(errors.New("not a SQLite database"))
	}
	// A file: URI, so that SQLite takes mode=ro: it opens the file read-only and never
	// creates it. Readers of a WAL database take no lock that a writer holds.
	uri := "file:" + strings.ReplaceAll(path, "%", "%25") + "?mode=ro" +
		fmt.Sprintf("&_pragma=busy_timeout(%d)&_pragma=query_only(1)", busyTimeout.Milliseconds())
	db, err := openChecked(ctx, uri)
	if err != nil && isReadOnlyFolder(err) {
		// A WAL database in a folder this user cannot write: SQLite cannot make the
		// shared-memory file readers need. Unless a writer left changes in the WAL file
		// (which immutable would not read), read the database as immutable.
		if fi, werr := os.Stat(path + "-wal"); werr == nil && fi.Size() > 0 {
			return nil, fmt.Errorf("ibancheck/sqlite: %s: the book has changes not yet written back (a -wal file) in a folder this user cannot write: %w", path, err)
		}
		db, err = openChecked(ctx, uri+"&immutable=1")
	}
	if err != nil {
		return nil, fmt.Errorf("ibancheck/sqlite: %s: %w", path, err)
	}
	s, err := sqlstore.OpenReadOnly(ctx, db, &dialect)
	if errors.Is(err, sqlstore.ErrNoSchema) {
		return nil, notBook(err)
	}
	if err != nil {
		return nil, fmt.Errorf("%w (file %s)", err, path)
	}
	return &Store{s: s}, nil
}

// openChecked opens the database at dsn and runs the quick integrity check.
func openChecked(ctx context.Context, dsn string) (*sql.DB, error) {
	conn, err := sqlite.NewConnector(dsn)
	if err != nil {
		return nil, mapError(err)
	}
	db := sql.OpenDB(conn)
	if err := quickCheck(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// isReadOnlyFolder reports SQLite's errors for a WAL database whose shared-memory file
// cannot be made: SQLITE_READONLY_DIRECTORY, SQLITE_CANTOPEN.
func isReadOnlyFolder(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_READONLY_DIRECTORY || se.Code()&0xff == sqlite3.SQLITE_CANTOPEN)
}

// isNoTable reports SQLite's "no such table" error.
func isNoTable(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && strings.Contains(se.Error(), "no such table")
}

// header starts every SQLite database file.
var header = []byte("SQLite format 3\x00")

// checkHeader refuses an existing, non-empty file that is not a SQLite database before
// SQLite opens it: nothing, not even a WAL file, is created next to it.
func checkHeader(path string) error {
	f, err := regularfile.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil // a new book
	}
	if err != nil {
		return fmt.Errorf("ibancheck/sqlite: %w", err)
	}
	defer f.Close()
	buf := make([]byte, len(header))
	n, err := io.ReadFull(f, buf)
	switch {
	case n == 0 && (err == io.EOF):
		return nil // an empty file: SQLite makes it a database
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("ibancheck/sqlite: %s: %w", path, err)
	case !bytes.Equal(buf[:n], header):
		return &reflex.Problem{ID: reflex.TextNotABook, Params: map[string]string{"path": path}, Err: fmt.Errorf("ibancheck/sqlite: %s: %w", path, ErrCorrupt)}
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
