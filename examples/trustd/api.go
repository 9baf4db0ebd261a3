package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck"
)

// checkRequest is the body shared by every POST /v1/check/... endpoint.
type checkRequest struct {
	Subject string `json:"subject"`
	Lang    string `json:"lang,omitempty"`
}

func (r *checkRequest) base() *checkRequest { return r }

// urlRequest adds the procedure the link should be for ("for", optional).
type urlRequest struct {
	checkRequest
	For string `json:"for,omitempty"`
}

// paymentRequest checks an IBAN (subject) for a payee of the book, with the name and
// BIC typed in the transfer form.
type paymentRequest struct {
	checkRequest
	Payee string `json:"payee"`
	Name  string `json:"name,omitempty"`
	BIC   string `json:"bic,omitempty"`
}

// request is what the generic handler needs of a request body.
type request[T any] interface {
	*T
	base() *checkRequest
}

// apiError is the body of every 4xx/5xx answer that is not a report.
type apiError struct {
	Error string `json:"error"`
}

// httpError is an error with the status to answer.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) error {
	return &httpError{status, fmt.Sprintf(format, args...)}
}

// checkHandler is the one handler of the check endpoints: it decodes a T, validates the
// common fields, runs check under the server's time limit and answers one report in
// the wire format. A check that could not be made answers the wire error object with
// status 500 (or 504 when it ran out of time).
func checkHandler[T any, R request[T]](s *server, kind string, maxSubject int, check func(ctx context.Context, req R) (reflex.Report, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req := R(new(T))
		if err := decodeJSON(w, r, s.cfg.maxBody, req); err != nil {
			s.fail(w, r, err)
			return
		}
		base := req.base()
		lang, err := reflex.ParseLang(base.Lang)
		if err != nil {
			s.fail(w, r, errorf(http.StatusBadRequest, "lang: want \"fr\" or \"en\""))
			return
		}
		switch {
		case strings.TrimSpace(base.Subject) == "":
			s.fail(w, r, errorf(http.StatusBadRequest, "subject: missing"))
			return
		case len(base.Subject) > maxSubject:
			s.fail(w, r, errorf(http.StatusRequestEntityTooLarge, "subject: longer than %d bytes", maxSubject))
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.checkTimeout)
		defer cancel()
		report, err := check(ctx, req)
		if err != nil {
			status := http.StatusInternalServerError
			var he *httpError
			switch {
			case errors.As(err, &he):
				s.fail(w, r, err)
				return
			case errors.Is(err, context.DeadlineExceeded):
				status = http.StatusGatewayTimeout
			case errors.Is(err, urlcheck.ErrInvalidURL):
				writeJSON(w, http.StatusUnprocessableEntity, reflex.WireError(base.Subject, kind, err, lang))
				return
			}
			s.logger.Error("check failed", "kind", kind, "err", redactedError(err))
			writeJSON(w, status, reflex.WireError(base.Subject, kind, err, lang))
			return
		}
		writeJSON(w, http.StatusOK, report.Wire(lang))
	}
}

// fromChecker adapts a reflex.Checker to checkHandler; a nil checker answers 501.
func fromChecker[T any, R request[T]](c reflex.Checker, what string) func(context.Context, R) (reflex.Report, error) {
	return func(ctx context.Context, req R) (reflex.Report, error) {
		if c == nil {
			return reflex.Report{}, errUnavailable(what + " checks")
		}
		return c.Check(ctx, req.base().Subject)
	}
}

// errUnavailable says this server was started without a check.
func errUnavailable(what string) error {
	return errorf(http.StatusNotImplemented, "%s: not available on this server", what)
}

// decodeJSON reads exactly one JSON object of at most limit bytes into v, rejecting
// unknown fields and trailing data.
func decodeJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != "application/json" {
			return errorf(http.StatusUnsupportedMediaType, "content type: want application/json (with curl: -H 'Content-Type: application/json')")
		}
	}
	body := http.MaxBytesReader(w, r.Body, limit)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &tooBig):
			return errorf(http.StatusRequestEntityTooLarge, "body: larger than %d bytes", limit)
		case errors.Is(err, io.EOF):
			return errorf(http.StatusBadRequest, "body: empty, want a JSON object")
		case errors.As(err, &syntax), errors.Is(err, io.ErrUnexpectedEOF):
			return errorf(http.StatusBadRequest, "body: malformed JSON")
		case errors.As(err, &typ):
			return errorf(http.StatusBadRequest, "body: field %q must be a %s", typ.Field, typ.Type)
		case strings.HasPrefix(err.Error(), "json: unknown field"):
			return errorf(http.StatusBadRequest, "body: %s", strings.TrimPrefix(err.Error(), "json: "))
		}
		return errorf(http.StatusBadRequest, "body: not a JSON object")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return errorf(http.StatusRequestEntityTooLarge, "body: larger than %d bytes", limit)
		}
		return errorf(http.StatusBadRequest, "body: one JSON object only")
	}
	return nil
}

// writeJSON answers v as JSON, with HTML characters kept readable (like the CLI).
func writeJSON(w http.ResponseWriter, status int, v any) {
	var b []byte
	var err error
	if m, ok := v.(json.Marshaler); ok {
		b, err = m.MarshalJSON()
	} else {
		b, err = json.Marshal(v)
	}
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":"could not encode the answer"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

// fail answers an error as a JSON object with its status (400 when it has none).
func (s *server) fail(w http.ResponseWriter, _ *http.Request, err error) {
	status := http.StatusBadRequest
	var he *httpError
	if errors.As(err, &he) {
		status = he.status
	}
	writeJSON(w, status, apiError{Error: err.Error()})
}

// redactedError keeps an error's text out of the logs when it may quote the subject
// (an IBAN, a message): only its type and the sentinel it wraps are logged.
func redactedError(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "deadline exceeded"
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	return fmt.Sprintf("%T", err)
}
