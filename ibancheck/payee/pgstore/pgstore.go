// Package pgstore is a payee book store ([payee.Store]) in PostgreSQL, for a server
// shared by many application instances: every instance opens the same database, and
// concurrent confirmations from any of them are serialised per payee by a row lock, so
// that none is lost and the history stays gapless and in time order. The schema is
// migrated on Open, under an advisory lock, and its version recorded in a table.
//
// Call [Open], then give the store to [payee.NewBook]:
//
//	store, err := pgstore.Open(ctx, "postgres://app@db.internal/compta")
//	if err != nil { ... }
//	defer store.Close()
//	book := payee.NewBook(store)
//
// The tables go in the connection's search_path (add ?search_path=myschema to the URL
// to choose). It lives in its own package so that applications that do not use
// PostgreSQL do not link its driver.
package pgstore

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/internal/sqlstore"
)

// ErrNewerSchema means the database was migrated by a newer version of this library.
var ErrNewerSchema = sqlstore.ErrNewerSchema

// Store is a [payee.Store] in PostgreSQL. It is safe for concurrent use.
type Store struct {
	s *sqlstore.Store
}

var _ payee.Store = (*Store)(nil)

// maxConns bounds the connections one Store opens.
const maxConns = 16

// Open connects to the database at url ("postgres://user@host:port/db?sslmode=...", or
// the key=value form), checks that it answers, and migrates the schema. A server that
// does not answer gives an error: the book is never read as empty.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		// pgx's message may quote the URL, password included: keep only the cause.
		return nil, fmt.Errorf("ibancheck/postgres: invalid connection URL")
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("ibancheck/postgres: %s:%d: %w", cfg.Host, cfg.Port, err)
	}
	s, err := sqlstore.Open(ctx, db, &dialect)
	if err != nil {
		return nil, err
	}
	return &Store{s: s}, nil
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

// SchemaVersion returns the version of the schema in the database.
func (s *Store) SchemaVersion() int { return s.s.SchemaVersion() }

// Close closes the connections. Later calls fail with [payee.ErrClosed].
func (s *Store) Close() error { return s.s.Close() }
