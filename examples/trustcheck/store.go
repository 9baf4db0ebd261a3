package main

import (
	"context"

	"github.com/trustreflex/trustreflex/docstore"
	"github.com/trustreflex/trustreflex/reflex"
)

// storeCommand is "trustcheck store": is this storage really encrypted, and does
// anything sensitive leak? One report per file, then one per PATH.
func storeCommand() command {
	return command{
		name:    "store",
		summary: cliText{"ce fichier ou ce dossier est-il vraiment chiffré, des données personnelles fuient-elles ?", "is this file or folder really encrypted, does personal data leak?"},
		usage:   cliText{fr: storeHelpFR, en: storeHelpEN},
		run: func(ctx context.Context, a *app, cmd *command, args []string) int {
			f := newFlags(cmd)
			paths, code, done := f.parse(a, args)
			if done {
				return code
			}
			return a.check(ctx, f, paths, checkRun{src: storeSource(docstore.NewInspector()), workers: 2, kind: reflex.KindFile})
		},
	}
}

// storeSource walks a path: every file's report as it comes, then the folder's.
func storeSource(in *docstore.Inspector) source {
	return func(ctx context.Context, path string, emit func(outcome)) {
		seen := false
		err := in.Walk(ctx, path, func(r reflex.Report, err error) error {
			seen = true
			emit(outcome{report: r, err: err})
			return nil
		})
		if err != nil && !seen || err != nil && ctx.Err() == nil {
			emit(outcome{report: reflex.Report{Subject: path, Kind: reflex.KindStore}, err: err})
		}
	}
}
