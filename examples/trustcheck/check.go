package main

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"io"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/trustreflex/trustreflex/reflex"
)

// outcome is one line of output: a report, or a subject that could not be checked
// (err set; report.Subject and report.Kind still say what).
type outcome struct {
	report reflex.Report
	err    error
}

// source turns one subject into its outcomes: one for most checks, several for a folder
// (one per file, then one for the folder). It calls emit in the order to print.
type source func(ctx context.Context, subject string, emit func(outcome))

// single adapts a reflex.Checker that answers with one report per subject.
func single(kind string, c reflex.Checker) source {
	return func(ctx context.Context, subject string, emit func(outcome)) {
		r, err := c.Check(ctx, subject)
		if err != nil {
			emit(outcome{report: reflex.Report{Subject: subject, Kind: kind}, err: err})
			return
		}
		emit(outcome{report: r})
	}
}

// checkRun is one run of a check subcommand over its subjects.
type checkRun struct {
	src source
	// display says how the human output shows a subject (an IBAN is masked);
	// nil shows it as given. The JSON subject is always as given.
	display func(subject string) string
	// workers bounds the subjects checked at once; 0 means 8.
	workers int
	// kind is the report kind of a subject that could not even be read (an over-long
	// line of standard input); "" means the kind of the first check, "url".
	kind string
}

// maxLine bounds one subject read from standard input. A longer line is a subject that
// could not be checked (errLineTooLong), and the run goes on with the next line.
const maxLine = 1 << 20

// errLineTooLong is the outcome of a line of standard input longer than maxLine.
var errLineTooLong = &reflex.Problem{ID: reflex.TextLineTooLong, Params: map[string]string{"max": strconv.Itoa(maxLine)},
	Err: fmt.Errorf("line of standard input longer than %d bytes", maxLine)}

// check runs src over the subjects (with "-" meaning one subject per line of standard
// input), prints the outcomes in input order and returns the exit status.
func (a *app) check(ctx context.Context, f *flags, subjects []string, run checkRun) int {
	lang := a.lang
	if len(subjects) == 0 {
		a.usageError(msgNothingToCheck)
		return exitUsage
	}
	workers := run.workers
	if workers <= 0 {
		workers = 8
	}
	p := &printer{display: run.display}
	if f.debug {
		p.debug = a.io.err
	}
	if f.json {
		p.enc = reflex.NewEncoder(a.io.out, lang)
	} else {
		p.text = reflex.NewTextEncoder(a.io.out, lang)
		p.text.SetColour(a.colour())
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	queue := make(chan chan outcome, workers)
	var readErr error
	go func() { // producer: start one bounded worker per subject, in input order
		defer close(queue)
		sem := make(chan struct{}, workers)
		readErr = eachSubject(a.io.in, subjects, func(s string, lineErr error) bool {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return false
			}
			ch := make(chan outcome, 16)
			select {
			case queue <- ch:
			case <-ctx.Done():
				return false
			}
			go func() {
				defer func() { <-sem }()
				defer close(ch)
				if lineErr != nil {
					kind := cmp.Or(run.kind, reflex.KindURL)
					ch <- outcome{report: reflex.Report{Subject: s, Kind: kind}, err: lineErr}
					return
				}
				run.src(ctx, s, func(o outcome) { ch <- o })
			}()
			return true
		})
	}()

	stopProgress := a.progress(f.cmd.name, &p.done)
	printAll := func(ch chan outcome) {
		for o := range ch {
			p.print(o)
		}
	}
	interrupted := false // the producer may still run: readErr is not ours to read
consume:
	for {
		select {
		case ch, ok := <-queue:
			if !ok {
				break consume
			}
			printAll(ch)
		case <-ctx.Done():
			interrupted = true
			// Interrupted: print what was started (its checks end with ctx), without
			// waiting for a producer that may be blocked reading standard input.
			for {
				select {
				case ch, ok := <-queue:
					if !ok {
						break consume
					}
					printAll(ch)
				default:
					break consume
				}
			}
		}
	}
	stopProgress()
	if !interrupted && readErr != nil {
		a.failure(msgReadingStdin)
		return exitUsage
	}
	if err := ctx.Err(); err != nil && p.done.Load() == 0 {
		a.errorLine(err)
		return exitUnchecked
	}
	return p.status()
}

// eachSubject calls fn for each subject, expanding "-" into the non-empty lines of in.
// A line longer than maxLine is passed as its first bytes with errLineTooLong, and the
// rest of it is skipped. It stops early when fn returns false. The error is for a
// standard input that cannot be read.
func eachSubject(in io.Reader, subjects []string, fn func(subject string, lineErr error) bool) error {
	for _, s := range subjects {
		if s != "-" {
			if !fn(s, nil) {
				return nil
			}
			continue
		}
		br := bufio.NewReaderSize(in, 64<<10)
		for {
			line, tooLong, err := readLine(br, maxLine)
			if tooLong {
				if !fn(clipLine(line), errLineTooLong) {
					return nil
				}
			} else if line := trimLine(line); line != "" {
				if !fn(line, nil) {
					return nil
				}
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// readLine reads one line of br (without its "\n"), keeping at most limit bytes: tooLong
// says that more were skipped. The error is io.EOF after the last line.
func readLine(br *bufio.Reader, limit int) (line string, tooLong bool, err error) {
	var b []byte
	for {
		chunk, err := br.ReadSlice('\n')
		rest := chunk
		if err == nil {
			rest = chunk[:len(chunk)-1]
		}
		if room := limit - len(b); len(rest) > room {
			rest, tooLong = rest[:max(room, 0)], true
		}
		b = append(b, rest...)
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(chunk) == 0 && len(b) == 0:
			return "", tooLong, io.EOF
		}
		return string(b), tooLong, err
	}
}

// clipLine is how an over-long line is shown: its first bytes (whole UTF-8
// characters), then an ellipsis.
func clipLine(s string) string {
	const shown = 40
	if len(s) <= shown {
		return s
	}
	cut := shown
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// trimLine drops the blanks and carriage return around a line read from stdin.
func trimLine(s string) string {
	start, end := 0, len(s)
	for start < end && (s[start] == ' ' || s[start] == '\t') {
		start++
	}
	for end > start && (s[end-1] == ' ' || s[end-1] == '\t' || s[end-1] == '\r') {
		end--
	}
	return s[start:end]
}

// printer writes outcomes and keeps what the exit status needs.
type printer struct {
	enc     *reflex.Encoder     // --json
	text    *reflex.TextEncoder // human output
	display func(string) string // how human output shows a subject (nil: as given)
	debug   io.Writer           // --debug: where the developer's errors go

	done      atomic.Int64
	worst     reflex.Severity
	unchecked bool
}

func (p *printer) print(o outcome) {
	defer p.done.Add(1)
	if o.err != nil {
		p.unchecked = true
		if p.debug != nil {
			fmt.Fprintf(p.debug, "%s: debug: %s: %s\n", programName, reflex.Printable(p.shown(o.report.Subject)), reflex.Printable(o.err.Error()))
		}
		if p.enc != nil {
			_ = p.enc.EncodeError(o.report.Subject, o.report.Kind, o.err)
			return
		}
		_ = p.text.EncodeError(p.shown(o.report.Subject), o.report.Kind, o.err)
		return
	}
	p.worst = max(p.worst, o.report.Verdict())
	if p.enc != nil {
		_ = p.enc.Encode(o.report)
		return
	}
	o.report.Subject = p.shown(o.report.Subject)
	_ = p.text.Encode(o.report)
}

func (p *printer) shown(subject string) string {
	if p.display != nil {
		return p.display(subject)
	}
	return subject
}

// status is the exit status of the run: the most severe answer wins.
func (p *printer) status() int {
	switch {
	case p.worst >= reflex.Danger:
		return exitDanger
	case p.worst >= reflex.Caution:
		return exitCaution
	case p.unchecked:
		return exitUnchecked
	}
	return exitOK
}

// colour reports whether human output may use ANSI colours: only on a terminal, never
// with NO_COLOR set (https://no-color.org) or TERM=dumb.
func (a *app) colour() bool {
	return a.io.outTTY && a.io.getenv("NO_COLOR") == "" && a.io.getenv("TERM") != "dumb"
}

// progress shows on a terminal's stderr how many subjects are done, once a run lasts
// more than a second. It returns the function that stops and clears it.
func (a *app) progress(name string, done *atomic.Int64) (stop func()) {
	if !a.io.errTTY {
		return func() {}
	}
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		start := time.NewTimer(time.Second)
		defer start.Stop()
		select {
		case <-quit:
			return
		case <-start.C:
		}
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			fmt.Fprintf(a.io.err, "\r"+msgProgress.in(a.lang), name, done.Load())
			select {
			case <-quit:
				fmt.Fprint(a.io.err, "\r\033[K")
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(quit); wg.Wait() }
}
