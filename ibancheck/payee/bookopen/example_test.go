package bookopen_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/bookopen"
)

// Open the book named by a --book flag: a mistyped path is refused, and only the
// command that records a payee creates the file.
func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "bookopen")
	defer os.RemoveAll(dir)
	target := filepath.Join(dir, "payees.db") // or "postgres://app@db.internal/compta"

	_, err := bookopen.Open(ctx, target)
	fmt.Println("check before any payee:", errors.Is(err, bookopen.ErrNoBook))

	store, err := bookopen.Open(ctx, target, bookopen.WithCreate())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	book := payee.NewBook(store)
	e, err := book.Confirm(ctx, "F-0042", "FR76 3000 6000 0112 3456 7890 189", "Minoterie du Rhône", "marie")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("confirmed, entry", e.Seq)
	// Output:
	// check before any payee: true
	// confirmed, entry 1
}
