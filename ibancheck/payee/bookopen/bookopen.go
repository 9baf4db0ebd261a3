// Package bookopen opens the store of a payee book from what a person or a config
// file gives: a SQLite file path ("payees.db") or a PostgreSQL URL
// ("postgres://app@db.internal/compta"). It is how the trustcheck CLI and trustd open
// their --book, with the same guard: a missing file is refused unless the caller asks
// to create it, because a mistyped path must not give an empty book, in which every
// payee reads as new.
//
// Call [Open], then give the store to [payee.NewBook]:
//
//	store, err := bookopen.Open(ctx, target) // errors.Is(err, bookopen.ErrNoBook): no book there
//	if err != nil { ... }
//	defer store.Close()
//	book := payee.NewBook(store)
//
// Only the command that records the first payee should pass [WithCreate].
//
// It links both database drivers; an application that uses one only can import
// package sqlitestore or pgstore instead, which this package wraps.
package bookopen

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/pgstore"
	"github.com/trustreflex/trustreflex/ibancheck/payee/sqlitestore"
	"github.com/trustreflex/trustreflex/reflex"
)

// Store is an opened payee book store: it keeps the history (payee.Store), imports a
// book in one transaction (payee.BatchAppender), and must be closed.
type Store interface {
	payee.Store
	payee.BatchAppender
	io.Closer
}

var (
	_ Store = (*sqlitestore.Store)(nil)
	_ Store = (*pgstore.Store)(nil)
)

// ErrNoBook is the error of Open for a SQLite file that does not exist, when
// [WithCreate] was not given. It also matches fs.ErrNotExist. It is a [reflex.Problem]:
// reflex.ErrorText tells the person, in their language, to check the path.
var ErrNoBook = &reflex.Problem{ID: reflex.TextNoBook, Err: fmt.Errorf("bookopen: no payee book there (%w)", fs.ErrNotExist)}

// Option configures Open.
type Option func(*options)

type options struct {
	create   bool
	readOnly bool
}

// WithCreate makes Open create a SQLite file that does not exist, as the first
// confirmation of a payee does. A PostgreSQL database must exist already; the book's
// tables are created in it by any Open (pgstore migrates its schema).
func WithCreate() Option { return func(o *options) { o.create = true } }

// WithReadOnly opens a SQLite book to check payments only (sqlitestore.WithReadOnly): the
// file is never written, not even a schema; a file that is not a book (an empty file,
// another kind of file) gives an error matching sqlitestore.ErrNotBook, whose text says
// that nothing could be compared; checks do not wait for a writer, and work in a
// read-only folder. WithCreate is then ignored. A PostgreSQL book is opened as usual.
func WithReadOnly() Option { return func(o *options) { o.readOnly = true } }

// IsURL reports whether target names a PostgreSQL database (postgres:// or
// postgresql://, any case) rather than a SQLite file.
func IsURL(target string) bool {
	for _, scheme := range []string{"postgres://", "postgresql://"} {
		if len(target) >= len(scheme) && strings.EqualFold(target[:len(scheme)], scheme) {
			return true
		}
	}
	return false
}

// Open opens the payee book store at target: a PostgreSQL URL (see [IsURL]) with
// pgstore.Open, otherwise a SQLite file path with sqlitestore.Open. A file that does
// not exist gives [ErrNoBook], and is created only [WithCreate]. The errors of the
// stores come through: sqlitestore.ErrCorrupt for a file that is not a book (left
// untouched), a server that does not answer. An error never names a URL's password.
func Open(ctx context.Context, target string, opts ...Option) (Store, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if target == "" {
		return nil, errors.New("bookopen: no payee book given (a SQLite file path or a postgres:// URL)")
	}
	if IsURL(target) {
		s, err := pgstore.Open(ctx, target)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	if !o.create || o.readOnly {
		if _, err := os.Stat(target); errors.Is(err, fs.ErrNotExist) {
			return nil, &reflex.Problem{ID: reflex.TextNoBook, Params: map[string]string{"path": target}, Err: fmt.Errorf("%s: %w", target, ErrNoBook)}
		}
	}
	var sopts []sqlitestore.Option
	if o.readOnly {
		sopts = append(sopts, sqlitestore.WithReadOnly())
	}
	s, err := sqlitestore.Open(ctx, target, sopts...)
	if err != nil {
		return nil, err
	}
	return s, nil
}
