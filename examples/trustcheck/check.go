package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

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
}

// maxLine bounds one subject read from standard input.
const maxLine = 1 << 20

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
		readErr = eachSubject(a.io.in, subjects, func(s string) bool {
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
				run.src(ctx, s, func(o outcome) { ch <- o })
			}()
			return true
		})
	}()

	stopProgress := a.progress(f.cmd.name, &p.done)
	for ch := range queue {
		for o := range ch {
			p.print(o)
		}
	}
	stopProgress()
	if readErr != nil {
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
// It stops early when fn returns false.
func eachSubject(in io.Reader, subjects []string, fn func(string) bool) error {
	for _, s := range subjects {
		if s != "-" {
			if !fn(s) {
				return nil
			}
			continue
		}
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 0, 64<<10), maxLine)
		for sc.Scan() {
			line := trimLine(sc.Text())
			if line == "" {
				continue
			}
			if !fn(line) {
				return nil
			}
		}
		if err := sc.Err(); err != nil {
			return err
		}
	}
	return nil
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
