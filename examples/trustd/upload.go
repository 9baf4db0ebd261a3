package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
)

// checkFile answers POST /v1/check/file?name=NAME&lang=fr: the body is the file itself
// (any content type, at most cfg.maxUpload bytes). It is spooled to a temporary file,
// never kept in memory, inspected through its io.ReaderAt, then removed. The answer is
// one report of kind "file": is it really encrypted, does it leak personal data.
func (s *server) checkFile(w http.ResponseWriter, r *http.Request) {
	if s.checks.file == nil {
		s.fail(w, r, errUnavailable("file checks"))
		return
	}
	q := r.URL.Query()
	lang, err := reflex.ParseLang(q.Get("lang"))
	if err != nil {
		s.fail(w, r, errorf(http.StatusBadRequest, "lang: want \"fr\" or \"en\""))
		return
	}
	name := path.Base(strings.ReplaceAll(q.Get("name"), "\\", "/"))
	if name == "." || name == "/" || len(name) > 255 {
		name = "upload"
	}
	if r.ContentLength > s.cfg.maxUpload {
		s.fail(w, r, errorf(http.StatusRequestEntityTooLarge, "file: larger than %d bytes", s.cfg.maxUpload))
		return
	}
	select {
	case s.uploads <- struct{}{}:
		defer func() { <-s.uploads }()
	case <-r.Context().Done():
		return
	}
	f, err := os.CreateTemp("", "trustd-upload-*")
	if err != nil {
		s.logger.Error("upload spool", "err", err)
		writeJSON(w, http.StatusInternalServerError, apiError{Error: "could not store the file for inspection"})
		return
	}
	defer os.Remove(f.Name())
	defer f.Close()
	size, err := io.Copy(f, http.MaxBytesReader(w, r.Body, s.cfg.maxUpload))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.fail(w, r, errorf(http.StatusRequestEntityTooLarge, "file: larger than %d bytes", s.cfg.maxUpload))
			return
		}
		s.fail(w, r, errorf(http.StatusBadRequest, "file: upload interrupted"))
		return
	}
	if size == 0 {
		s.fail(w, r, errorf(http.StatusBadRequest, "file: empty"))
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
		s.logger.Error("check failed", "kind", reflex.KindFile, "err", redactedError(err))
		writeJSON(w, status, reflex.WireError(name, reflex.KindFile, err, lang))
		return
	}
	writeJSON(w, http.StatusOK, report.Wire(lang))
}
