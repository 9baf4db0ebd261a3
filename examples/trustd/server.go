package main

import (
	"context"
	_ "embed"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck"
)

// config holds the server's limits and policies.
type config struct {
	maxBody      int64         // JSON request bodies
	maxUpload    int64         // uploaded files
	checkTimeout time.Duration // one check (a payment check includes reading the book)
	allowOrigins []string      // origins whose pages may call the API (CORS); none by default

	maxUploads     int           // files received and inspected at once
	uploadWait     time.Duration // how long an upload may wait for a free slot before 503
	uploadGrace    time.Duration // time an upload has before the minimum rate applies
	uploadMinRate  int64         // bytes per second an upload must keep, on average, to hold its slot
	uploadDeadline time.Duration // the longest an upload may take, whatever its rate

	publicChecks bool // /v1/check/... without an API key
	rate         rateConfig
}

func defaultConfig() config {
	return config{
		maxBody: 128 << 10, maxUpload: 32 << 20, checkTimeout: 5 * time.Second,
		maxUploads: 4, uploadWait: time.Second, uploadGrace: 5 * time.Second,
		uploadMinRate: 64 << 10, uploadDeadline: 55 * time.Second,
	}
}

// Subject limits per kind: a link, an IBAN, a message (messagecheck scans at most 64 KiB).
const (
	maxURLSubject     = 4 << 10
	maxIBANSubject    = 128
	maxMessageSubject = 64 << 10
	maxNameField      = 256
	maxPayeeID        = 200
)

type server struct {
	cfg     config
	checks  checks
	logger  *slog.Logger
	keys    *keyStore
	limiter *clientLimiter
	metrics *metrics
	uploads chan struct{}
	routes  []*route
	calls   sync.Pool
	// demoPayees are listed in the transfer page (the payees of the demo book).
	demoPayees []demoPayee
}

// access says who may call a route.
type access int

const (
	anyone  access = iota // pages, health, metrics, the API's description
	checker               // a check: with an API key, or anyone with --public-checks
	keyOnly               // the payee API: an API key, always
)

// route is one operation. Its path may hold one {name} segment, such as
// /v1/payees/{payee}/confirm; the OpenAPI test checks that the API routes and the
// document agree.
type route struct {
	method, path string
	handler      func(*call)
	api          bool // part of the JSON API (documented in openapi.json)
	access       access

	prefix, suffix string // around the {name} segment, when there is one
	param          bool
	stats          *routeStats
}

func (rt *route) match(escapedPath string) (value string, ok bool) {
	if !rt.param {
		return "", escapedPath == rt.path
	}
	rest, ok := strings.CutPrefix(escapedPath, rt.prefix)
	if !ok {
		return "", false
	}
	seg, ok := strings.CutSuffix(rest, rt.suffix)
	if !ok || seg == "" || strings.Contains(seg, "/") {
		return "", false
	}
	return seg, true
}

//go:embed openapi.json
var openAPIDoc []byte

func newServer(cfg config, c checks, logger *slog.Logger) *server {
	s := &server{cfg: cfg, checks: c, logger: logger, uploads: make(chan struct{}, cfg.maxUploads), keys: &keyStore{}}
	s.calls.New = func() any { return new(call) }
	s.limiter = newClientLimiter(cfg.rate)
	s.metrics = newMetrics(s)
	api := func(method, path string, acc access, h func(*call)) *route {
		return &route{method: method, path: path, handler: h, api: true, access: acc}
	}
	s.routes = []*route{
		api("GET", "/healthz", anyone, s.health),
		api("GET", "/readyz", anyone, s.ready),
		api("GET", "/metrics", anyone, s.metrics.serve),
		api("GET", "/openapi.json", anyone, s.openAPI),
		api("GET", "/v1/procedures", anyone, s.procedureList),
		api("GET", "/v1/labels", anyone, s.labels),
		api("POST", "/v1/check/url", checker, checkHandler(s, reflex.KindURL, maxURLSubject, s.checkURL)),
		api("POST", "/v1/check/iban", checker, checkHandler(s, reflex.KindIBAN, maxIBANSubject, fromChecker[checkRequest](c.iban))),
		api("POST", "/v1/check/message", checker, checkHandler(s, reflex.KindMessage, maxMessageSubject, fromChecker[checkRequest](c.message))),
		api("POST", "/v1/check/payment", checker, checkHandler(s, reflex.KindPayment, maxIBANSubject, s.checkPayment)),
		api("POST", "/v1/check/file", checker, s.checkFile),
		api("POST", "/v1/payees/{payee}/confirm", keyOnly, s.confirm),
		api("POST", "/v1/payees/{payee}/revoke", keyOnly, s.revoke),
		api("GET", "/v1/payees/{payee}/history", keyOnly, s.history),
	}
	s.routes = append(s.routes, s.webRoutes()...)
	for _, rt := range s.routes {
		if i := strings.IndexByte(rt.path, '{'); i >= 0 {
			j := strings.IndexByte(rt.path, '}')
			rt.prefix, rt.suffix, rt.param = rt.path[:i], rt.path[j+1:], true
		}
		rt.stats = s.metrics.forRoute(rt.path)
	}
	return s
}

func (s *server) health(c *call) {
	writeJSON(c, http.StatusOK, map[string]string{"status": "ok"})
}

// ready answers 200 while the server can answer every check: its payee book, if it has
// one, answers a read. A load balancer sends no traffic to an instance that is not ready.
func (s *server) ready(c *call) {
	if s.checks.ready != nil {
		ctx, cancel := context.WithTimeout(c.r.Context(), 2*time.Second)
		defer cancel()
		if err := s.checks.ready(ctx); err != nil {
			s.logger.LogAttrs(ctx, slog.LevelWarn, "not ready", slog.String("err", redactedError(err)))
			s.fail(c, bookDown(err))
			return
		}
	}
	writeJSON(c, http.StatusOK, map[string]string{"status": "ready"})
}

func (s *server) openAPI(c *call) {
	c.Header()["Content-Type"] = jsonType
	_, _ = c.Write(openAPIDoc)
}

// labels answers the words of the verdicts and of an in-flow warning, in ?lang= (or
// the Accept-Language header; French by default), from the catalogue.
func (s *server) labels(c *call) {
	if err := c.queryLang(); err != nil {
		s.fail(c, err)
		return
	}
	c.Header().Set("Content-Language", c.lang.String())
	writeJSON(c, http.StatusOK, reflex.Labels(c.lang))
}

func (s *server) procedureList(c *call) {
	list := []urlcheck.Procedure{}
	if s.checks.procedures != nil {
		list = append(list, s.checks.procedures()...)
	}
	writeJSON(c, http.StatusOK, list)
}

// Header values set on every answer, shared rather than allocated per request.
var (
	nosniff  = []string{"nosniff"}
	noRef    = []string{"no-referrer"}
	jsonType = []string{"application/json; charset=utf-8"}
	noStore  = []string{"no-store"}
)

// ServeHTTP finds the route, the language of the answer and the caller (its API key),
// applies the rate limit, runs the handler, then counts and logs the request: method,
// route, status, size, duration and the key's name. Never a body, a query, a payee
// identifier or an address: they may hold an IBAN, a name or a file name.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	c := s.calls.Get().(*call)
	*c = call{w: w, r: r, status: http.StatusOK}
	h := w.Header()
	h["X-Content-Type-Options"] = nosniff
	h["Referrer-Policy"] = noRef
	c.lang = requestLang(r)
	rt := s.serve(c)
	stats := s.metrics.unmatched
	if rt != nil {
		stats = rt.stats
	}
	d := time.Since(start)
	stats.observe(c.status, d)
	if s.logger.Enabled(r.Context(), slog.LevelInfo) {
		path := "(unknown)"
		if rt != nil {
			path = rt.path
		}
		attrs := [...]slog.Attr{
			slog.String("method", r.Method), slog.String("route", path), slog.Int("status", c.status),
			slog.Int("bytes", c.bytes), slog.Duration("duration", d.Round(time.Microsecond)), slog.String("key", c.key),
		}
		n := len(attrs)
		if c.key == "" {
			n--
		}
		s.logger.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs[:n]...)
	}
	*c = call{}
	s.calls.Put(c)
}

// serve answers c and returns its route (nil for a path that has none).
func (s *server) serve(c *call) *route {
	r := c.r
	if s.cors(c, r) {
		return nil
	}
	path := r.URL.EscapedPath()
	var found *route
	var allowed []string
	for _, rt := range s.routes {
		value, ok := rt.match(path)
		if !ok {
			continue
		}
		if rt.method == r.Method || rt.method == "GET" && r.Method == "HEAD" {
			found, c.param = rt, value
			break
		}
		allowed = append(allowed, rt.method)
	}
	if found == nil {
		if len(allowed) == 0 {
			s.fail(c, problem(http.StatusNotFound, reflex.TextServerNotFound))
			return nil
		}
		slices.Sort(allowed)
		list := strings.Join(allowed, ", ")
		c.Header().Set("Allow", list)
		s.fail(c, problem(http.StatusMethodNotAllowed, reflex.TextServerMethod, "allow", list))
		return nil
	}
	if !s.authorize(c, found) || !s.admit(c, found) {
		return found
	}
	found.handler(c)
	return found
}

// authorize reads the API key (Authorization: Bearer KEY): a key that is given must be
// valid, on any route; a route that needs one gets 401 without it.
func (s *server) authorize(c *call, rt *route) bool {
	auth := c.r.Header.Get("Authorization")
	if auth != "" {
		name, ok := s.keys.authenticate(auth)
		if !ok {
			s.unauthorized(c)
			return false
		}
		c.key = name
		return true
	}
	if rt.access == keyOnly || rt.access == checker && !s.cfg.publicChecks {
		s.unauthorized(c)
		return false
	}
	return true
}

func (s *server) unauthorized(c *call) {
	s.metrics.authFailures.Inc()
	c.Header().Set("WWW-Authenticate", `Bearer realm="trustd"`)
	s.fail(c, problem(http.StatusUnauthorized, reflex.TextServerUnauthorized, "header", "Authorization", "scheme", "Bearer"))
}

// admit applies the per-client rate limit to the API's checks and payee operations.
func (s *server) admit(c *call, rt *route) bool {
	if !s.limiter.enabled() || rt.access == anyone {
		return true
	}
	ok, retry := s.limiter.allow(s.limiter.client(c.r, c.key))
	if ok {
		return true
	}
	s.metrics.rateLimited.Inc()
	e := problem(http.StatusTooManyRequests, reflex.TextServerRateLimited)
	e.retryAfter = retry
	s.fail(c, e)
	return false
}

// cors lets the pages of the allowed origins call the API from the browser: it adds the
// CORS headers to their requests and answers their preflight requests (it then returns
// true). Other origins get no CORS header, so browsers keep their pages out.
func (s *server) cors(c *call, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || !slices.Contains(s.cfg.allowOrigins, origin) || !strings.HasPrefix(r.URL.Path, "/v1/") {
		return false
	}
	h := c.Header()
	h.Set("Access-Control-Allow-Origin", origin)
	h.Add("Vary", "Origin")
	if r.Method != http.MethodOptions || r.Header.Get("Access-Control-Request-Method") == "" {
		return false
	}
	h.Set("Access-Control-Allow-Methods", "GET, POST")
	h.Set("Access-Control-Allow-Headers", "Content-Type")
	h.Set("Access-Control-Max-Age", "600")
	c.WriteHeader(http.StatusNoContent)
	return true
}

// call is one request under way: the writer (which records the status and size), the
// request, the language of the answer, the route's {name} value and the API key's name.
// Calls are pooled: the request path allocates as little as it can.
type call struct {
	w      http.ResponseWriter
	r      *http.Request
	lang   reflex.Lang
	param  string // the escaped {payee} of the route, if any
	key    string // name of the API key that authenticated the request, if any
	status int
	bytes  int
	wrote  bool
}

func (c *call) Header() http.Header { return c.w.Header() }

func (c *call) WriteHeader(status int) {
	if !c.wrote {
		c.status, c.wrote = status, true
	}
	c.w.WriteHeader(status)
}

func (c *call) Write(b []byte) (int, error) {
	c.wrote = true
	n, err := c.w.Write(b)
	c.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (upload deadlines).
func (c *call) Unwrap() http.ResponseWriter { return c.w }

// queryLang takes ?lang= when the request has one: fr or en, else a 400 error.
func (c *call) queryLang() error {
	if c.r.URL.RawQuery == "" {
		return nil
	}
	q := c.r.URL.Query().Get("lang")
	if q == "" {
		return nil
	}
	l, err := reflex.ParseLang(q)
	if err != nil {
		return badLang()
	}
	c.lang = l
	return nil
}

// requestLang is the language of the answers before the body is read: a valid ?lang=,
// else the Accept-Language header, else French. A JSON body's "lang" overrides it.
func requestLang(r *http.Request) reflex.Lang {
	if strings.Contains(r.URL.RawQuery, "lang=") {
		if q := r.URL.Query().Get("lang"); q != "" {
			if l, err := reflex.ParseLang(q); err == nil {
				return l
			}
		}
	}
	if al := r.Header.Get("Accept-Language"); al != "" {
		return reflex.LangFromAcceptLanguage(al)
	}
	return reflex.French
}

// retryAfter formats seconds for the Retry-After header.
func retryAfter(seconds int) string { return strconv.Itoa(max(seconds, 1)) }
