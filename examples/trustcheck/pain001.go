package main

import (
	"context"
	"io"

	"github.com/trustreflex/trustreflex/ibancheck/pain001"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/internal/regularfile"
	"github.com/trustreflex/trustreflex/reflex"
)

func pain001Command() command {
	return command{
		name:    "pain001",
		summary: cliText{"vérifier un fichier de virements (pain.001) avant de l'envoyer", "audit a bank transfer file (pain.001) before sending it"},
		usage:   cliText{fr: pain001HelpFR, en: pain001HelpEN},
		run:     runPain001,
	}
}

func runPain001(ctx context.Context, a *app, cmd *command, args []string) int {
	f := newFlags(cmd)
	var b bookFlags
	b.register(f, false)
	subjects, code, done := f.parse(a, args)
	if done {
		return code
	}
	var book *payee.Book
	var bookErr error
	if b.book != "" {
		store, err := openPayeeBook(ctx, b.book, bookCheck)
		if err != nil {
			bookErr = err
		} else {
			defer store.Close()
			book = payee.NewBook(store)
		}
	}
	return a.check(ctx, f, subjects, checkRun{
		src: func(ctx context.Context, path string, emit func(outcome)) {
			if bookErr != nil {
				emit(outcome{report: reflex.Report{Subject: path, Kind: reflex.KindFile}, err: bookErr})
				return
			}
			auditFile(ctx, book, path, emit)
		},
		workers: 2,
		kind:    reflex.KindFile,
	})
}

// auditFile emits the report of every transfer of the file, then the file's.
func auditFile(ctx context.Context, book *payee.Book, path string, emit func(outcome)) {
	fail := func(err error) { emit(outcome{report: reflex.Report{Subject: path, Kind: reflex.KindFile}, err: err}) }
	var r io.Reader
	file, err := regularfile.Open(path)
	if err != nil {
		fail(err)
		return
	}
	defer file.Close()
	r = file
	doc, err := pain001.Parse(r)
	if err != nil {
		fail(err)
		return
	}
	audit, err := pain001.Audit(ctx, doc, book)
	if err != nil {
		fail(err)
		return
	}
	for _, t := range audit.Transfers {
		emit(outcome{report: t})
	}
	audit.Summary.Subject = path
	emit(outcome{report: audit.Summary})
}
