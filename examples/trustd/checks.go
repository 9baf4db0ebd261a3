package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/trustreflex/trustreflex/docstore"
	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/bookopen"
	"github.com/trustreflex/trustreflex/messagecheck"
	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck"
)

// demoPayee is a payee of the demo book, listed in the transfer page.
type demoPayee struct {
	ID, Name, IBAN string
	Role           map[string]string // by language: "propriétaire", "landlord"
}

// payeeOption is one choice of the transfer page's payee list.
type payeeOption struct{ ID, Label string }

// demoPayees are confirmed in the in-memory book (and with --seed-demo in a book file),
// so that the transfer page's scenes work out of the box.
var demoPayees = []demoPayee{
	{"proprietaire", "Jean Martin", "FR7630006000011234567890189", map[string]string{"fr": "propriétaire", "en": "landlord"}},
	{"energie", "Énergie Exemple SA", "FR7630004000031234567890143", map[string]string{"fr": "fournisseur d'énergie", "en": "energy supplier"}},
}

// buildChecks makes the checks and opens the payee book: --book as the CLI's (a SQLite
// file, which must exist unless --seed-demo creates it, or a postgres:// URL;
// bookopen.Open) or, without it, a book in memory with the demo payees. It returns the
// payees to list in the demo and a function that closes the book.
func buildChecks(o options) (checks, []demoPayee, func(), error) {
	ctx := context.Background()
	var store payee.Store = payee.NewMemoryStore()
	closeBook := func() {}
	seed := o.book == "" || o.seedDemo
	if o.book != "" {
		var opts []bookopen.Option
		if o.seedDemo {
			opts = append(opts, bookopen.WithCreate())
		}
		s, err := bookopen.Open(ctx, o.book, opts...)
		if err != nil {
			return checks{}, nil, nil, fmt.Errorf("trustd: payee book: %w", err)
		}
		store, closeBook = s, func() { _ = s.Close() }
	}
	book := payee.NewBook(store)
	if seed {
		if err := seedDemo(ctx, book); err != nil {
			closeBook()
			return checks{}, nil, nil, err
		}
	}
	urls := urlcheck.New()
	c := checks{
		url: urls,
		urlFor: func(ctx context.Context, url, procedure string) (reflex.Report, error) {
			r, err := urls.CheckFor(ctx, url, procedure)
			if errors.Is(err, urlcheck.ErrUnknownProcedure) {
				return r, errorf(http.StatusBadRequest, "for: unknown procedure %q (see GET /v1/procedures)", procedure)
			}
			return r, err
		},
		procedures: urls.Procedures,
		iban:       ibancheck.New(),
		file:       docstore.NewInspector().InspectReader,
		message:    messagecheck.New(messagecheck.WithURLChecker(urls)),
		payment: func(ctx context.Context, req paymentRequest) (reflex.Report, error) {
			return book.Check(ctx, ibancheck.Payment{PayeeID: req.Payee, Name: req.Name, IBAN: req.Subject, BIC: req.BIC})
		},
	}
	return c, demoPayees, closeBook, nil
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
