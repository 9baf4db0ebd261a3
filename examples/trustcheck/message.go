package main

import (
	"context"
	"fmt"
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
		summary: "check an SMS or a mail (text on standard input): links, IBANs, what it asks for",
		usage: `Usage: trustcheck message [--json] [--lang fr|en] [TEXT...]

Checks the text of an SMS or a mail: every link (with or without https://, short
links included) against the official sites, every IBAN, and what the message asks
for (a public body asking for a payment, "new bank details", urgency to pay).
Without TEXT, or with "-", the whole standard input is one message.
The subject shown is the message's start, with its IBANs masked.

Flags:
  --json        one JSON object per message (wire format)
  --lang fr|en  language of messages and reflexes (default fr)

Examples:
  trustcheck message < sms.txt
  pbpaste | trustcheck message --lang en
  trustcheck message "INFO ANTAI : réglez votre amende sur antai-gouv-amendes.net"
`,
		run: runMessage,
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
			fmt.Fprintf(a.io.err, "%s: %s: reading standard input: %s\n", programName, cmd.name, reflex.Printable(err.Error()))
			return exitUsage
		}
		if strings.TrimSpace(text) == "" {
			a.usageError(fmt.Sprintf("%s: nothing to check (the message is empty)", cmd.name))
			return exitUsage
		}
		subjects[i] = text
	}
	c := messagecheck.New()
	return a.check(ctx, f, subjects, checkRun{src: messageSource(c), workers: 2, kind: reflex.KindMessage})
}

// readMessage reads standard input whole, up to what messagecheck scans.
func readMessage(in io.Reader) (string, error) {
	b, err := io.ReadAll(io.LimitReader(in, messagecheck.MaxMessageBytes))
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
