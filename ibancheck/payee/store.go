package payee

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// EventKind says what an Event records.
type EventKind string

const (
	// Confirmed: a person checked this IBAN with the payee (by phone, on the number they
	// already knew) and recorded it. It becomes the payee's current IBAN.
	Confirmed EventKind = "confirm"
	// Revoked: this IBAN must no longer be paid (account closed, found to be fraudulent).
	Revoked EventKind = "revoke"
)

// Event is one line of a payee's history. The history is append-only: a Store never
// changes nor deletes an event, so it tells every IBAN a payee ever had, when and by whom
// it was confirmed, and when and by whom it was revoked.
type Event struct {
	Payee string    // the payee's identifier in the application (supplier id, contact id, ...)
	Seq   int64     // position in the payee's history, from 1, without gaps; set by the Store
	Kind  EventKind // Confirmed or Revoked
	IBAN  string    // electronic form: "FR7630006000011234567890189"
	Name  string    // the account holder's name, as confirmed (Confirmed only)
	By    string    // who confirmed or revoked it
	At    time.Time // when, to the microsecond, in UTC; never before the previous event's
}

// Store keeps the payee book: the history of every payee. Implementations are safe for
// concurrent use; this package has an in-memory one ([NewMemoryStore]), and the packages
// sqlitestore and pgstore keep it in SQLite and PostgreSQL. The conformance suite in
// package storetest states the contract; every implementation must pass it.
type Store interface {
	// Events returns the payee's history, oldest first, or an empty history for a payee
	// the store has never seen. An error means the history could not be read (the store
	// is down, closed, corrupted, or ctx is done): it never means "no history".
	Events(ctx context.Context, payee string) ([]Event, error)

	// Append adds e at the end of its payee's history and returns it as stored: with the
	// next Seq, and At raised to the previous event's time if it was earlier (so that the
	// history reads in time order). Concurrent appends to one payee are serialised: none
	// is lost, and Seq has no gap nor duplicate.
	Append(ctx context.Context, e Event) (Event, error)
}

// BatchAppender is implemented by the stores that can append many events in one
// transaction (all of this module's): the fast way to import an existing book.
type BatchAppender interface {
	AppendAll(ctx context.Context, events []Event) ([]Event, error)
}

// ErrClosed is returned by a Store used after Close.
var ErrClosed = errors.New("payee: store is closed")

// eventPrecision is the time precision every store keeps (PostgreSQL's timestamps).
const eventPrecision = time.Microsecond

// Validate reports whether e can be appended: a payee, a known kind, an IBAN, and for a
// confirmation the holder's name; and who did it. Stores call it in Append.
func (e Event) Validate() error {
	switch {
	case e.Payee == "":
		return errors.New("payee: event without payee")
	case e.Kind != Confirmed && e.Kind != Revoked:
		return fmt.Errorf("payee: unknown event kind %q", e.Kind)
	case e.IBAN == "":
		return errors.New("payee: event without IBAN")
	case e.Kind == Confirmed && e.Name == "":
		return errors.New("payee: confirmation without the holder's name")
	case e.By == "":
		return errors.New("payee: event without its author (By)")
	case e.At.IsZero():
		return errors.New("payee: event without time")
	}
	return nil
}
