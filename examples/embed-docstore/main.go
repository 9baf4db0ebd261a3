// Command embed-docstore shows how a storage application tells a person whether a
// document is really encrypted before they rely on it: Inspector.Check for a file on
// disk, InspectReader for an upload (any io.ReaderAt).
//
//	go run ./examples/embed-docstore [FILE...]
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/trustreflex/trustreflex/docstore"
	"github.com/trustreflex/trustreflex/reflex"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer, files []string) error {
	if len(files) == 0 { // a sample: a tax notice kept in clear
		dir, err := os.MkdirTemp("", "embed-docstore")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		sample := filepath.Join(dir, "avis-impot.txt")
		if err := os.WriteFile(sample, []byte("Avis d'impôt\nIBAN FR76 3000 6000 0112 3456 7890 189\n"), 0o600); err != nil {
			return err
		}
		files = []string{sample}
	}
	inspector := docstore.NewInspector() // bounded reads; safe for concurrent use
	for _, f := range files {
		report, err := inspector.Check(context.Background(), f)
		if err != nil { // unreadable file
			return err
		}
		fmt.Fprintf(w, "%s: %s\n", filepath.Base(f), report.Verdict())
		for _, finding := range report.Findings { // evidence never holds a full number
			fmt.Fprintf(w, "  %s [%s]\n", finding.Message(reflex.French), finding.Evidence)
		}
	}
	return nil
}
