package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os/user"
	"strings"
	"time"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/bookopen"
	"github.com/trustreflex/trustreflex/reflex"
)

// bookFlags are the payee book flags of the iban and pain001 subcommands.
type bookFlags struct {
	book    string
	payee   string
	name    string
	bic     string
	by      string
	confirm bool
	revoke  bool
}

// register defines the book flags on f; withPayee adds those of one payee (iban).
func (b *bookFlags) register(f *flags, withPayee bool) {
	f.StringVar(&b.book, "book", "", "payee book: a SQLite file, or a postgres:// URL")
	if !withPayee {
		return
	}
	f.StringVar(&b.payee, "payee", "", "payee identifier in the book")
	f.StringVar(&b.name, "name", "", "account holder's name, to compare (or to record with --confirm)")
	f.StringVar(&b.bic, "bic", "", "BIC given with the IBAN, to compare with its country")
	f.BoolVar(&b.confirm, "confirm", false, "record the IBAN as verified for the payee")
	f.BoolVar(&b.revoke, "revoke", false, "record that the IBAN must no longer be paid to the payee")
	f.StringVar(&b.by, "by", "", "who verified it, for --confirm and --revoke (default: the OS user)")
}

// validate reports the misuse of the iban book flags, for a usage error (ok false).
func (b *bookFlags) validate(subjects []string) (cliText, bool) {
	switch {
	case b.book == "" && (b.payee != "" || b.name != "" || b.bic != "" || b.confirm || b.revoke || b.by != ""):
		return msgBookFlagsNeedBook, false
	case b.book != "" && b.payee == "":
		return msgBookNeedsPayee, false
	case b.confirm && b.revoke:
		return msgConfirmOrRevoke, false
	case b.confirm && strings.TrimSpace(b.name) == "":
		return msgConfirmNeedsName, false
	case (b.confirm || b.revoke) && (len(subjects) != 1 || subjects[0] == "-"):
		return msgRecordOneIBAN, false
	}
	return cliText{}, true
}

// bookUse says what a command does with the --book store.
type bookUse int

const (
	bookCheck  bookUse = iota // read only: never writes, a non-book file is an error
	bookWrite                 // record in an existing book (--revoke)
	bookCreate                // record, creating the SQLite file if missing (--confirm)
)

// openPayeeBook opens the --book store (bookopen.Open). A check opens it read-only: it
// never writes (not even a schema into an empty file), a file that is not a book is
// "could not check" (sqlitestore.ErrNotBook), it does not wait for a writer and works
// in a read-only folder. A SQLite file is created only by --confirm: a check that names
// a missing file gets bookopen.ErrNoBook, whose text (reflex.TextNoBook) says to check
// the path (a typo must not read as "every payee is new").
func openPayeeBook(ctx context.Context, book string, use bookUse) (bookopen.Store, error) {
	var opts []bookopen.Option
	switch use {
	case bookCheck:
		opts = append(opts, bookopen.WithReadOnly())
	case bookCreate:
		opts = append(opts, bookopen.WithCreate())
	}
	return bookopen.Open(ctx, book, opts...)
}

// payeeBookAuthor is the default author of a confirmation: the OS user.
func payeeBookAuthor(getenv func(string) string) string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, k := range []string{"USER", "LOGNAME", "USERNAME"} {
		if v := getenv(k); v != "" {
			return v
		}
	}
	return ""
}

// runPayeeRecord confirms or revokes one IBAN for a payee and prints the recorded event.
func runPayeeRecord(ctx context.Context, a *app, f *flags, b *bookFlags, iban string) int {
	by := b.by
	if by == "" {
		by = payeeBookAuthor(a.io.getenv)
	}
	if by == "" {
		a.usageError(msgWhoAreYou)
		return exitUsage
	}
	if _, err := ibancheck.Parse(iban); err != nil {
		a.failure(msgInvalidIBAN, ibancheck.Mask(iban))
		return exitUsage
	}
	use := bookWrite
	if b.confirm {
		use = bookCreate
	}
	store, err := openPayeeBook(ctx, b.book, use)
	if err != nil {
		a.errorLine(err)
		return exitUnchecked
	}
	defer store.Close()
	book := payee.NewBook(store)
	var e payee.Event
	if b.confirm {
		e, err = book.Confirm(ctx, b.payee, iban, b.name, by)
	} else {
		e, err = book.Revoke(ctx, b.payee, iban, by)
	}
	if err != nil {
		a.errorLine(err)
		return exitUnchecked
	}
	masked := ibancheck.Mask(e.IBAN)
	if f.json {
		line, _ := json.Marshal(struct {
			Payee string    `json:"payee"`
			Seq   int64     `json:"seq"`
			Kind  string    `json:"kind"`
			IBAN  string    `json:"iban"`
			Name  string    `json:"name,omitempty"`
			By    string    `json:"by"`
			At    time.Time `json:"at"`
		}{e.Payee, e.Seq, string(e.Kind), masked, e.Name, e.By, e.At})
		fmt.Fprintf(a.io.out, "%s\n", line)
		return exitOK
	}
	msg := msgRevoked
	if b.confirm {
		msg = msgConfirmed
	}
	name := ""
	if e.Name != "" {
		name = " (" + reflex.Printable(e.Name) + ")"
	}
	fmt.Fprintln(a.io.out, fmt.Sprintf(msg.in(a.lang), masked, reflex.Printable(e.Payee), name, reflex.Printable(e.By), e.Seq))
	return exitOK
}
