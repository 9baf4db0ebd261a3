package main

import (
	"context"
	"io"
	"strings"

	"github.com/trustreflex/trustreflex/messagecheck"
	"github.com/trustreflex/trustreflex/reflex"
)

// messageCommand is `trustcheck message`: what does this SMS or mail ask for, and are its
// links and IBANs safe? The text is read whole from standard input (or given as
// arguments, one message each).
func messageCommand() command {
	return command{
		name:    "message",
		summary: cliText{"vérifier un SMS ou un mail (texte sur l'entrée standard) : liens, IBAN, ce qu'il demande", "check an SMS or a mail (text on standard input): links, IBANs, what it asks for"},
		usage:   cliText{fr: messageHelpFR, en: messageHelpEN},
		run:     runMessage,
	}
}

func runMessage(ctx context.Context, a *app, cmd *command, args []string) int {
	f := newFlags(cmd)
	subjects, code, done := f.parse(a, args)
	if done {
		return code
	}
	if len(subjects) == 0 {
		subjects = []string{"-"}
	}
	for i, s := range subjects {
		if s != "-" {
			continue
		}
		text, err := readMessage(a.io.in)
		if err != nil {
			a.failure(msgReadingStdin)
			return exitUsage
		}
		if strings.TrimSpace(text) == "" {
			a.usageError(msgEmptyMessage)
			return exitUsage
		}
		subjects[i] = text
	}
	c := messagecheck.New()
	return a.check(ctx, f, subjects, checkRun{src: messageSource(c), workers: 2, kind: reflex.KindMessage})
}

// readMessage reads standard input whole, up to what messagecheck scans.
func readMessage(in io.Reader) (string, error) {
	b, err := io.ReadAll(io.LimitReader(in, messagecheck.MaxBytes))
	return string(b), err
}

// messageSource answers one report per message. Its subject, even for a message that
// could not be checked, is the one messagecheck makes: the start of the text with its
// IBANs masked, never the full text.
func messageSource(c *messagecheck.Checker) source {
	return func(ctx context.Context, text string, emit func(outcome)) {
		r, err := c.Check(ctx, text)
		if r.Kind == "" {
			r.Kind = reflex.KindMessage
		}
		emit(outcome{report: r, err: err})
	}
}
