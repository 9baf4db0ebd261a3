package pgstore_test

import (
	"context"
	"fmt"

	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/pgstore"
)

// Open the book of an application's database. A URL that does not parse, or a server
// that does not answer, is an error that never shows the password.
func ExampleOpen() {
	ctx := context.Background()
	store, err := pgstore.Open(ctx, "postgres://app:s3cret@db.internal:54e2/compta") // a typo in the port
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	book := payee.NewBook(store)
	_ = book // book.Check, book.Confirm, ... as with any store
	// Output: ibancheck/postgres: invalid connection URL
}
