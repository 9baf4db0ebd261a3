package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
)

// Exit statuses, as DESIGN.md fixes them.
const (
	exitOK          = 0
	exitUnchecked   = 1
	exitUsage       = 2
	exitCaution     = 3
	exitDanger      = 4
	programName     = "trustcheck"
	helpHint        = "run 'trustcheck --help' for usage"
	subcommandsHelp = `Usage: trustcheck COMMAND [flags] SUBJECT...

trustcheck warns before a risky step online and gives the one safe reflex:
is this the official site for a procedure, is this IBAN right and unchanged,
is this storage really encrypted.

Commands:
%s
Common flags:
  --json        one JSON object per subject and per line (wire format)
  --lang fr|en  language of messages and reflexes (default fr)
  --debug       print the technical error behind "could not check" on stderr
  -             as a subject: read one subject per line from standard input

Examples:
  trustcheck url https://ants-gouv.fr/carte-grise
  trustcheck url --for carte-grise --lang en https://immatriculation.ants.gouv.fr/
  trustcheck iban "FR76 3000 6000 0112 3456 7890 189"
  trustcheck store --json ~/Documents
  trustcheck url - < links.txt

Exit status: 0 all ok or info, 3 some caution, 4 some danger,
1 some subject could not be checked, 2 usage error.

Run 'trustcheck COMMAND --help' for the flags and examples of a command.
`
)

// command is one subcommand of the CLI.
type command struct {
	name    string
	summary string // one line for the command list
	usage   string // synopsis, flags explained and examples, for COMMAND --help
	// run parses its own flags with newFlags and does the work. It returns an exit status.
	run func(ctx context.Context, a *app, cmd *command, args []string) int
}

// app is the CLI with its commands and its standard streams.
type app struct {
	commands []command
	io       stdio
}

func newApp(commands []command, io stdio) *app {
	return &app{commands: commands, io: io}
}

func (a *app) run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		a.usageError("missing command")
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 && args[0] == "help" {
			return a.run(ctx, []string{args[1], "--help"})
		}
		fmt.Fprintf(a.io.out, subcommandsHelp, a.commandList())
		return exitOK
	}
	for i := range a.commands {
		if c := &a.commands[i]; c.name == args[0] {
			return c.run(ctx, a, c, args[1:])
		}
	}
	if strings.HasPrefix(args[0], "-") {
		a.usageError(fmt.Sprintf("flag %q before the command", args[0]))
	} else {
		a.usageError(fmt.Sprintf("unknown command %q (commands: %s)", args[0], strings.Join(a.commandNames(), ", ")))
	}
	return exitUsage
}

func (a *app) commandList() string {
	var b strings.Builder
	for _, c := range a.commands {
		fmt.Fprintf(&b, "  %-11s %s\n", c.name, c.summary)
	}
	return b.String()
}

func (a *app) commandNames() []string {
	names := make([]string, len(a.commands))
	for i, c := range a.commands {
		names[i] = c.name
	}
	return names
}

// usageError prints a one-line usage error on stderr. The message may quote what was
// typed (a flag, a name): it is shown through reflex.Printable.
func (a *app) usageError(msg string) {
	fmt.Fprintf(a.io.err, "%s: %s; %s\n", programName, reflex.Printable(msg), helpHint)
}

// flags is a subcommand's flag set plus the output flags every check shares.
type flags struct {
	*flag.FlagSet
	cmd   *command
	json  bool
	lang  string
	debug bool
}

// newFlags returns the flag set of cmd with --json and --lang already defined.
func newFlags(cmd *command) *flags {
	f := &flags{FlagSet: flag.NewFlagSet(cmd.name, flag.ContinueOnError), cmd: cmd}
	f.SetOutput(io.Discard) // errors are reported on one line by parse
	f.BoolVar(&f.json, "json", false, "one JSON object per subject and per line")
	f.StringVar(&f.lang, "lang", "fr", "language of messages: fr or en")
	f.BoolVar(&f.debug, "debug", false, "also print the developer's error of each subject that could not be checked, on stderr")
	return f
}

// parse parses flags anywhere among the arguments (trustcheck url X --json works) and
// returns the positional arguments. "--" ends the flags; "-" is a positional argument.
// It prints help or a one-line error itself; done is true when the caller must return
// with status code.
func (f *flags) parse(a *app, args []string) (positional []string, code int, done bool) {
	for {
		err := f.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(a.io.out, f.cmd.usage)
			return nil, exitOK, true
		}
		if err != nil {
			a.usageError(fmt.Sprintf("%s: %v", f.cmd.name, err))
			return nil, exitUsage, true
		}
		rest := f.Args()
		if len(rest) == 0 {
			return positional, exitOK, false
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), exitOK, false
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}
