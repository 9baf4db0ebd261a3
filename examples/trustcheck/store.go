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
		summary: "is this file or folder really encrypted, does personal data leak?",
		usage: `Usage: trustcheck store [--json] [--lang fr|en] PATH...

Reads each file by its content (never its name) and says whether it is encrypted
(age, OpenPGP, ZIP AES, 7z, PDF, LUKS, KeePass, ...), weakly encrypted (ZipCrypto,
RC4, a PDF or a KeePass database that opens with an empty password) or in clear, and
whether what is readable (documents, mails, address books, SQLite databases) holds
French personal numbers (NIR, IBAN, card, MRZ, numéro fiscal), shown masked.
A file gives its own report (kind "file"); a folder gives one report per file, then
the folder's (kind "store"): encrypted, plaintext or mixed. Progress goes to standard
error when it is a terminal.

Flags:
  --json        one JSON object per report and per line
  --lang fr|en  language of messages and reflexes (default fr)

Examples:
  trustcheck store ~/Documents/coffre
  trustcheck store --json releve.pdf scan-cni.zip
`,
		run: func(ctx context.Context, a *app, cmd *command, args []string) int {
			f := newFlags(cmd)
			paths, code, done := f.parse(a, args)
			if done {
				return code
			}
			return a.check(ctx, f, paths, checkRun{src: storeSource(docstore.NewInspector()), workers: 2})
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
