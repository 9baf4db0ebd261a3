package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/reflex"
)

// testServer is a server with the checks trustd runs, and its log.
type testServer struct {
	*server
	log *syncBuffer
}

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newTestServer(t testing.TB) *testServer {
	t.Helper()
	c, payees, closeChecks, err := buildChecks(options{})
	require.NoError(t, err)
	t.Cleanup(closeChecks)
	log := &syncBuffer{}
	s := newServer(defaultConfig(), c, slog.New(slog.NewTextHandler(log, nil)))
	s.demoPayees = payees
	return &testServer{server: s, log: log}
}

// do sends one request to the handler and decodes the JSON answer.
func (s *testServer) do(t testing.TB, method, path, contentType string, body io.Reader) (int, map[string]any, http.Header) {
	t.Helper()
	req := httptest.NewRequest(method, path, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	var got map[string]any
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got), rec.Body.String())
	}
	return rec.Code, got, rec.Header()
}

func (s *testServer) post(t testing.TB, path, body string) (int, map[string]any) {
	t.Helper()
	code, got, _ := s.do(t, "POST", path, "application/json", strings.NewReader(body))
	return code, got
}

func TestCheckEndpointsAnswerOneWireReport(t *testing.T) {
	s := newTestServer(t)
	for _, tc := range []struct {
		path, body, kind, verdict, code string
	}{
		{"/v1/check/iban", `{"subject":"FR76 3000 6000 0112 3456 7890 189"}`, "iban", "ok", "iban.valid"},
		{"/v1/check/iban", `{"subject":"FR21 3000 6000 0112 3456 7890 112","lang":"en"}`, "iban", "danger", "iban.invalid-national-key"},
		{"/v1/check/message", `{"subject":"Nos coordonnées bancaires ont changé, nouveau RIB : FR76 3000 6000 0112 3456 7890 189"}`, "message", "danger", "message.new-bank-details"},
	} {
		t.Run(tc.path+" "+tc.code, func(t *testing.T) {
			code, got := s.post(t, tc.path, tc.body)
			require.Equal(t, http.StatusOK, code, "%v", got)
			assert.Equal(t, tc.kind, got["kind"])
			assert.Equal(t, tc.verdict, got["verdict"], "%v", got)
			findings := got["findings"].([]any)
			var codes []string
			for _, f := range findings {
				codes = append(codes, f.(map[string]any)["code"].(string))
				assert.NotEmpty(t, f.(map[string]any)["message"])
				assert.NotEmpty(t, f.(map[string]any)["reflex"])
			}
			assert.Contains(t, codes, tc.code)
		})
	}
}

func TestCheckAnswersInTheRequestedLanguage(t *testing.T) {
	s := newTestServer(t)
	_, fr := s.post(t, "/v1/check/iban", `{"subject":"FR76 3000 6000 0112 3456 7890 188"}`)
	_, en := s.post(t, "/v1/check/iban", `{"subject":"FR76 3000 6000 0112 3456 7890 188","lang":"en"}`)
	frMsg := fr["findings"].([]any)[0].(map[string]any)["message"]
	enMsg := en["findings"].([]any)[0].(map[string]any)["message"]
	assert.Contains(t, frMsg, "L'IBAN")
	assert.Contains(t, enMsg, "The IBAN")
}

func TestBadRequestsGetJSONErrors(t *testing.T) {
	s := newTestServer(t)
	huge := `{"subject":"` + strings.Repeat("a", 1<<20) + `"}`
	for _, tc := range []struct {
		name, method, path, ct, body string
		status                       int
		want                         string
	}{
		{"malformed", "POST", "/v1/check/url", "application/json", `{"subject":`, 400, "malformed JSON"},
		{"not an object", "POST", "/v1/check/iban", "application/json", `"FR76"`, 400, "must be a"},
		{"empty body", "POST", "/v1/check/iban", "application/json", ``, 400, "empty"},
		{"two objects", "POST", "/v1/check/iban", "application/json", `{"subject":"a"}{"subject":"b"}`, 400, "one JSON object"},
		{"unknown field", "POST", "/v1/check/iban", "application/json", `{"subject":"a","for":"x"}`, 400, `unknown field "for"`},
		{"wrong type", "POST", "/v1/check/iban", "application/json", `{"subject":42}`, 400, `"subject" must be a string`},
		{"no subject", "POST", "/v1/check/message", "application/json", `{"lang":"fr"}`, 400, "subject: missing"},
		{"blank subject", "POST", "/v1/check/message", "application/json", `{"subject":"  "}`, 400, "subject: missing"},
		{"bad lang", "POST", "/v1/check/iban", "application/json", `{"subject":"FR76","lang":"de"}`, 400, "lang"},
		{"form post", "POST", "/v1/check/iban", "application/x-www-form-urlencoded", `subject=FR76`, 415, "application/json"},
		{"huge body", "POST", "/v1/check/message", "application/json", huge, 413, "larger than"},
		{"long IBAN subject", "POST", "/v1/check/iban", "application/json", `{"subject":"` + strings.Repeat("1", 200) + `"}`, 413, "longer than"},
		{"payment without payee", "POST", "/v1/check/payment", "application/json", `{"subject":"FR7630006000011234567890189"}`, 400, "payee: missing"},
		{"wrong method", "GET", "/v1/check/url", "", ``, 405, "method not allowed"},
		{"unknown path", "GET", "/v2/nothing", "", ``, 404, "not found"},
		{"empty upload", "POST", "/v1/check/file?name=a.pdf", "application/octet-stream", ``, 400, "empty"},
		{"upload bad lang", "POST", "/v1/check/file?lang=xx", "application/octet-stream", `x`, 400, "lang"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, got, h := s.do(t, tc.method, tc.path, tc.ct, strings.NewReader(tc.body))
			assert.Equal(t, tc.status, code, "%v", got)
			require.NotNil(t, got, "a JSON answer")
			assert.Contains(t, got["error"], tc.want)
			assert.Len(t, got, 1, "only the error key: %v", got)
			if code == 405 {
				assert.Equal(t, "POST", h.Get("Allow"))
			}
		})
	}
}

func TestHealthAndOpenAPIAreServed(t *testing.T) {
	s := newTestServer(t)
	code, got, _ := s.do(t, "GET", "/healthz", "", nil)
	assert.Equal(t, 200, code)
	assert.Equal(t, "ok", got["status"])
	code, got, _ = s.do(t, "GET", "/openapi.json", "", nil)
	assert.Equal(t, 200, code)
	assert.Equal(t, "3.1.0", got["openapi"])
}

// TestLogsHoldNoPersonalData sends an IBAN, a message, a name and a file name, and reads
// the log: it names the paths, never what was checked.
func TestLogsHoldNoPersonalData(t *testing.T) {
	s := newTestServer(t)
	s.post(t, "/v1/check/iban", `{"subject":"FR76 3000 6000 0112 3456 7890 189"}`)
	s.post(t, "/v1/check/message", `{"subject":"Bonjour Jean Martin, nouveau RIB FR7630006000011234567890189"}`)
	s.post(t, "/v1/check/payment", `{"subject":"FR7630006000011234567890189","payee":"proprietaire","name":"Jean Martin"}`)
	s.do(t, "POST", "/v1/check/file?name=passeport-jean-martin.pdf", "application/octet-stream", strings.NewReader("%PDF-1.7 hello"))
	log := s.log.String()
	assert.Contains(t, log, "path=/v1/check/iban")
	for _, secret := range []string{"3000", "30006000", "Martin", "passeport", "Bonjour", "RIB"} {
		assert.NotContains(t, log, secret)
	}
}

// heapInUse returns the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// endless is a reader of n bytes of JSON-ish filler, without holding them.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	if e.n <= 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), e.n)
	for i := range p[:k] {
		p[i] = 'a'
	}
	e.n -= k
	return int(k), nil
}

// TestHugeBodiesDoNotGrowMemory sends bodies of 40 MiB over real loopback connections:
// each is cut at the limit and answered 413, and the heap stays flat.
func TestHugeBodiesDoNotGrowMemory(t *testing.T) {
	s := newTestServer(t)
	ts := httptest.NewServer(s)
	defer ts.Close()
	client := ts.Client()
	before := heapInUse()
	for range 4 {
		body := io.MultiReader(strings.NewReader(`{"subject":"`), &endless{40 << 20})
		resp, err := client.Post(ts.URL+"/v1/check/message", "application/json", body)
		if err == nil { // the server may close the connection before the client is done writing
			assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
			_ = resp.Body.Close()
		}
		resp, err = client.Post(ts.URL+"/v1/check/file?name=big.bin", "application/octet-stream", &endless{40 << 20})
		if err == nil {
			assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
			_ = resp.Body.Close()
		}
	}
	after := heapInUse()
	assert.Less(t, int64(after)-int64(before), int64(16<<20), "heap grew from %d to %d", before, after)
}

// TestSlowClientIsCut opens a connection that sends half a header and stalls: the
// server closes it after ReadHeaderTimeout instead of holding it forever.
func TestSlowClientIsCut(t *testing.T) {
	s := newTestServer(t)
	srv := newHTTPServer(s, s.logger)
	srv.ReadHeaderTimeout = 200 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	conn, err := net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	_, err = io.WriteString(conn, "POST /v1/check/url HTTP/1.1\r\nHost: x\r\n")
	require.NoError(t, err)
	start := time.Now()
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(5*time.Second)))
	_, err = io.ReadAll(conn) // returns when the server closes the connection
	require.NoError(t, err)
	assert.Less(t, time.Since(start), 3*time.Second)
}

// TestGracefulShutdown starts serve, holds a request inside a check, cancels the
// context (as SIGTERM does) and checks the request still gets its answer.
func TestGracefulShutdown(t *testing.T) {
	s := newTestServer(t)
	entered, release := make(chan struct{}), make(chan struct{})
	s.checks.iban = reflex.CheckerFunc(func(ctx context.Context, subject string) (reflex.Report, error) {
		close(entered)
		<-release
		return reflex.NewReport(subject, reflex.KindIBAN), nil
	})
	s.routes = newServer(s.cfg, s.checks, s.logger).routes
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, s, s.logger) }()

	answer := make(chan int, 1)
	go func() {
		resp, err := http.Post(fmt.Sprintf("http://%s/v1/check/iban", ln.Addr()), "application/json", strings.NewReader(`{"subject":"FR76"}`))
		if err != nil {
			answer <- -1
			return
		}
		_ = resp.Body.Close()
		answer <- resp.StatusCode
	}()
	<-entered
	cancel()
	assert.Eventually(t, func() bool { // Shutdown closes the listener first
		c, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second)
		if err == nil {
			_ = c.Close()
		}
		return err != nil
	}, 5*time.Second, 10*time.Millisecond, "no new connection once shutting down")
	close(release)
	assert.Equal(t, http.StatusOK, <-answer)
	assert.NoError(t, <-done)
}

func TestFlags(t *testing.T) {
	var stderr bytes.Buffer
	o, err := parseFlags([]string{"--addr", "127.0.0.1:0", "--book", "b.db", "--seed-demo"}, &stderr)
	require.NoError(t, err)
	assert.Equal(t, options{addr: "127.0.0.1:0", book: "b.db", seedDemo: true, maxUpload: 32 << 20}, o)
	_, err = parseFlags([]string{"--allow-origin", "https://partner.example/path"}, &stderr)
	assert.Error(t, err)
	o, err = parseFlags([]string{"--allow-origin", "https://partner.example", "--allow-origin", "http://127.0.0.1:3000"}, &stderr)
	require.NoError(t, err)
	assert.Equal(t, originList{"https://partner.example", "http://127.0.0.1:3000"}, o.origins)
	assert.Equal(t, 2, run([]string{"--nope"}, &stderr))
	assert.Equal(t, 2, run([]string{"extra"}, &stderr))
	assert.Equal(t, 0, run([]string{"--help"}, &stderr))
	assert.Contains(t, stderr.String(), "usage: trustd")
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

func TestCORSOnlyForAllowedOrigins(t *testing.T) {
	s := newTestServer(t)
	s.cfg.allowOrigins = []string{"https://partner.example"}
	preflight := func(origin string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("OPTIONS", "/v1/check/url", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec
	}
	ok := preflight("https://partner.example")
	assert.Equal(t, http.StatusNoContent, ok.Code)
	assert.Equal(t, "https://partner.example", ok.Header().Get("Access-Control-Allow-Origin"))
	assert.Contains(t, ok.Header().Get("Access-Control-Allow-Methods"), "POST")

	other := preflight("https://evil.example")
	assert.Equal(t, http.StatusMethodNotAllowed, other.Code)
	assert.Empty(t, other.Header().Get("Access-Control-Allow-Origin"))

	req := httptest.NewRequest("POST", "/v1/check/iban", strings.NewReader(`{"subject":"FR7630006000011234567890189"}`))
	req.Header.Set("Origin", "https://partner.example")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "https://partner.example", rec.Header().Get("Access-Control-Allow-Origin"))
}

func TestPagesAndAssets(t *testing.T) {
	s := newTestServer(t)
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec
	}
	for _, page := range []string{"/", "/demo/procedure", "/demo/transfer", "/demo/upload"} {
		for lang, want := range map[string]string{"": `<html lang="fr">`, "?lang=en": `<html lang="en">`} {
			rec := get(page + lang)
			require.Equal(t, http.StatusOK, rec.Code, page+lang)
			body := rec.Body.String()
			assert.Contains(t, body, want)
			assert.Equal(t, pageCSP, rec.Header().Get("Content-Security-Policy"))
			assert.NotContains(t, body, "<style", "no inline style (CSP)")
			assert.NotRegexp(t, `<script>|<script [^>]*>[^<]`, body, "no inline script (CSP)")
			assert.NotRegexp(t, `(src|href)="(https?:)?//`, body, "no external asset")
			if page != "/" {
				assert.Contains(t, body, "<trust-reflex-warning")
			}
		}
	}
	transfer := get("/demo/transfer?lang=en").Body.String()
	assert.Contains(t, transfer, `<option value="proprietaire">Jean Martin (landlord)</option>`)
	procedure := get("/demo/procedure").Body.String()
	assert.Contains(t, procedure, `<option value="carte-grise">`, "the procedures of the catalogue")

	js := get("/trust-reflex.js")
	assert.Equal(t, "text/javascript; charset=utf-8", js.Header().Get("Content-Type"))
	assert.Contains(t, js.Body.String(), `customElements.define("trust-reflex-warning"`)
	assert.NotContains(t, js.Body.String(), "innerHTML", "answers are shown as text, never as HTML")
	assert.NotContains(t, js.Body.String(), "/*LABELS*/", "the labels are written in")
	for _, lang := range []reflex.Lang{reflex.French, reflex.English} {
		for _, word := range reflex.Labels(lang) {
			b, _ := json.Marshal(word)
			assert.Contains(t, js.Body.String(), string(b), "the component shows the catalogue's words")
		}
	}
	assert.Equal(t, "text/css; charset=utf-8", get("/demo.css").Header().Get("Content-Type"))
	assert.Equal(t, http.StatusNoContent, get("/favicon.ico").Code)
}

func TestLabels(t *testing.T) {
	s := newTestServer(t)
	get := func(path, accept string) (int, map[string]string) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Accept-Language", accept)
		s.ServeHTTP(rec, req)
		var m map[string]string
		_ = json.Unmarshal(rec.Body.Bytes(), &m)
		return rec.Code, m
	}
	code, fr := get("/v1/labels", "")
	require.Equal(t, http.StatusOK, code)
	assert.Equal(t, reflex.Labels(reflex.French), fr)
	_, en := get("/v1/labels?lang=en", "fr")
	assert.Equal(t, "Good to know", en["info"])
	_, en = get("/v1/labels", "en-GB,en;q=0.8")
	assert.Equal(t, "Verified", en["ok"])
	code, _ = get("/v1/labels?lang=de", "")
	assert.Equal(t, http.StatusBadRequest, code)
}

func TestCouldNotCheckAnswersTheWireErrorObject(t *testing.T) {
	s := newTestServer(t)
	code, got := s.post(t, "/v1/check/url", `{"subject":"not a url at all ::"}`)
	assert.Equal(t, http.StatusUnprocessableEntity, code)
	assert.Equal(t, "url", got["kind"])
	assert.Equal(t, "not a url at all ::", got["subject"])
	assert.Equal(t, "Ce n'est pas une adresse de site web.", got["error"])
	assert.NotContains(t, got, "verdict")

	code, got = s.post(t, "/v1/check/url", `{"subject":"https://ants.gouv.fr","for":"nope"}`)
	assert.Equal(t, http.StatusBadRequest, code)
	assert.Contains(t, got["error"], `unknown procedure "nope"`)

	// Procedure ids are matched as people type them, as in the CLI.
	code, got = s.post(t, "/v1/check/url", `{"subject":"https://immatriculation.ants.gouv.fr/","for":"Carte-Grise"}`)
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "ok", got["verdict"])
}
