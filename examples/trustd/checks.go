package main

import (
	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/messagecheck"
)

// demoPayee is a payee of the demo book, shown in the transfer page.
type demoPayee struct {
	ID, Name, IBAN string
	Role           map[string]string // by language: "propriétaire", "landlord"
}

// payeeOption is one choice of the transfer page's payee list.
type payeeOption struct{ ID, Label string }

// demoPayees seed the in-memory book (--memory-book), so that the transfer page's
// scenes work out of the box.
var demoPayees = []demoPayee{
	{"proprietaire", "Jean Martin", "FR7630006000011234567890189", map[string]string{"fr": "propriétaire", "en": "landlord"}},
	{"energie", "Énergie Exemple SA", "FR7630004000031234567890143", map[string]string{"fr": "fournisseur d'énergie", "en": "energy supplier"}},
}

func defaultBookPath() string { return "" }

// buildChecks makes the checks from the options: the payee book to open, and returns
// the payees to list in the demo and a function that closes the book.
func buildChecks(o options) (checks, []demoPayee, func(), error) {
	c := checks{
		iban:    ibancheck.New(),
		message: messagecheck.New(),
	}
	return c, demoPayees, func() {}, nil
}
