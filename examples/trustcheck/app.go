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
	exitOK        = 0
	exitUnchecked = 1
	exitUsage     = 2
	exitCaution   = 3
	exitDanger    = 4
	programName   = "trustcheck"
)

// cliText is a text of the CLI itself (help, usage errors) in French and English; the
// texts of the checks come from the reflex catalogue.
type cliText struct{ fr, en string }

func (t cliText) in(lang reflex.Lang) string {
	if lang == reflex.English {
		return t.en
	}
	return reflex.Typeset(t.fr, reflex.French)
}

// command is one subcommand of the CLI.
type command struct {
	name    string
	summary cliText // one line for the command list
	usage   cliText // synopsis, flags explained and examples, for COMMAND --help
	// run parses its own flags with newFlags and does the work. It returns an exit status.
	run func(ctx context.Context, a *app, cmd *command, args []string) int
}

// app is the CLI with its commands and its standard streams.
type app struct {
	commands []command
	io       stdio
	lang     reflex.Lang // of everything the person reads: chosen once per run
	cmd      string      // the command being run, for the hint of a usage error
}

func newApp(commands []command, io stdio) *app {
	return &app{commands: commands, io: io}
}

func (a *app) run(ctx context.Context, args []string) int {
	lang, err := chooseLang(args, a.io.getenv)
	a.lang = lang
	if err != nil {
		a.usageError(err.(*langError).text, err.(*langError).value)
		return exitUsage
	}
	args = dropLeadingLang(args) // "trustcheck --lang en url X" works too
	if len(args) == 0 {
		a.usageError(msgMissingCommand)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 && args[0] == "help" {
			return a.run(ctx, append([]string{args[1], "--help"}, args[2:]...))
		}
		fmt.Fprintf(a.io.out, mainHelp.in(a.lang), a.commandList())
		return exitOK
	}
	for i := range a.commands {
		if c := &a.commands[i]; c.name == args[0] {
			a.cmd = c.name
			return c.run(ctx, a, c, args[1:])
		}
	}
	if strings.HasPrefix(args[0], "-") {
		a.usageError(msgFlagBeforeCommand, args[0])
	} else {
		a.usageError(msgUnknownCommand, args[0], strings.Join(a.commandNames(), ", "))
	}
	return exitUsage
}

// langError is an unknown language given by --lang or TRUSTCHECK_LANG.
type langError struct {
	text  cliText
	value string
}

func (e *langError) Error() string { return e.text.en }

// chooseLang picks the language of the run: --lang (wherever it stands before "--"),
// else TRUSTCHECK_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: French for fr*,
// English for any other set locale), else French.
func chooseLang(args []string, getenv func(string) string) (reflex.Lang, error) {
	fallback := reflex.French
	if l, ok := reflex.LangFromLocale(getenv); ok {
		fallback = l
	}
	if v := getenv("TRUSTCHECK_LANG"); v != "" {
		l, err := reflex.ParseLang(v)
		if err != nil {
			return fallback, &langError{msgBadLangEnv, v}
		}
		fallback = l
	}
	var chosen reflex.Lang
	given := false
	for i := 0; i < len(args) && args[i] != "--"; {
		value, n, missing := langFlag(args[i:])
		i += max(n, 1)
		if n == 0 {
			continue
		}
		if missing {
			return fallback, nil // the flag parser reports the missing value
		}
		l, err := reflex.ParseLang(value)
		if err != nil {
			return fallback, &langError{msgBadLang, value}
		}
		chosen, given = l, true // the last --lang wins, as with the flag package
	}
	if given {
		return chosen, nil
	}
	return fallback, nil
}

// dropLeadingLang removes a --lang flag given before the command (chooseLang read it).
func dropLeadingLang(args []string) []string {
	for len(args) > 0 {
		_, n, _ := langFlag(args)
		if n == 0 {
			break
		}
		args = args[n:]
	}
	return args
}

// langFlag reads a --lang (or -lang, --lang=VALUE) flag at args[0]: its value, and how
// many arguments it takes (0 when args[0] is not one). missing is true for a --lang
// that ends the arguments.
func langFlag(args []string) (value string, n int, missing bool) {
	name, value, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
	switch {
	case !strings.HasPrefix(args[0], "-") || name != "lang":
		return "", 0, false
	case hasValue:
		return value, 1, false
	case len(args) == 1:
		return "", 1, true
	}
	return args[1], 2, false
}

func (a *app) commandList() string {
	var b strings.Builder
	for _, c := range a.commands {
		fmt.Fprintf(&b, "  %-11s %s\n", c.name, c.summary.in(a.lang))
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

// usageError prints a one-line usage error on stderr, in the run's language, with the
// way to the help of the command at hand. Values (a flag, a name) are shown through
// reflex.Printable.
func (a *app) usageError(msg cliText, values ...any) {
	hint := msgSeeHelp
	if a.cmd != "" {
		hint = msgSeeCommandHelp
	}
	fmt.Fprintf(a.io.err, "%s: %s%s %s\n", programName, a.render(msg, values),
		cliText{" ;", ";"}.in(a.lang), fmt.Sprintf(hint.in(a.lang), a.cmd))
}

// failure prints on stderr why the command could not do its work (not a usage error).
func (a *app) failure(msg cliText, values ...any) {
	fmt.Fprintf(a.io.err, "%s: %s\n", programName, a.render(msg, values))
}

// render writes msg in the run's language with its values, strings shown through
// reflex.Printable, after the command's name.
func (a *app) render(msg cliText, values []any) string {
	for i, v := range values {
		if s, ok := v.(string); ok {
			values[i] = reflex.Printable(s)
		}
	}
	return a.prefixed(fmt.Sprintf(msg.in(a.lang), values...))
}

// errorLine prints on stderr what a person reads about err (reflex.ErrorText).
func (a *app) errorLine(err error) {
	fmt.Fprintf(a.io.err, "%s: %s\n", programName, a.prefixed(reflex.ErrorText(err, a.lang)))
}

func (a *app) prefixed(s string) string {
	if a.cmd == "" {
		return s
	}
	return a.cmd + ": " + s
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
	f.StringVar(&f.lang, "lang", "", "language of messages: fr or en (chooseLang reads it before the flags)")
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
			fmt.Fprint(a.io.out, f.cmd.usage.in(a.lang))
			return nil, exitOK, true
		}
		if err != nil {
			msg, value := flagError(err)
			a.usageError(msg, value)
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

// flagError says what the flag package found wrong, in the person's words: it
// reports in English, so its errors are read, never shown.
func flagError(err error) (cliText, string) {
	s := err.Error()
	for _, known := range []struct {
		prefix string
		text   cliText
	}{
		{"flag provided but not defined: ", msgUnknownFlag},
		{"flag needs an argument: ", msgFlagNeedsValue},
		{"bad flag syntax: ", msgBadFlagSyntax},
	} {
		if v, ok := strings.CutPrefix(s, known.prefix); ok {
			return known.text, v
		}
	}
	if _, rest, ok := strings.Cut(s, " for "); ok && strings.HasPrefix(s, "invalid ") {
		name, _, _ := strings.Cut(rest, ":")
		return msgBadFlagValue, name
	}
	return msgBadFlagSyntax, s
}
