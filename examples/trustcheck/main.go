// Command trustcheck is the demo CLI of trustreflex: it checks URLs, IBANs and stored
// documents and prints, for each, the verdict and the one safe reflex.
//
//	go run ./examples/trustcheck url https://ants-gouv.fr/carte-grise
//	go run ./examples/trustcheck --help
//
// Exit status: 0 all ok or info, 3 some caution, 4 some danger, 1 some subject could not
// be checked (and nothing reached caution), 2 usage error.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"golang.org/x/term"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var interrupted atomic.Int32
	go exitOnSecondSignal(cancel, terminalRestorer(), &interrupted)
	code := newApp(defaultCommands(), stdio{
		in:     os.Stdin,
		out:    os.Stdout,
		err:    os.Stderr,
		getenv: os.Getenv,
		outTTY: term.IsTerminal(int(os.Stdout.Fd())),
		errTTY: term.IsTerminal(int(os.Stderr.Fd())),
		inTTY:  term.IsTerminal(int(os.Stdin.Fd())),
	}).run(ctx, os.Args[1:])
	cancel()
	if n := interrupted.Load(); n != 0 {
		code = 128 + int(n) // what was done is printed; the run was not complete
	}
	os.Exit(code)
}

// exitOnSecondSignal makes the first Ctrl-C (SIGINT) or SIGTERM cancel the run, which
// then prints what it has and ends with the shell's status for that signal (128 + its
// number: 130, 143, recorded in interrupted); a second one ends the program at once,
// whatever it was waiting for.
func exitOnSecondSignal(cancel func(), restore func(), interrupted *atomic.Int32) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	interrupted.Store(signalNumber(<-sigs))
	cancel()
	n := signalNumber(<-sigs)
	restore()
	os.Exit(128 + int(n))
}

func signalNumber(s os.Signal) int32 {
	if sig, ok := s.(syscall.Signal); ok {
		return int32(sig)
	}
	return 2 // os.Interrupt
}

// terminalRestorer returns what puts the terminal back as it was at start (echo on),
// for an exit during a passphrase prompt; it does nothing without a terminal.
func terminalRestorer() func() {
	for _, f := range []*os.File{os.Stdin, os.Stderr, os.Stdout} {
		fd := int(f.Fd())
		if st, err := term.GetState(fd); err == nil {
			return func() { term.Restore(fd, st) }
		}
	}
	return func() {}
}

// defaultCommands is the table of subcommands, in the order --help lists them. Each
// check wires its subcommand from its own file.
func defaultCommands() []command {
	return append([]command{urlCommand(), ibanCommand(), pain001Command(), storeCommand(), proceduresCommand(), vaultCommand(), messageCommand()}, testCommands()...)
}

// stdio is what the process gives the CLI; tests build their own.
type stdio struct {
	in     io.Reader
	out    io.Writer
	err    io.Writer
	getenv func(string) string
	outTTY bool // stdout is a terminal: colour allowed (unless NO_COLOR)
	errTTY bool // stderr is a terminal: progress allowed
	inTTY  bool // stdin is a terminal: prompts allowed
}
