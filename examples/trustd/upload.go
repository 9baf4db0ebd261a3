package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/trustreflex/trustreflex/reflex"
)

// checkFile answers POST /v1/check/file?name=NAME&lang=fr: the body is the file itself
// (any content type, at most cfg.maxUpload bytes). It is spooled to a temporary file,
// never kept in memory, inspected through its io.ReaderAt, then removed. The answer is
// one report of kind "file": is it really encrypted, does it leak personal data.
//
// At most cfg.maxUploads files are received and inspected at once. An upload waits at
// most cfg.uploadWait for a free slot, then gets 503 with Retry-After; once it holds a
// slot it must arrive at cfg.uploadMinRate on average (after cfg.uploadGrace), and in
// cfg.uploadDeadline at most, or it is cut with 408: slow clients cannot hold the slots.
func (s *server) checkFile(c *call) {
	w, r := c, c.r
	if s.checks.file == nil {
		s.fail(c, notEnabled())
		return
	}
	if err := c.queryLang(); err != nil {
		s.fail(c, err)
		return
	}
	name := path.Base(strings.ReplaceAll(r.URL.Query().Get("name"), "\\", "/"))
	if name == "." || name == "/" || len(name) > 255 {
		name = "upload"
	}
	if r.ContentLength > s.cfg.maxUpload {
		s.fail(c, s.fileTooLarge())
		return
	}
	wait := time.NewTimer(s.cfg.uploadWait)
	select {
	case s.uploads <- struct{}{}:
		wait.Stop()
		defer func() { <-s.uploads }()
	case <-wait.C:
		s.metrics.uploadsRejected.WithLabelValues("busy").Inc()
		w.Header().Set("Connection", "close") // the body is not read
		e := problem(http.StatusServiceUnavailable, reflex.TextServerUploadsBusy)
		e.retryAfter = int(max(1, s.cfg.uploadGrace/time.Second))
		s.fail(c, e)
		return
	case <-r.Context().Done():
		wait.Stop()
		return
	}
	f, err := os.CreateTemp("", "trustd-upload-*")
	if err != nil {
		s.logger.LogAttrs(r.Context(), slog.LevelError, "upload spool", slog.String("err", redactedError(err)))
		s.fail(c, &httpError{status: http.StatusInternalServerError, text: reflex.Text{ID: reflex.TextServerNotStored}, err: err})
		return
	}
	defer os.Remove(f.Name())
	defer f.Close()
	body := &paced{r: http.MaxBytesReader(w, r.Body, s.cfg.maxUpload), rc: http.NewResponseController(w), start: time.Now(),
		grace: s.cfg.uploadGrace, rate: s.cfg.uploadMinRate, deadline: s.cfg.uploadDeadline}
	size, err := io.Copy(f, body)
	if err != nil {
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			s.fail(c, s.fileTooLarge())
		case errors.Is(err, os.ErrDeadlineExceeded):
			s.metrics.uploadsRejected.WithLabelValues("slow").Inc()
			w.Header().Set("Connection", "close")
			s.fail(c, problem(http.StatusRequestTimeout, reflex.TextServerUploadTooSlow))
		default:
			s.fail(c, problem(http.StatusBadRequest, reflex.TextServerUploadInterrupted))
		}
		return
	}
	if size == 0 {
		s.fail(c, problem(http.StatusBadRequest, reflex.TextServerFileEmpty))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.checkTimeout)
	defer cancel()
	report, err := s.checks.file(ctx, name, f, size)
	if err != nil {
		status := http.StatusInternalServerError
		if errors.Is(err, context.DeadlineExceeded) {
			status = http.StatusGatewayTimeout
		}
		s.metrics.checkErrors.WithLabelValues(reflex.KindFile).Inc()
		s.logger.LogAttrs(r.Context(), slog.LevelError, "check failed", slog.String("kind", reflex.KindFile), slog.String("err", redactedError(err)))
		writeJSON(c, status, reflex.WireError(name, reflex.KindFile, err, c.lang))
		return
	}
	s.metrics.verdictsOf(reflex.KindFile)[report.Verdict()].Inc()
	writeReport(c, report)
}

func (s *server) fileTooLarge() error {
	return problem(http.StatusRequestEntityTooLarge, reflex.TextServerFileTooLarge, "max", strconv.FormatInt(s.cfg.maxUpload, 10))
}

// paced reads an upload under a minimum rate: before each read it sets the
// connection's read deadline to the time by which the bytes asked for are due (grace
// + bytes/rate from the start, never past deadline). A client that falls behind, or
// stalls, gets os.ErrDeadlineExceeded and loses its slot.
type paced struct {
	r        io.Reader
	rc       *http.ResponseController
	start    time.Time
	grace    time.Duration
	rate     int64 // bytes per second; 0: no minimum
	deadline time.Duration
	n        int64
}

func (p *paced) Read(b []byte) (int, error) {
	due := p.start.Add(p.deadline)
	if p.rate > 0 {
		ahead := time.Duration(float64(p.n+int64(len(b))) / float64(p.rate) * float64(time.Second))
		if paced := p.start.Add(p.grace + ahead); paced.Before(due) {
			due = paced
		}
	}
	if err := p.rc.SetReadDeadline(due); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return 0, err
	}
	n, err := p.r.Read(b)
	p.n += int64(n)
	return n, err
}
