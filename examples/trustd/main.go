// Command trustd serves the trustreflex checks as an HTTP JSON API, with a demo of
// in-flow warnings that partner pages embed.
//
//	go run ./examples/trustd [--addr 127.0.0.1:8080] [--book FILE|postgres://... [--seed-demo]]
//
// API (described in OpenAPI at GET /openapi.json):
//
//	POST /v1/check/url      {"subject": "https://ants-gouv.fr", "lang": "fr", "for": "carte-grise"}
//	POST /v1/check/iban     {"subject": "FR76 3000 6000 0112 3456 7890 189"}
//	POST /v1/check/message  {"subject": "INFO ANTAI : réglez votre amende sur ..."}
//	POST /v1/check/payment  {"subject": "FR76 ...", "payee": "proprietaire", "name": "Jean Martin"}
//	POST /v1/check/file?name=scan.pdf   (the file as the body)
//	GET  /v1/procedures, GET /healthz
//
// Each check answers one report in the wire format of the CLI's --json. Demo pages:
// GET / (French; ?lang=en for English), and the component at GET /trust-reflex.js.
//
// Requests are bounded (body size, header and body read time, check time); bad input
// gets a 4xx JSON error; SIGINT or SIGTERM drains the server gracefully. The log holds
// method, path, status and duration: never a body, a query, an IBAN or a file name.
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
	addr      string
	book      string
	seedDemo  bool
	maxUpload int64
	origins   originList
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
	o := options{}
	fs := flag.NewFlagSet("trustd", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&o.book, "book", "", "payee book of /v1/check/payment, as the CLI's --book: a SQLite file that exists, or a postgres:// URL (default: in memory, with the demo payees)")
	fs.BoolVar(&o.seedDemo, "seed-demo", false, "confirm the demo payees in the --book when it does not know them (creating a missing SQLite file)")
	fs.Var(&o.origins, "allow-origin", "let pages of this origin (https://host[:port]) call the API; repeatable")
	fs.Int64Var(&o.maxUpload, "max-upload", defaultConfig().maxUpload, "largest file accepted by /v1/check/file, in bytes")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: trustd [--addr HOST:PORT] [--book FILE|postgres://... [--seed-demo]] [--allow-origin ORIGIN] [--max-upload BYTES]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return o, fmt.Errorf("trustd: unexpected argument %q", fs.Arg(0))
	}
	return o, nil
}

func run(args []string, stderr io.Writer) int {
	opts, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	cfg := defaultConfig()
	cfg.maxUpload = opts.maxUpload
	cfg.allowOrigins = opts.origins

	c, payees, closeChecks, err := buildChecks(opts)
	if err != nil {
		logger.Error("start", "err", err)
		return 1
	}
	defer closeChecks()
	s := newServer(cfg, c, logger)
	s.demoPayees = payees

	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		logger.Error("listen", "err", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger.Info("listening", "addr", "http://"+ln.Addr().String())
	if err := serve(ctx, ln, s, logger); err != nil {
		logger.Error("serve", "err", err)
		return 1
	}
	return 0
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
