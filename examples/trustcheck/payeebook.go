package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/user"
	"strings"
	"time"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/bookopen"
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

// validate reports the misuse of the iban book flags, for a usage error.
func (b *bookFlags) validate(subjects []string) error {
	switch {
	case b.book == "" && (b.payee != "" || b.name != "" || b.bic != "" || b.confirm || b.revoke || b.by != ""):
		return errors.New("--payee, --name, --bic, --confirm, --revoke and --by need --book")
	case b.book != "" && b.payee == "":
		return errors.New("--book needs --payee: the payee the IBAN is for")
	case b.confirm && b.revoke:
		return errors.New("--confirm or --revoke, not both")
	case b.confirm && strings.TrimSpace(b.name) == "":
		return errors.New("--confirm needs --name: the account holder's name")
	case (b.confirm || b.revoke) && (len(subjects) != 1 || subjects[0] == "-"):
		return errors.New("--confirm and --revoke record exactly one IBAN, given as an argument")
	}
	return nil
}

// openPayeeBook opens the --book store (bookopen.Open). A SQLite file is created only
// when create is set: a check that names a missing file gets bookopen.ErrNoBook, whose
// text (reflex.TextNoBook) says to check the path (a typo must not read as "every
// payee is new").
func openPayeeBook(ctx context.Context, book string, create bool) (bookopen.Store, error) {
	var opts []bookopen.Option
	if create {
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
		a.usageError(f.cmd.name + ": cannot tell who you are: give --by NAME")
		return exitUsage
	}
	if _, err := ibancheck.Parse(iban); err != nil {
		fmt.Fprintf(a.io.err, "%s: %s: %s is not a valid IBAN (%v): nothing recorded\n", programName, f.cmd.name, ibancheck.Mask(iban), err)
		return exitUsage
	}
	store, err := openPayeeBook(ctx, b.book, b.confirm)
	if err != nil {
		fmt.Fprintf(a.io.err, "%s: %s: %v\n", programName, f.cmd.name, err)
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
		fmt.Fprintf(a.io.err, "%s: %s: %v\n", programName, f.cmd.name, err)
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
	what := map[bool]string{true: "confirmed", false: "revoked"}[b.confirm]
	fmt.Fprintf(a.io.out, "%s %s for payee %q", masked, what, e.Payee)
	if e.Name != "" {
		fmt.Fprintf(a.io.out, " (%s)", e.Name)
	}
	fmt.Fprintf(a.io.out, " by %s, entry %d of its history\n", e.By, e.Seq)
	return exitOK
}
