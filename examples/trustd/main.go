// Command trustd serves the trustreflex checks as an HTTP JSON API, with a payee API
// for a partner's back-end and a demo of in-flow warnings that partner pages embed.
//
//	trustd --demo                                       the demo pages, offline, with a demo payee book
//	trustd --book postgres://... --keys keys.txt        a partner service (several instances may share the book)
//
// API (described in OpenAPI at GET /openapi.json; see the README for curl examples):
//
//	POST /v1/check/url      {"subject": "https://ants-gouv.fr", "lang": "fr", "for": "carte-grise"}
//	POST /v1/check/iban     {"subject": "FR76 3000 6000 0112 3456 7890 189"}
//	POST /v1/check/message  {"subject": "INFO ANTAI : réglez votre amende sur ..."}
//	POST /v1/check/payment  {"subject": "FR76 ...", "payee": "proprietaire", "name": "Jean Martin"}
//	POST /v1/check/file?name=scan.pdf   (the file as the body)
//	POST /v1/payees/{payee}/confirm {"iban": ..., "name": ...}   POST /v1/payees/{payee}/revoke {"iban": ...}
//	GET  /v1/payees/{payee}/history
//	GET  /v1/procedures, /v1/labels, /healthz, /readyz, /metrics
//
// The payee API needs an API key (--keys FILE, "Authorization: Bearer KEY"); so do the
// checks, unless --public-checks (or --demo) opens them. Each check answers one report
// in the wire format of the CLI's --json; errors are {"error": ...} in the request's
// language. Demo pages: GET / (French; ?lang=en for English), and the component at
// GET /trust-reflex.js.
//
// Requests are bounded (body size, header and body read time, upload rate, check time,
// optional per-client rate); SIGINT or SIGTERM drains the server gracefully; SIGHUP
// reloads the keys file. The log (text, or JSON with --log-format json) holds method,
// route, status, duration and the key's name: never a body, a query, a payee, an IBAN,
// a file name or a client's address.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// options are the command-line settings.
type options struct {
	addr         string
	book         string
	demo         bool
	seedDemo     bool
	keys         string
	publicChecks bool
	maxUpload    int64
	maxUploads   int
	uploadRate   int64
	rate         float64
	burst        int
	trusted      prefixList
	logFormat    string
	origins      originList
}

// originList is the repeatable --allow-origin flag.
type originList []string

func (o *originList) String() string { return strings.Join(*o, ",") }

func (o *originList) Set(v string) error {
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" || u.RawQuery != "" {
		return fmt.Errorf("want an origin such as https://partner.example, not %q", v)
	}
	*o = append(*o, v)
	return nil
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	def := defaultConfig()
	o := options{}
	fs := flag.NewFlagSet("trustd", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&o.book, "book", "", "payee book of the payment checks and the payee API, as the CLI's --book: a SQLite file that exists, or a postgres:// URL (several trustd may share one PostgreSQL book)")
	fs.BoolVar(&o.demo, "demo", false, "demo mode: a payee book in memory with the demo payees, and checks open without a key (for the demo pages)")
	fs.BoolVar(&o.seedDemo, "seed-demo", false, "confirm the demo payees in the --book when it does not know them (creating a missing SQLite file)")
	fs.StringVar(&o.keys, "keys", "", "API keys file: one NAME:SHA256HEX a line (# comments); reloaded on SIGHUP")
	fs.BoolVar(&o.publicChecks, "public-checks", false, "let anyone call /v1/check/... without an API key (the payee API always needs one)")
	fs.Var(&o.origins, "allow-origin", "let pages of this origin (https://host[:port]) call the API; repeatable")
	fs.Int64Var(&o.maxUpload, "max-upload", def.maxUpload, "largest file accepted by /v1/check/file, in bytes")
	fs.IntVar(&o.maxUploads, "max-uploads", def.maxUploads, "files received and inspected at once; more wait a second, then get 503")
	fs.Int64Var(&o.uploadRate, "upload-min-rate", def.uploadMinRate, "bytes per second an upload must keep on average (after 5 s) to hold its slot")
	fs.Float64Var(&o.rate, "rate", 0, "requests per second each client may make to the API, on average (0: no limit); a client is its API key, else its address")
	fs.IntVar(&o.burst, "burst", 0, "requests a client may make at once under --rate (default: twice --rate)")
	fs.Var(&o.trusted, "trusted-proxy", "address or prefix of a reverse proxy whose X-Forwarded-For names the client, for --rate; repeatable (default: none, the header is ignored)")
	fs.StringVar(&o.logFormat, "log-format", "text", "log format: text or json")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: trustd [--addr HOST:PORT] (--demo | [--book FILE|postgres://... [--seed-demo]] [--keys FILE] [--public-checks]) [options]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	var err error
	switch {
	case fs.NArg() > 0:
		err = fmt.Errorf("trustd: unexpected argument %q", fs.Arg(0))
	case o.demo && o.book != "":
		err = errors.New("trustd: --demo keeps its payee book in memory: give --demo or --book, not both")
	case o.logFormat != "text" && o.logFormat != "json":
		err = fmt.Errorf("trustd: --log-format: want text or json, not %q", o.logFormat)
	case o.rate < 0 || o.burst < 0 || o.maxUploads < 1 || o.maxUpload < 1 || o.uploadRate < 0:
		err = errors.New("trustd: --rate, --burst, --upload-min-rate must not be negative, --max-upload and --max-uploads must be positive")
	case !o.demo && !o.publicChecks && o.keys == "":
		err = errors.New("trustd: nobody could call the API: give --keys FILE (and --public-checks to open the checks to all), or --demo")
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		fs.Usage()
	}
	return o, err
}

func run(args []string, stderr io.Writer) int {
	opts, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	var handler slog.Handler = slog.NewTextHandler(stderr, nil)
	if opts.logFormat == "json" {
		handler = slog.NewJSONHandler(stderr, nil)
	}
	logger := slog.New(handler)
	cfg := defaultConfig()
	cfg.maxUpload, cfg.maxUploads, cfg.uploadMinRate = opts.maxUpload, opts.maxUploads, opts.uploadRate
	cfg.allowOrigins = opts.origins
	cfg.publicChecks = opts.publicChecks || opts.demo
	cfg.rate = rateConfig{perSecond: opts.rate, burst: opts.burst, trusted: opts.trusted}

	var keys []apiKey
	if opts.keys != "" {
		if keys, err = loadKeys(opts.keys); err != nil {
			logger.Error("start", "err", err)
			return 1
		}
	}
	c, payees, closeChecks, err := buildChecks(opts)
	if err != nil {
		logger.Error("start", "err", err)
		return 1
	}
	defer closeChecks()
	s := newServer(cfg, c, logger)
	s.demoPayees = payees
	s.keys.set(keys)

	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		logger.Error("listen", "err", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP) // before saying it listens: a SIGHUP never ends trustd
	defer signal.Stop(hup)
	go reloadKeysOnHangup(ctx, hup, opts.keys, s.keys, logger)
	logger.Info("listening", "addr", "http://"+ln.Addr().String(), "book", bookKind(opts), "keys", len(keys),
		"public_checks", cfg.publicChecks, "rate", opts.rate)
	if err := serve(ctx, ln, s, logger); err != nil {
		logger.Error("serve", "err", err)
		return 1
	}
	return 0
}

// bookKind names the kind of payee book for the log, never its path or URL.
func bookKind(o options) string {
	switch {
	case o.demo:
		return "demo (in memory)"
	case o.book == "":
		return "none"
	case strings.HasPrefix(strings.ToLower(o.book), "postgres"):
		return "postgresql"
	}
	return "sqlite"
}

// reloadKeysOnHangup reloads the keys file on each SIGHUP. A file that does not load
// leaves the keys in use unchanged, and says why in the log.
func reloadKeysOnHangup(ctx context.Context, hup <-chan os.Signal, path string, keys *keyStore, logger *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			if path == "" {
				logger.Warn("SIGHUP: no --keys file to reload")
				continue
			}
			k, err := loadKeys(path)
			if err != nil {
				logger.Error("keys not reloaded: the previous keys stay in use", "err", err)
				continue
			}
			keys.set(k)
			logger.Info("keys reloaded", "keys", len(k))
		}
	}
}

// newHTTPServer sets the time limits that protect the server from slow or stuck
// clients: the headers must arrive within 5 s, a whole request (an upload included)
// within 60 s; an idle keep-alive connection is closed after 2 minutes.
func newHTTPServer(h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      75 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}

// serve answers on ln until ctx is done, then stops taking connections and lets the
// requests under way finish (at most 10 s).
func serve(ctx context.Context, ln net.Listener, h http.Handler, logger *slog.Logger) error {
	srv := newHTTPServer(h, logger)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("trustd: shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
