package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trustreflex/trustreflex/internal/pgtest"
	"github.com/trustreflex/trustreflex/urlcheck"
)

// The load benchmarks run each check twice in one run: called directly (the baseline)
// and over HTTP on 127.0.0.1 with several keep-alive clients, each request timed. They
// report requests per second, p50 and p99 latency, and (over HTTP) the overhead ratio:
// ns/op over HTTP divided by ns/op of the direct call. allocs/op counts the whole
// process; the load clients are raw HTTP/1.1 connections that allocate almost nothing,
// so it is the server's request path.
//
//	go test ./examples/trustd -run '^$' -bench 'Load|Handler' -benchmem
//
// BenchmarkPaymentCheckLoad needs PostgreSQL (TRUSTREFLEX_POSTGRES_URL).

// benchURLs mixes official, lookalike and unknown sites, with and without scheme.
var benchURLs = []string{
	"https://immatriculation.ants.gouv.fr/",
	"https://ants-gouv.fr/carte-grise",
	"antai-gouv-amendes.net/paiement",
	"https://www.impots.gouv.fr/accueil",
	"http://ameli.fr.secure-remboursement.com/login",
	"https://bit.ly/3xYzA",
	"https://www.example.com/",
	"https://www.service-public.fr/particuliers/vosdroits/N367",
}

// clientsPerCore is the number of concurrent clients per GOMAXPROCS.
const clientsPerCore = 4

// measure runs op from clientsPerCore goroutines per core until b.N calls are done,
// timing each, and reports req/s, p50-µs and p99-µs. It returns the ns per call.
func measure(b *testing.B, op func(client, i int) error) float64 {
	var mu sync.Mutex
	var latencies []time.Duration
	var next int
	b.SetParallelism(clientsPerCore)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		mu.Lock()
		client := next
		next++
		mu.Unlock()
		mine := make([]time.Duration, 0, 1024)
		for i := 0; pb.Next(); i++ {
			t0 := time.Now()
			if err := op(client, i); err != nil {
				b.Error(err)
				return
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		latencies = append(latencies, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	b.StopTimer()
	if len(latencies) == 0 {
		return 0
	}
	slices.Sort(latencies)
	quantile := func(q int) time.Duration { return latencies[min(len(latencies)-1, len(latencies)*q/100)] }
	b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(quantile(50).Nanoseconds())/1e3, "p50-µs")
	b.ReportMetric(float64(quantile(99).Nanoseconds())/1e3, "p99-µs")
	return float64(elapsed.Nanoseconds()) / float64(len(latencies))
}

// rawClient is one keep-alive HTTP/1.1 connection that sends prepared requests and
// reads the answers' status and body length, as a load generator does.
type rawClient struct {
	conn net.Conn
	r    *bufio.Reader
}

func dialRaw(addr string) (*rawClient, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &rawClient{conn: c, r: bufio.NewReaderSize(c, 16<<10)}, nil
}

// post prepares a POST request of body to path.
func post(path, key, body string) []byte {
	auth := ""
	if key != "" {
		auth = "Authorization: Bearer " + key + "\r\n"
	}
	return fmt.Appendf(nil, "POST %s HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n%sContent-Length: %d\r\n\r\n%s", path, auth, len(body), body)
}

var errStatus = errors.New("unexpected status")

// do sends req and reads the answer, which must be 200.
func (c *rawClient) do(req []byte) error {
	if _, err := c.conn.Write(req); err != nil {
		return err
	}
	status, err := c.r.ReadSlice('\n')
	if err != nil {
		return err
	}
	ok := bytes.HasPrefix(status, []byte("HTTP/1.1 200 "))
	length := -1
	for {
		line, err := c.r.ReadSlice('\n')
		if err != nil {
			return err
		}
		if len(line) <= 2 {
			break
		}
		if v, found := bytes.CutPrefix(line, []byte("Content-Length: ")); found {
			length, _ = strconv.Atoi(string(bytes.TrimSpace(v)))
		}
	}
	if length < 0 {
		return errors.New("no Content-Length")
	}
	if _, err := c.r.Discard(length); err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%w: %s", errStatus, bytes.TrimSpace(status))
	}
	return nil
}

// serveForBench starts s on 127.0.0.1 and returns one raw client per goroutine.
func serveForBench(b *testing.B, s http.Handler) func(client int) *rawClient {
	ts := httptest.NewServer(s)
	b.Cleanup(ts.Close)
	addr := strings.TrimPrefix(ts.URL, "http://")
	var mu sync.Mutex
	clients := map[int]*rawClient{}
	b.Cleanup(func() {
		for _, c := range clients {
			c.conn.Close()
		}
	})
	return func(client int) *rawClient {
		mu.Lock()
		defer mu.Unlock()
		c, ok := clients[client]
		if !ok {
			var err error
			if c, err = dialRaw(addr); err != nil {
				b.Fatal(err)
			}
			clients[client] = c
		}
		return c
	}
}

// BenchmarkURLCheckLoad: the url check called directly, then over HTTP.
func BenchmarkURLCheckLoad(b *testing.B) {
	var direct float64
	b.Run("direct", func(b *testing.B) {
		c := urlcheck.New()
		ctx := context.Background()
		direct = measure(b, func(_, i int) error {
			_, err := c.Check(ctx, benchURLs[i%len(benchURLs)])
			return err
		})
	})
	b.Run("http", func(b *testing.B) {
		s := newTestServer(b)
		s.logger = discardLogger()
		client := serveForBench(b, s)
		reqs := make([][]byte, len(benchURLs))
		for i, u := range benchURLs {
			reqs[i] = post("/v1/check/url", "", `{"subject":"`+u+`","lang":"fr"}`)
		}
		ns := measure(b, func(cl, i int) error { return client(cl).do(reqs[i%len(reqs)]) })
		if direct > 0 {
			b.ReportMetric(ns/direct, "overhead-x")
		}
	})
}

// BenchmarkPaymentCheckLoad: the payment check against a PostgreSQL book (a read of
// the payee's history per check), called directly, then over HTTP with an API key.
func BenchmarkPaymentCheckLoad(b *testing.B) {
	book := pgtest.FreshSchema(b)
	c, payees, closeChecks, err := buildChecks(options{book: book, seedDemo: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(closeChecks)
	ibans := []string{payees[0].IBAN, "FR76 3000 4000 0312 3456 7890 143", payees[1].IBAN}
	var direct float64
	b.Run("direct", func(b *testing.B) {
		ctx := context.Background()
		direct = measure(b, func(_, i int) error {
			p := payees[i%len(payees)]
			_, err := c.payment(ctx, paymentRequest{checkRequest: checkRequest{Subject: ibans[i%len(ibans)]}, Payee: p.ID, Name: p.Name})
			return err
		})
	})
	b.Run("http", func(b *testing.B) {
		s := newTestServerWith(b, options{}, nil)
		s.checks = c
		s.routes = newServer(s.cfg, c, s.logger).routes
		s.logger = discardLogger()
		client := serveForBench(b, s)
		var reqs [][]byte
		for i := range 6 {
			p := payees[i%len(payees)]
			reqs = append(reqs, post("/v1/check/payment", testKey, fmt.Sprintf(`{"subject":%q,"payee":%q,"name":%q}`, ibans[i%len(ibans)], p.ID, p.Name)))
		}
		ns := measure(b, func(cl, i int) error { return client(cl).do(reqs[i%len(reqs)]) })
		if direct > 0 {
			b.ReportMetric(ns/direct, "overhead-x")
		}
	})
}

// BenchmarkURLCheckHandler is the request path alone, without the network: one URL
// check through ServeHTTP, with a request and a response writer reused.
func BenchmarkURLCheckHandler(b *testing.B) {
	s := newTestServer(b)
	s.logger = discardLogger()
	body := []byte(`{"subject":"https://ants-gouv.fr/carte-grise","lang":"fr"}`)
	rd := bytes.NewReader(body)
	req := httptest.NewRequest("POST", "/v1/check/url", io.NopCloser(rd))
	req.Header.Set("Content-Type", "application/json")
	w := &discardWriter{h: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		rd.Reset(body)
		clear(w.h)
		s.ServeHTTP(w, req)
		if w.status != http.StatusOK {
			b.Fatal(w.status)
		}
	}
}

// discardWriter is a ResponseWriter that keeps the status only.
type discardWriter struct {
	h      http.Header
	status int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) WriteHeader(status int)      { w.status = status }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
