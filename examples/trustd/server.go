package main

import (
	"context"
	_ "embed"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck"
)

// config holds the server's limits.
type config struct {
	maxBody      int64         // JSON request bodies
	maxUpload    int64         // uploaded files
	checkTimeout time.Duration // one check
	maxUploads   int           // files inspected at once (each is spooled to a temporary file)
	allowOrigins []string      // origins whose pages may call the API (CORS); none by default
}

func defaultConfig() config {
	return config{maxBody: 128 << 10, maxUpload: 32 << 20, checkTimeout: 5 * time.Second, maxUploads: 4}
}

// Subject limits per kind: a link, an IBAN, a message (messagecheck scans at most 64 KiB).
const (
	maxURLSubject     = 4 << 10
	maxIBANSubject    = 128
	maxMessageSubject = 64 << 10
)

// checks are the checks the server runs. Each is an interface or a function value so
// that the handlers stay the same whatever the checks are built from.
type checks struct {
	url        reflex.Checker
	urlFor     func(ctx context.Context, url, procedure string) (reflex.Report, error)
	iban       reflex.Checker
	message    reflex.Checker
	payment    func(ctx context.Context, req paymentRequest) (reflex.Report, error)
	file       func(ctx context.Context, name string, r io.ReaderAt, size int64) (reflex.Report, error)
	procedures func() []urlcheck.Procedure // GET /v1/procedures, in their one JSON form
}

type server struct {
	cfg     config
	checks  checks
	logger  *slog.Logger
	uploads chan struct{}
	routes  []route
	// demoPayees are listed in the transfer page (the payees of the demo book).
	demoPayees []demoPayee
}

// route is one documented operation; the OpenAPI test checks both lists agree.
type route struct {
	method, path string
	handler      http.HandlerFunc
	api          bool // part of the JSON API (documented in openapi.json)
}

//go:embed openapi.json
var openAPIDoc []byte

func newServer(cfg config, c checks, logger *slog.Logger) *server {
	s := &server{cfg: cfg, checks: c, logger: logger, uploads: make(chan struct{}, cfg.maxUploads)}
	s.routes = []route{
		{"GET", "/healthz", s.health, true},
		{"GET", "/openapi.json", s.openAPI, true},
		{"GET", "/v1/procedures", s.procedureList, true},
		{"GET", "/v1/labels", s.labels, true},
		{"POST", "/v1/check/url", checkHandler(s, reflex.KindURL, maxURLSubject, s.checkURL), true},
		{"POST", "/v1/check/iban", checkHandler(s, reflex.KindIBAN, maxIBANSubject, fromChecker[checkRequest](c.iban, "iban")), true},
		{"POST", "/v1/check/message", checkHandler(s, reflex.KindMessage, maxMessageSubject, fromChecker[checkRequest](c.message, "message")), true},
		{"POST", "/v1/check/payment", checkHandler(s, reflex.KindPayment, maxIBANSubject, s.checkPayment), true},
		{"POST", "/v1/check/file", s.checkFile, true},
	}
	s.routes = append(s.routes, s.webRoutes()...)
	return s
}

func (s *server) checkURL(ctx context.Context, req *urlRequest) (reflex.Report, error) {
	if req.For != "" {
		if s.checks.urlFor == nil {
			return reflex.Report{}, errUnavailable("url checks for a procedure")
		}
		return s.checks.urlFor(ctx, req.Subject, req.For)
	}
	if s.checks.url == nil {
		return reflex.Report{}, errUnavailable("url checks")
	}
	return s.checks.url.Check(ctx, req.Subject)
}

func (s *server) checkPayment(ctx context.Context, req *paymentRequest) (reflex.Report, error) {
	if strings.TrimSpace(req.Payee) == "" {
		return reflex.Report{}, errorf(http.StatusBadRequest, "payee: missing")
	}
	if s.checks.payment == nil {
		return reflex.Report{}, errUnavailable("payment checks (no payee book)")
	}
	return s.checks.payment(ctx, *req)
}

func (s *server) health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *server) openAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(openAPIDoc)
}

// labels answers the words of the verdicts and of an in-flow warning, in ?lang= (or
// the Accept-Language header; French by default), from the catalogue.
func (s *server) labels(w http.ResponseWriter, r *http.Request) {
	lang := reflex.LangFromAcceptLanguage(r.Header.Get("Accept-Language"))
	if q := r.URL.Query().Get("lang"); q != "" {
		l, err := reflex.ParseLang(q)
		if err != nil {
			s.fail(w, r, errorf(http.StatusBadRequest, "lang: want \"fr\" or \"en\""))
			return
		}
		lang = l
	}
	w.Header().Set("Content-Language", lang.String())
	writeJSON(w, http.StatusOK, reflex.Labels(lang))
}

func (s *server) procedureList(w http.ResponseWriter, _ *http.Request) {
	list := []urlcheck.Procedure{}
	if s.checks.procedures != nil {
		list = append(list, s.checks.procedures()...)
	}
	writeJSON(w, http.StatusOK, list)
}

// ServeHTTP dispatches on the route table, answering JSON 404 and 405 errors, and logs
// each request without its body or query (they may hold an IBAN or a file name).
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if s.cors(rec, r) {
		s.logRequest(r, rec, start)
		return
	}
	s.dispatch(rec, r)
	s.logRequest(r, rec, start)
}

func (s *server) logRequest(r *http.Request, rec *statusRecorder, start time.Time) {
	s.logger.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
		"bytes", rec.bytes, "duration", time.Since(start).Round(time.Microsecond))
}

// cors lets the pages of the allowed origins call the API from the browser: it adds the
// CORS headers to their requests and answers their preflight requests (it then returns
// true). Other origins get no CORS header, so browsers keep their pages out.
func (s *server) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || !slices.Contains(s.cfg.allowOrigins, origin) || !strings.HasPrefix(r.URL.Path, "/v1/") {
		return false
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", origin)
	h.Add("Vary", "Origin")
	if r.Method != http.MethodOptions || r.Header.Get("Access-Control-Request-Method") == "" {
		return false
	}
	h.Set("Access-Control-Allow-Methods", "GET, POST")
	h.Set("Access-Control-Allow-Headers", "Content-Type")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
	return true
}

func (s *server) dispatch(w http.ResponseWriter, r *http.Request) {
	var allowed []string
	for _, rt := range s.routes {
		if rt.path != r.URL.Path {
			continue
		}
		if rt.method == r.Method || rt.method == "GET" && r.Method == "HEAD" {
			rt.handler(w, r)
			return
		}
		allowed = append(allowed, rt.method)
	}
	if len(allowed) > 0 {
		slices.Sort(allowed)
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		writeJSON(w, http.StatusMethodNotAllowed, apiError{Error: "method not allowed: use " + strings.Join(allowed, ", ")})
		return
	}
	writeJSON(w, http.StatusNotFound, apiError{Error: "not found"})
}

// statusRecorder remembers the status and size of an answer for the log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}
