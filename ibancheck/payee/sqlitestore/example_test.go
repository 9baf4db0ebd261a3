package sqlitestore_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/sqlitestore"
)

func Example() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	ctx := context.Background()

	store, err := sqlitestore.Open(ctx, filepath.Join(dir, "payees.db")) // created on first use
	if err != nil {
		fmt.Println(err) // sqlitestore.ErrCorrupt for a damaged file, left untouched
		return
	}
	defer store.Close()
	book := payee.NewBook(store)
	if _, err := book.Confirm(ctx, "F-0042", "FR7630006000011234567890189", "Minoterie du Rhône SAS", "marie"); err != nil {
		fmt.Println(err)
		return
	}
	r, err := book.Check(ctx, ibancheck.Payment{PayeeID: "F-0042", IBAN: "FR76 3000 6000 0112 3456 7890 189"})
	if err != nil {
		fmt.Println(err) // could not read the book: never "unchanged"
		return
	}
	fmt.Println(r.Verdict(), r.Findings[0].Code)

	// Another file that is not a database: reported, not overwritten.
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("payee;iban\n"), 0o600)
	_, err = sqlitestore.Open(ctx, notes)
	fmt.Println(errors.Is(err, sqlitestore.ErrCorrupt))
	// Output:
	// ok iban.unchanged
	// true
}
