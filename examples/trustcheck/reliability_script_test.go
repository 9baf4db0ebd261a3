package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// cmdSignals runs `signals CODE SIGNAL... -- PROGRAM ARGS...`: it starts PROGRAM with a
// standard input that never ends (a pipe kept open), waits until it has written to
// stderr (at most 2 s), sends each SIGNAL (INT or TERM) 300 ms apart, and requires that
// the program then exits with CODE within 10 s. Its output is left in the files
// signals.out and signals.err, for grep.
func cmdSignals(ts *testscript.TestScript, neg bool, args []string) {
	sep := slices.Index(args, "--")
	if neg || sep < 2 || sep == len(args)-1 {
		ts.Fatalf("usage: signals CODE SIGNAL... -- PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	prog := ""
	for _, dir := range filepath.SplitList(ts.Getenv("PATH")) {
		if p := filepath.Join(dir, args[sep+1]); prog == "" {
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				prog = p
			}
		}
	}
	if prog == "" {
		ts.Fatalf("signals: %s not found", args[sep+1])
	}
	cmd := exec.Command(prog, args[sep+2:]...)
	cmd.Dir = ts.Getenv("WORK")
	for _, k := range []string{"HOME", "PATH", "NO_COLOR", "TRUSTCHECK_PASSPHRASE"} {
		cmd.Env = append(cmd.Env, k+"="+ts.Getenv(k))
	}
	r, w, err := os.Pipe()
	ts.Check(err)
	defer w.Close()
	out, err := os.Create(ts.MkAbs("signals.out"))
	ts.Check(err)
	defer out.Close()
	errPath := ts.MkAbs("signals.err")
	errFile, err := os.Create(errPath)
	ts.Check(err)
	defer errFile.Close()
	cmd.Stdin, cmd.Stdout, cmd.Stderr = r, out, errFile
	ts.Check(cmd.Start())
	r.Close()
	for start := time.Now(); time.Since(start) < 2*time.Second; time.Sleep(20 * time.Millisecond) {
		if fi, err := os.Stat(errPath); err == nil && fi.Size() > 0 {
			break
		}
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for _, name := range args[1:sep] {
		sig, ok := map[string]syscall.Signal{"INT": syscall.SIGINT, "TERM": syscall.SIGTERM}[name]
		if !ok {
			ts.Fatalf("signals: unknown signal %q", name)
		}
		ts.Check(cmd.Process.Signal(sig))
		time.Sleep(300 * time.Millisecond)
	}
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		<-done
		ts.Fatalf("%s did not end after %s", strings.Join(args[sep+1:], " "), strings.Join(args[1:sep], ", "))
	}
	got := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		got = exitErr.ExitCode()
	} else if err != nil {
		ts.Fatalf("signals: %v", err)
	}
	if got != want {
		b, _ := os.ReadFile(errPath)
		ts.Fatalf("exited with %d, want %d\nstderr: %s", got, want, b)
	}
}

// cmdLongLine runs `longline FILE SIZE LINE...`: writes a line of SIZE bytes ("ok:" and
// x's), then each LINE, to FILE: standard input for the over-long line case.
func cmdLongLine(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: longline FILE SIZE [LINE...]")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	b := append([]byte("ok:"), bytes.Repeat([]byte("x"), n-3)...)
	b = append(b, '\n')
	for _, l := range args[2:] {
		b = append(append(b, l...), '\n')
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o600))
}
