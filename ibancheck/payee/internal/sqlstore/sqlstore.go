// Package sqlstore is the payee.Store over database/sql shared by the SQLite and
// PostgreSQL stores: one implementation of the contract, with the SQL of each engine in
// a Dialect.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/trustreflex/trustreflex/ibancheck/payee"
)

// Component names the payee book in the schema version table, which other parts of an
// application's database may share.
const Component = "ibancheck.payee-book"

// Dialect holds what differs between engines.
type Dialect struct {
	Name string // "sqlite", "postgres": prefixes errors

	// Lock, if set, runs first in the migration transaction, to serialise the
	// migrations of app instances that start together.
	Lock string
	// SchemaTable creates the version table if it is missing.
	SchemaTable string
	// GetVersion reads the version (parameter: Component); SetVersion upserts it.
	GetVersion, SetVersion string
	// Migrations[i] takes the schema from version i to version i+1.
	Migrations [][]string

	// SelectEvents lists a payee's events by seq (parameter: payee).
	SelectEvents string
	// Bump creates or updates the payee row and returns the new event's seq and time
	// (parameters: payee, time).
	Bump string
	// InsertEvent inserts an event (payee, seq, kind, iban, name, by, at).
	InsertEvent string

	// EncodeTime and DecodeTime convert the event times.
	EncodeTime func(time.Time) any
	DecodeTime func(any) (time.Time, error)
	// MapError lets the engine name its errors (corruption, ...); it may return err.
	MapError func(error) error
	// IsNoTable reports an error that says a table does not exist (OpenReadOnly on a
	// database without the book's schema).
	IsNoTable func(error) bool
}

// Store is a [payee.Store] on a *sql.DB.
type Store struct {
	db      *sql.DB
	d       *Dialect
	closed  atomic.Bool
	events  *sql.Stmt
	bump    *sql.Stmt
	insert  *sql.Stmt
	version int
	// readOnly: opened by OpenReadOnly, Append is refused.
	readOnly bool
}

// Open migrates the schema of db and returns the store. It owns db from then on (Close
// closes it), also when it fails.
func Open(ctx context.Context, db *sql.DB, d *Dialect) (*Store, error) {
	s := &Store{db: db, d: d}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	var err error
	prepare := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = db.PrepareContext(ctx, q)
		return st
	}
	s.events, s.bump, s.insert = prepare(d.SelectEvents), prepare(d.Bump), prepare(d.InsertEvent)
	if err != nil {
		db.Close()
		return nil, s.wrap("prepare", err)
	}
	return s, nil
}

// ErrNoSchema is the error of OpenReadOnly for a database that holds no payee book.
var ErrNoSchema = errors.New("the database holds no payee book")

// ErrReadOnly is the error of Append and AppendAll on a store opened read-only.
var ErrReadOnly = errors.New("the payee book was opened read-only")

// OpenReadOnly returns a store that reads db and never writes to it: no schema is
// created or migrated (a database without the book's schema gives ErrNoSchema, one at
// another version ErrNewerSchema or an error saying to open it for writing once), and
// Append fails with ErrReadOnly. It takes no write lock, so it does not wait for a
// writer. It owns db from then on, also when it fails.
func OpenReadOnly(ctx context.Context, db *sql.DB, d *Dialect) (*Store, error) {
	s := &Store{db: db, d: d, readOnly: true}
	var v int
	err := db.QueryRowContext(ctx, d.GetVersion, Component).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows) || err != nil && d.IsNoTable != nil && d.IsNoTable(err):
		err = ErrNoSchema
	case err != nil:
		err = s.wrap("read version", err)
	case v > len(d.Migrations):
		err = s.wrap("open", fmt.Errorf("%w (schema version %d, this program knows up to %d)", ErrNewerSchema, v, len(d.Migrations)))
	case v < len(d.Migrations):
		err = s.wrap("open", fmt.Errorf("schema version %d: open the book once for writing to upgrade it", v))
	}
	if err == nil {
		s.events, err = db.PrepareContext(ctx, d.SelectEvents)
		if err != nil {
			err = s.wrap("prepare", err)
		}
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	s.version = v
	return s, nil
}

// SchemaVersion returns the schema version the store runs on.
func (s *Store) SchemaVersion() int { return s.version }

func (s *Store) wrap(op string, err error) error {
	if s.d.MapError != nil {
		err = s.d.MapError(err)
	}
	return fmt.Errorf("ibancheck/%s: %s: %w", s.d.Name, op, err)
}

// ErrNewerSchema means the database was migrated by a newer version of this library:
// this one refuses to write to it rather than corrupt it.
var ErrNewerSchema = errors.New("the database schema is newer than this program: upgrade it")

func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap("migrate", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	if s.d.Lock != "" {
		if _, err := tx.ExecContext(ctx, s.d.Lock); err != nil {
			return s.wrap("migrate: lock", err)
		}
	}
	if _, err := tx.ExecContext(ctx, s.d.SchemaTable); err != nil {
		return s.wrap("migrate: version table", err)
	}
	var v int
	switch err := tx.QueryRowContext(ctx, s.d.GetVersion, Component).Scan(&v); {
	case errors.Is(err, sql.ErrNoRows):
		v = 0
	case err != nil:
		return s.wrap("migrate: read version", err)
	}
	if v > len(s.d.Migrations) {
		return s.wrap("migrate", fmt.Errorf("%w (schema version %d, this program knows up to %d)", ErrNewerSchema, v, len(s.d.Migrations)))
	}
	for i := v; i < len(s.d.Migrations); i++ {
		for _, q := range s.d.Migrations[i] {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return s.wrap(fmt.Sprintf("migrate to version %d", i+1), err)
			}
		}
	}
	if v < len(s.d.Migrations) {
		if _, err := tx.ExecContext(ctx, s.d.SetVersion, Component, len(s.d.Migrations)); err != nil {
			return s.wrap("migrate: write version", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return s.wrap("migrate: commit", err)
	}
	s.version = len(s.d.Migrations)
	return nil
}

// Events implements [payee.Store].
func (s *Store) Events(ctx context.Context, payeeID string) ([]payee.Event, error) {
	if s.closed.Load() {
		return nil, payee.ErrClosed
	}
	rows, err := s.events.QueryContext(ctx, payeeID)
	if err != nil {
		return nil, s.wrap("read history", err)
	}
	defer rows.Close()
	var out []payee.Event
	for rows.Next() {
		e := payee.Event{Payee: payeeID}
		var at any
		if err := rows.Scan(&e.Seq, &e.Kind, &e.IBAN, &e.Name, &e.By, &at); err != nil {
			return nil, s.wrap("read history", err)
		}
		if e.At, err = s.d.DecodeTime(at); err != nil {
			return nil, s.wrap("read history", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap("read history", err)
	}
	return out, nil
}

// AppendAll appends events in one transaction: all or none. It is the fast way to
// import a book (each Append is a transaction of its own).
func (s *Store) AppendAll(ctx context.Context, events []payee.Event) ([]payee.Event, error) {
	if s.closed.Load() {
		return nil, payee.ErrClosed
	}
	if s.readOnly {
		return nil, s.wrap("append", ErrReadOnly)
	}
	for _, e := range events {
		if err := e.Validate(); err != nil {
			return nil, err
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.wrap("append", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	bump, insert := tx.StmtContext(ctx, s.bump), tx.StmtContext(ctx, s.insert)
	out := make([]payee.Event, len(events))
	for i, e := range events {
		if out[i], err = s.appendTx(ctx, bump, insert, e); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, s.wrap("append: commit", err)
	}
	return out, nil
}

// Append implements [payee.Store]. The payee row is the lock that serialises the
// appends to one payee: the upsert that bumps its sequence holds it until commit.
func (s *Store) Append(ctx context.Context, e payee.Event) (payee.Event, error) {
	if s.closed.Load() {
		return payee.Event{}, payee.ErrClosed
	}
	if s.readOnly {
		return payee.Event{}, s.wrap("append", ErrReadOnly)
	}
	if err := e.Validate(); err != nil {
		return payee.Event{}, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return payee.Event{}, s.wrap("append", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	if e, err = s.appendTx(ctx, tx.StmtContext(ctx, s.bump), tx.StmtContext(ctx, s.insert), e); err != nil {
		return payee.Event{}, err
	}
	if err := tx.Commit(); err != nil {
		return payee.Event{}, s.wrap("append: commit", err)
	}
	return e, nil
}

// appendTx bumps the payee's row and inserts e, inside a transaction.
func (s *Store) appendTx(ctx context.Context, bump, insert *sql.Stmt, e payee.Event) (payee.Event, error) {
	e.At = e.At.UTC().Truncate(time.Microsecond)
	var at any
	if err := bump.QueryRowContext(ctx, e.Payee, s.d.EncodeTime(e.At)).Scan(&e.Seq, &at); err != nil {
		return payee.Event{}, s.wrap("append", err)
	}
	var err error
	if e.At, err = s.d.DecodeTime(at); err != nil {
		return payee.Event{}, s.wrap("append", err)
	}
	if _, err := insert.ExecContext(ctx, e.Payee, e.Seq, string(e.Kind), e.IBAN, e.Name, e.By, s.d.EncodeTime(e.At)); err != nil {
		return payee.Event{}, s.wrap("append", err)
	}
	return e, nil
}

// Close closes the database. Later calls fail with [payee.ErrClosed].
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	return s.db.Close()
}
