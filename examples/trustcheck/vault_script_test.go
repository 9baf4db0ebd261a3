package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/rogpeppe/go-internal/testscript"
)

// cmdFlip runs `flip GLOB OFFSET`: flips one bit at OFFSET (negative: from the end) of every
// file matching GLOB, to damage vault documents whose names are opaque ids.
func cmdFlip(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: flip GLOB OFFSET")
	}
	off, err := strconv.Atoi(args[1])
	ts.Check(err)
	matches, err := filepath.Glob(ts.MkAbs(args[0]))
	ts.Check(err)
	if len(matches) == 0 {
		ts.Fatalf("flip: no file matches %s", args[0])
	}
	for _, m := range matches {
		b, err := os.ReadFile(m)
		ts.Check(err)
		i := off
		if i < 0 {
			i += len(b)
		}
		b[i] ^= 1
		ts.Check(os.WriteFile(m, b, 0o600))
	}
}

// cmdSwapFiles runs `swapfiles GLOB`: exchanges the contents of the two files matching GLOB.
func cmdSwapFiles(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: swapfiles GLOB")
	}
	m, err := filepath.Glob(ts.MkAbs(args[0]))
	ts.Check(err)
	slices.Sort(m)
	if len(m) != 2 {
		ts.Fatalf("swapfiles: %d files match %s, want 2", len(m), args[0])
	}
	a, err := os.ReadFile(m[0])
	ts.Check(err)
	b, err := os.ReadFile(m[1])
	ts.Check(err)
	ts.Check(os.WriteFile(m[0], b, 0o600))
	ts.Check(os.WriteFile(m[1], a, 0o600))
}

// cmdGenFile runs `genfile FILE SIZE`: writes SIZE bytes of a repeating text pattern.
func cmdGenFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: genfile FILE SIZE")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	b := make([]byte, n)
	for i := range b {
		b[i] = "0123456789abcdef\n"[i%17]
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o600))
}
