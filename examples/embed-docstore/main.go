// Command embed-docstore shows how a storage application tells a person whether a
// document is really encrypted before they rely on it (docstore's Inspector.Check for a file,
// InspectReader for an upload, Walk for a folder), and then keeps it in an encrypted
// vault (docstore/vault), which the inspector recognises as encrypted.
//
//	go run ./examples/embed-docstore [FILE...]
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"filippo.io/age"

	"github.com/trustreflex/trustreflex/docstore"
	"github.com/trustreflex/trustreflex/docstore/vault"
	"github.com/trustreflex/trustreflex/reflex"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer, files []string) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "embed-docstore")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if len(files) == 0 { // a sample: a tax notice kept in clear
		sample := filepath.Join(dir, "avis-impot.txt")
		if err := os.WriteFile(sample, []byte("Avis d'impôt\nIBAN FR76 3000 6000 0112 3456 7890 189\n"), 0o600); err != nil {
			return err
		}
		files = []string{sample}
	}

	inspector := docstore.NewInspector() // bounded reads; safe for concurrent use
	for _, f := range files {
		report, err := inspector.Check(ctx, f)
		if err != nil { // unreadable file
			return err
		}
		fmt.Fprintf(w, "%s: %s\n", filepath.Base(f), report.Verdict())
		for _, finding := range report.Findings { // evidence never holds a full number
			fmt.Fprintf(w, "  %s [%s]\n", finding.Message(reflex.French), finding.EvidenceText(reflex.French))
		}
	}

	// Keep the documents in a vault instead, under a passphrase (age, scrypt).
	owner, err := age.NewScryptRecipient("correct horse battery staple")
	if err != nil {
		return err
	}
	owner.SetWorkFactor(12) // fast for the example; keep age's default for real use
	vaultDir := filepath.Join(dir, "coffre")
	v, err := vault.Create(vaultDir, owner)
	if err != nil {
		return err
	}
	for _, f := range files {
		file, err := os.Open(f)
		if err != nil {
			return err
		}
		_, err = v.Put(ctx, filepath.Base(f), file, vault.Meta{})
		file.Close()
		if err != nil {
			return err
		}
	}
	if err := v.Close(); err != nil {
		return err
	}
	// The folder verdict comes last in Walk.
	return inspector.Walk(ctx, vaultDir, func(r reflex.Report, err error) error {
		if err == nil && r.Kind == reflex.KindStore {
			fmt.Fprintf(w, "vault: %s\n  %s\n", r.Verdict(), r.Findings[0].Message(reflex.French))
		}
		return nil
	})
}
