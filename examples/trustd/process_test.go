package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/internal/pgtest"
)

// The tests of this file run the trustd binary as operators do: several processes on one
// PostgreSQL book, signals, a database that goes away. They are not short.

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// trustdBinary builds trustd once for the test run.
func trustdBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "trustd-test-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "trustd")
		build := exec.Command("go", "build", "-o", binPath, ".")
		build.Stderr = os.Stderr
		binErr = build.Run()
	})
	require.NoError(t, binErr)
	return binPath
}

// proc is a trustd process started by a test.
type proc struct {
	cmd  *exec.Cmd
	base string // http://127.0.0.1:PORT
	log  *syncBuffer
	done chan error
}

// startTrustd starts trustd with args (and --addr 127.0.0.1:0 --log-format json) and
// waits until it listens. It is killed at the end of the test if still running.
func startTrustd(t *testing.T, args ...string) *proc {
	t.Helper()
	bin := trustdBinary(t)
	cmd := exec.Command(bin, append([]string{"--addr", "127.0.0.1:0", "--log-format", "json"}, args...)...)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	p := &proc{cmd: cmd, log: &syncBuffer{}, done: make(chan error, 1)}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-p.done
	})
	listening := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Bytes()
			_, _ = p.log.Write(append(bytes.Clone(line), '\n'))
			var entry struct{ Msg, Addr string }
			if json.Unmarshal(line, &entry) == nil && entry.Msg == "listening" {
				listening <- entry.Addr
			}
		}
		p.done <- cmd.Wait()
	}()
	select {
	case p.base = <-listening:
	case err := <-p.done:
		p.done <- err
		t.Fatalf("trustd exited at start (%v): %s", err, p.log.String())
	case <-time.After(30 * time.Second):
		t.Fatalf("trustd did not start: %s", p.log.String())
	}
	return p
}

func (p *proc) signal(t *testing.T, sig syscall.Signal) {
	t.Helper()
	require.NoError(t, p.cmd.Process.Signal(sig))
}

// wait returns the process's exit error, at most after d.
func (p *proc) wait(t *testing.T, d time.Duration) error {
	t.Helper()
	select {
	case err := <-p.done:
		p.done <- err
		return err
	case <-time.After(d):
		t.Fatalf("trustd still running after %s", d)
		return nil
	}
}

// answer is one HTTP answer, decoded.
type answer struct {
	status int
	body   map[string]any
	err    error
}

var testClient = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 32}}

// call sends one JSON request to the process with the test key.
func (p *proc) call(method, path, body string) answer {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, p.base+path, r)
	if err != nil {
		return answer{err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+testKey)
	resp, err := testClient.Do(req)
	if err != nil {
		return answer{err: err}
	}
	defer resp.Body.Close()
	a := answer{status: resp.StatusCode}
	a.err = json.NewDecoder(resp.Body).Decode(&a.body)
	return a
}

// verdictOf returns the verdict and codes of a report answer.
func (a answer) verdictOf() (string, []string) {
	v, _ := a.body["verdict"].(string)
	var codes []string
	if fs, ok := a.body["findings"].([]any); ok {
		for _, f := range fs {
			codes = append(codes, f.(map[string]any)["code"].(string))
		}
	}
	return v, codes
}

// keysFile writes the test keys file and returns its path.
func keysFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "keys.txt")
	require.NoError(t, os.WriteFile(path, []byte(testKeysFile), 0o600))
	return path
}

// pgProxy is a TCP proxy between trustd and PostgreSQL that the test controls: cut
// closes its listener and every connection (to trustd, PostgreSQL is gone: open
// connections break, new ones are refused, as when the server stops), restore listens
// again on the same port (the server is back), and delay slows every packet (a slow
// network or a loaded server). The test's PostgreSQL itself is shared with the other
// test packages, so it cannot be stopped.
type pgProxy struct {
	t      *testing.T
	target string
	addr   string
	mu     sync.Mutex
	ln     net.Listener
	conns  map[net.Conn]bool
	delay  time.Duration
}

func newPGProxy(t *testing.T, pgURL string) *pgProxy {
	t.Helper()
	u, err := url.Parse(pgURL)
	require.NoError(t, err)
	p := &pgProxy{t: t, target: u.Host, conns: map[net.Conn]bool{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	p.addr = ln.Addr().String()
	p.listen(ln)
	t.Cleanup(p.cut)
	return p
}

// url returns pgURL with the proxy as its host.
func (p *pgProxy) url(pgURL string) string {
	u, err := url.Parse(pgURL)
	require.NoError(p.t, err)
	u.Host = p.addr
	return u.String()
}

func (p *pgProxy) listen(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.forward(c)
		}
	}()
}

func (p *pgProxy) track(c net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln == nil {
		return false
	}
	p.conns[c] = true
	return true
}

func (p *pgProxy) forward(client net.Conn) {
	server, err := net.Dial("tcp", p.target)
	if err != nil || !p.track(client) || !p.track(server) {
		client.Close()
		if server != nil {
			server.Close()
		}
		return
	}
	pipe := func(dst, src net.Conn) {
		defer dst.Close()
		defer src.Close()
		buf := make([]byte, 32<<10)
		for {
			n, err := src.Read(buf)
			if n > 0 {
				p.mu.Lock()
				d := p.delay
				p.mu.Unlock()
				time.Sleep(d)
				if _, werr := dst.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				return
			}
		}
	}
	go pipe(server, client)
	pipe(client, server)
}

func (p *pgProxy) setDelay(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.delay = d
}

// cut stops the proxy: PostgreSQL is unreachable.
func (p *pgProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for c := range p.conns {
		c.Close()
	}
	clear(p.conns)
}

// restore listens again on the same address.
func (p *pgProxy) restore() {
	var ln net.Listener
	var err error
	for range 50 { // the port may take a moment to be free again
		if ln, err = net.Listen("tcp", p.addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	require.NoError(p.t, err)
	p.listen(ln)
}

// waitFor polls cond every 50 ms for at most d.
func waitFor(ctx context.Context, d time.Duration, cond func() bool) bool {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	for {
		if cond() {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// ownPostgres is a PostgreSQL cluster of the test's own, started with .ci/postgres.sh,
// that the test may stop and start again (the shared server of TRUSTREFLEX_POSTGRES_URL
// serves other test packages at the same time).
type ownPostgres struct {
	t                   *testing.T
	url, tmpdir, bindir string
}

// startOwnPostgres starts the cluster, or skips as pgtest.URL does: without PostgreSQL
// installed (CI has it: .ci/run installs it), the test cannot run.
func startOwnPostgres(t *testing.T) *ownPostgres {
	t.Helper()
	pgtest.URL(t)
	out, err := exec.Command("bash", "-c", `source ../../.ci/postgres.sh && [ -n "$(_pg_bindir)" ] || exit 3
		pg_start 2>/dev/null && printf '%s\n%s\n%s\n' "$TRUSTREFLEX_POSTGRES_URL" "$PG_TMPDIR" "$PG_BINDIR"`).Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 3 && os.Getenv("CI") != "true" {
		t.Skip("no PostgreSQL installed to start a cluster of the test's own")
	}
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	require.Len(t, lines, 3, "%s", out)
	pg := &ownPostgres{t: t, url: lines[0], tmpdir: lines[1], bindir: lines[2]}
	t.Cleanup(func() { pg.run("pg_stop") })
	return pg
}

func (pg *ownPostgres) run(fn string) {
	cmd := exec.Command("bash", "-c", "source ../../.ci/postgres.sh && "+fn)
	cmd.Env = append(os.Environ(), "PG_TMPDIR="+pg.tmpdir, "PG_BINDIR="+pg.bindir)
	out, err := cmd.CombinedOutput()
	require.NoError(pg.t, err, "%s: %s", fn, out)
}

// stop stops the server (a fast shutdown: it closes every connection).
func (pg *ownPostgres) stop() { pg.run("pg_pause") }

// start starts it again on the same port, with the same data.
func (pg *ownPostgres) start() { pg.run("pg_resume") }

// TestMain removes the binary the process tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		_ = os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}
