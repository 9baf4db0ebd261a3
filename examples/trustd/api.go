package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"

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
	fieldSetter
	base() *checkRequest
}

// apiError is the body of every 4xx/5xx answer that is not a report.
type apiError struct {
	Error string `json:"error"`
}

// httpError is an answer that is not a report: its status and the catalogue text the
// caller reads, in the request's language. err keeps the developer's cause for the log.
type httpError struct {
	status     int
	text       reflex.Text
	retryAfter int // seconds, for 429 and 503
	err        error
}

func (e *httpError) Error() string {
	if e.err != nil {
		return e.err.Error()
	}
	return e.text.In(reflex.English)
}

func (e *httpError) Unwrap() error { return e.err }

// problem returns the error answer status with the catalogue text id and its values,
// given as name, value pairs.
func problem(status int, id reflex.TextID, nameValues ...string) *httpError {
	return &httpError{status: status, text: reflex.NewText(id, nameValues...)}
}

func badLang() *httpError {
	return problem(http.StatusBadRequest, reflex.TextServerBadLang, "codes", "fr, en")
}

func notEnabled() *httpError { return problem(http.StatusNotImplemented, reflex.TextServerNotEnabled) }

// checkHandler is the one handler of the JSON check endpoints: it decodes a T, validates
// the common fields, runs check and answers one report in the wire format. A check that
// could not be made answers the wire error object: 503 with Retry-After when the payee
// book does not answer, 504 when it ran out of time, 500 otherwise.
func checkHandler[T any, R request[T]](s *server, kind string, maxSubject int, check func(ctx context.Context, req R) (reflex.Report, error)) func(*call) {
	fields := jsonFields(reflect.TypeFor[T]())
	verdicts := s.metrics.verdictsOf(kind)
	failures := s.metrics.checkErrors.WithLabelValues(kind)
	return func(c *call) {
		req := R(new(T))
		if err := decodeJSON(c, s.cfg.maxBody, req, fields); err != nil {
			s.fail(c, err)
			return
		}
		base := req.base()
		if base.Lang != "" {
			l, err := reflex.ParseLang(base.Lang)
			if err != nil {
				s.fail(c, badLang())
				return
			}
			c.lang = l
		}
		switch {
		case strings.TrimSpace(base.Subject) == "":
			s.fail(c, problem(http.StatusBadRequest, reflex.TextServerMissingField, "field", "subject"))
			return
		case len(base.Subject) > maxSubject:
			s.fail(c, problem(http.StatusRequestEntityTooLarge, reflex.TextServerFieldTooLong, "field", "subject", "max", strconv.Itoa(maxSubject)))
			return
		}
		report, err := check(c.r.Context(), req)
		if err != nil {
			var he *httpError
			if errors.As(err, &he) {
				s.fail(c, err)
				return
			}
			if errors.Is(err, urlcheck.ErrInvalidURL) {
				writeJSON(c, http.StatusUnprocessableEntity, reflex.WireError(base.Subject, kind, err, c.lang))
				return
			}
			failures.Inc()
			s.logger.LogAttrs(c.r.Context(), slog.LevelError, "check failed", slog.String("kind", kind), slog.String("err", redactedError(err)))
			status := http.StatusInternalServerError
			var be *bookError
			switch {
			case errors.As(err, &be):
				status = http.StatusServiceUnavailable
				c.Header().Set("Retry-After", retryAfter(bookRetryAfter))
			case errors.Is(err, context.DeadlineExceeded):
				status = http.StatusGatewayTimeout
			}
			writeJSON(c, status, reflex.WireError(base.Subject, kind, err, c.lang))
			return
		}
		verdicts[report.Verdict()].Inc()
		writeReport(c, report)
	}
}

// fromChecker adapts a reflex.Checker to checkHandler; a nil checker answers 501.
func fromChecker[T any, R request[T]](c reflex.Checker) func(context.Context, R) (reflex.Report, error) {
	return func(ctx context.Context, req R) (reflex.Report, error) {
		if c == nil {
			return reflex.Report{}, notEnabled()
		}
		return c.Check(ctx, req.base().Subject)
	}
}

// jsonFields lists the JSON names of a request type's fields (embedded structs
// included), for the error that names the accepted fields.
func jsonFields(t reflect.Type) string {
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			names = append(names, jsonFields(f.Type))
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}

// bodies are the buffers request bodies are read into.
var bodies = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// jsonContentType reports whether a Content-Type header is JSON (or absent).
func jsonContentType(ct string) bool {
	if ct == "" || ct == "application/json" || strings.HasPrefix(ct, "application/json;") {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && mt == "application/json"
}

// readBody reads the whole body, at most limit bytes, into a pooled buffer; the caller
// puts it back in bodies. A longer body is a 413 error, and the connection is closed
// rather than read to its end.
func readBody(c *call, limit int64) (*bytes.Buffer, error) {
	buf := bodies.Get().(*bytes.Buffer)
	buf.Reset()
	_, err := buf.ReadFrom(io.LimitReader(c.r.Body, limit+1))
	switch {
	case err != nil:
		bodies.Put(buf)
		return nil, problem(http.StatusBadRequest, reflex.TextServerBodyMalformed)
	case int64(buf.Len()) > limit:
		bodies.Put(buf)
		c.Header().Set("Connection", "close")
		return nil, problem(http.StatusRequestEntityTooLarge, reflex.TextServerBodyTooLarge, "max", strconv.FormatInt(limit, 10))
	}
	return buf, nil
}

// decodeJSON reads exactly one JSON object of at most limit bytes into v, rejecting
// unknown fields (the error names the accepted fields, and "subject" for the check
// endpoints: a first guess of {"url": ...} learns where the link goes) and trailing data.
func decodeJSON(c *call, limit int64, v fieldSetter, fields string) error {
	if !jsonContentType(c.r.Header.Get("Content-Type")) {
		return problem(http.StatusUnsupportedMediaType, reflex.TextServerContentType, "header", "Content-Type: application/json")
	}
	buf, err := readBody(c, limit)
	if err != nil {
		return err
	}
	defer bodies.Put(buf)
	return decodeObject(buf.Bytes(), v, fields)
}

// writeReport answers a report in the wire format, rendered straight into a pooled
// buffer (reflex.Report.AppendWire): the answer costs no allocation of its own.
func writeReport(c *call, r reflex.Report) {
	bp := answers.Get().(*[]byte)
	defer answers.Put(bp)
	b := append(r.AppendWire((*bp)[:0], c.lang), '\n')
	*bp = b // keep a grown buffer for the next answer
	h := c.Header()
	h["Content-Type"] = jsonType
	h["Cache-Control"] = noStore
	c.WriteHeader(http.StatusOK)
	_, _ = c.Write(b)
}

// answers are the buffers of writeReport.
var answers = sync.Pool{New: func() any { b := make([]byte, 0, 4<<10); return &b }}

// writeJSON answers v as JSON followed by a newline, with HTML characters kept readable
// (like the CLI), in one write.
func writeJSON(c *call, status int, v any) {
	buf := bodies.Get().(*bytes.Buffer)
	defer bodies.Put(buf)
	buf.Reset()
	var err error
	if m, ok := v.(json.Marshaler); ok {
		var b []byte
		if b, err = m.MarshalJSON(); err == nil {
			buf.Write(b)
			buf.WriteByte('\n')
		}
	} else {
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		err = enc.Encode(v)
	}
	if err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		b, _ := json.Marshal(apiError{Error: reflex.Text{ID: reflex.TextInternal}.In(c.lang)})
		buf.Write(append(b, '\n'))
	}
	h := c.Header()
	h["Content-Type"] = jsonType
	h["Cache-Control"] = noStore
	c.WriteHeader(status)
	_, _ = c.Write(buf.Bytes())
}

// fail answers an error as {"error": ...} in the request's language, with its status
// (400 when it has none) and its Retry-After.
func (s *server) fail(c *call, err error) {
	status := http.StatusBadRequest
	text := reflex.ErrorTextOf(err)
	var he *httpError
	if errors.As(err, &he) {
		status, text = he.status, he.text
		if he.retryAfter > 0 {
			c.Header().Set("Retry-After", retryAfter(he.retryAfter))
		}
	}
	writeJSON(c, status, apiError{Error: text.In(c.lang)})
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
	var be *bookError
	if errors.As(err, &be) {
		return "payee book: " + be.op
	}
	return reflect.TypeOf(err).String()
}

func (s *server) checkURL(ctx context.Context, req *urlRequest) (reflex.Report, error) {
	if req.For != "" {
		if s.checks.urlFor == nil {
			return reflex.Report{}, notEnabled()
		}
		return s.checks.urlFor(ctx, req.Subject, req.For)
	}
	if s.checks.url == nil {
		return reflex.Report{}, notEnabled()
	}
	return s.checks.url.Check(ctx, req.Subject)
}

// checkPayment reads the payee book, under the server's time limit: a book that does
// not answer in time is an error (503), never a verdict.
func (s *server) checkPayment(ctx context.Context, req *paymentRequest) (reflex.Report, error) {
	switch {
	case strings.TrimSpace(req.Payee) == "":
		return reflex.Report{}, problem(http.StatusBadRequest, reflex.TextServerMissingField, "field", "payee")
	case len(req.Payee) > maxPayeeID:
		return reflex.Report{}, problem(http.StatusBadRequest, reflex.TextServerBadPayee)
	case len(req.Name) > maxNameField:
		return reflex.Report{}, problem(http.StatusRequestEntityTooLarge, reflex.TextServerFieldTooLong, "field", "name", "max", strconv.Itoa(maxNameField))
	case s.checks.payment == nil:
		return reflex.Report{}, notEnabled()
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.checkTimeout)
	defer cancel()
	return s.checks.payment(ctx, *req)
}
