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
	"syscall"

	"golang.org/x/term"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := newApp(defaultCommands(), stdio{
		in:     os.Stdin,
		out:    os.Stdout,
		err:    os.Stderr,
		getenv: os.Getenv,
		outTTY: term.IsTerminal(int(os.Stdout.Fd())),
		errTTY: term.IsTerminal(int(os.Stderr.Fd())),
		inTTY:  term.IsTerminal(int(os.Stdin.Fd())),
	}).run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
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
