package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/trustreflex/trustreflex/docstore"
	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/bookopen"
	"github.com/trustreflex/trustreflex/messagecheck"
	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck"
)

// checks are the checks the server runs. Each is an interface or a function value so
// that the handlers stay the same whatever the checks are built from.
type checks struct {
	url        reflex.Checker
	urlFor     func(ctx context.Context, url, procedure string) (reflex.Report, error)
	iban       reflex.Checker
	message    reflex.Checker
	payment    func(ctx context.Context, req paymentRequest) (reflex.Report, error)
	file       func(ctx context.Context, name string, r io.ReaderAt, size int64) (reflex.Report, error)
	procedures func() []urlcheck.Procedure // GET /v1/procedures, in their one JSON form

	book       *payee.Book                     // the payee API's book; nil without one
	ready      func(ctx context.Context) error // nil: always ready
	bookErrors *prometheus.CounterVec          // the book's errors, by operation (/metrics)
}

// demoPayee is a payee of the demo book, listed in the transfer page.
type demoPayee struct {
	ID, Name, IBAN string
	Role           map[string]string // by language: "propriétaire", "landlord"
}

// payeeOption is one choice of the transfer page's payee list.
type payeeOption struct{ ID, Label string }

// demoPayees are confirmed in the demo book (and with --seed-demo in a book file), so
// that the transfer page's scenes work out of the box.
var demoPayees = []demoPayee{
	{"proprietaire", "Jean Martin", "FR7630006000011234567890189", map[string]string{"fr": "propriétaire", "en": "landlord"}},
	{"energie", "Énergie Exemple SA", "FR7630004000031234567890143", map[string]string{"fr": "fournisseur d'énergie", "en": "energy supplier"}},
}

// bookRetryAfter is the Retry-After, in seconds, of an answer the book could not give.
const bookRetryAfter = 5

// bookError is an error of the payee book's store: it could not be read or written
// (PostgreSQL down, a locked or damaged file). The handlers answer it 503 with
// Retry-After and the person reads that the book does not answer: never a verdict.
type bookError struct {
	op  string // "read" or "append"
	err error
}

func (e *bookError) Error() string { return "payee book: " + e.op + ": " + e.err.Error() }
func (e *bookError) Unwrap() error { return e.err }

// Text is what a person reads: the book does not answer (reflex.TextError).
func (e *bookError) Text() reflex.Text { return reflex.Text{ID: reflex.TextServerBookDown} }

func bookDown(err error) *httpError {
	return &httpError{status: http.StatusServiceUnavailable, text: reflex.Text{ID: reflex.TextServerBookDown}, retryAfter: bookRetryAfter, err: err}
}

// watchedStore is the payee book's store as trustd uses it: every error is a
// *bookError, counted for /metrics. It keeps nothing in memory: each check reads the
// store, so that instances sharing one PostgreSQL book see each other's confirmations
// at once, and an unreachable book is an error, never a stale "unchanged".
type watchedStore struct {
	payee.Store
	errs *prometheus.CounterVec
}

func (w watchedStore) fail(op string, err error) error {
	if errors.Is(err, context.Canceled) {
		return err // the caller went away: not the book's fault
	}
	w.errs.WithLabelValues(op).Inc()
	return &bookError{op: op, err: err}
}

func newBookErrors() *prometheus.CounterVec {
	return prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "trustd_book_errors_total",
		Help: "Errors of the payee book's store (read or append): PostgreSQL or the file did not answer.",
	}, []string{"op"})
}

func (w watchedStore) Events(ctx context.Context, id string) ([]payee.Event, error) {
	h, err := w.Store.Events(ctx, id)
	if err != nil {
		return nil, w.fail("read", err)
	}
	return h, nil
}

func (w watchedStore) Append(ctx context.Context, e payee.Event) (payee.Event, error) {
	e, err := w.Store.Append(ctx, e)
	if err != nil {
		return e, w.fail("append", err)
	}
	return e, nil
}

// readyProbe is the payee whose history /readyz reads: one round trip to the book.
const readyProbe = "trustd:readiness-probe"

// buildChecks makes the checks and opens the payee book: --book as the CLI's (a SQLite
// file, which must exist unless --seed-demo creates it, or a postgres:// URL;
// bookopen.Open), or with --demo a book in memory with the demo payees, or no book. It
// returns the payees to list in the demo and a function that closes the book.
func buildChecks(o options) (checks, []demoPayee, func(), error) {
	ctx := context.Background()
	var store payee.Store
	closeBook := func() {}
	switch {
	case o.book != "":
		var opts []bookopen.Option
		if o.seedDemo {
			opts = append(opts, bookopen.WithCreate())
		}
		s, err := bookopen.Open(ctx, o.book, opts...)
		if err != nil {
			return checks{}, nil, nil, fmt.Errorf("trustd: payee book: %w", err)
		}
		store, closeBook = s, func() { _ = s.Close() }
	case o.demo:
		store = payee.NewMemoryStore()
	}
	urls := urlcheck.New()
	c := checks{
		url: urls,
		urlFor: func(ctx context.Context, url, procedure string) (reflex.Report, error) {
			r, err := urls.CheckFor(ctx, url, procedure)
			if errors.Is(err, urlcheck.ErrUnknownProcedure) {
				return r, problem(http.StatusBadRequest, reflex.TextUnknownProcedure, "procedure", procedure)
			}
			return r, err
		},
		procedures: urls.Procedures,
		iban:       ibancheck.New(),
		file:       docstore.NewInspector().InspectReader,
		message:    messagecheck.New(messagecheck.WithURLChecker(urls)),
		bookErrors: newBookErrors(),
	}
	if store == nil {
		return c, nil, closeBook, nil
	}
	watched := watchedStore{Store: store, errs: c.bookErrors}
	book := payee.NewBook(watched)
	var payees []demoPayee
	if o.demo || o.seedDemo {
		if err := seedDemo(ctx, book); err != nil {
			closeBook()
			return checks{}, nil, nil, err
		}
		payees = demoPayees
	}
	c.book = book
	c.payment = func(ctx context.Context, req paymentRequest) (reflex.Report, error) {
		return book.Check(ctx, ibancheck.Payment{PayeeID: req.Payee, Name: req.Name, IBAN: req.Subject, BIC: req.BIC})
	}
	c.ready = func(ctx context.Context) error {
		_, err := watched.Events(ctx, readyProbe)
		return err
	}
	return c, payees, closeBook, nil
}

// seedDemo confirms the demo payees that the book does not know yet.
func seedDemo(ctx context.Context, book *payee.Book) error {
	for _, p := range demoPayees {
		h, err := book.History(ctx, p.ID)
		if err != nil {
			return fmt.Errorf("trustd: demo payees: %w", err)
		}
		if len(h) > 0 {
			continue
		}
		if _, err := book.Confirm(ctx, p.ID, p.IBAN, p.Name, "trustd demo"); err != nil {
			return fmt.Errorf("trustd: demo payees: %w", err)
		}
	}
	return nil
}
