package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
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

	"github.com/trustreflex/trustreflex/internal/langwords"
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

// testKey is the API key of the test servers, named "compta" in their keys file.
const testKey = "k3y-of-the-compta-back-end"

// testKeysFile is the keys file of the test servers.
var testKeysFile = "# the test key\ncompta:" + sha256Hex(testKey) + "\n"

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// newTestServer is trustd --demo with the test key: the demo book, checks open to all.
func newTestServer(t testing.TB) *testServer {
	t.Helper()
	return newTestServerWith(t, options{demo: true}, func(cfg *config) { cfg.publicChecks = true })
}

// newTestServerWith builds the server of the options, with the test key, after
// adjusting its config.
func newTestServerWith(t testing.TB, o options, adjust func(*config)) *testServer {
	t.Helper()
	c, payees, closeChecks, err := buildChecks(o)
	require.NoError(t, err)
	t.Cleanup(closeChecks)
	keys, err := parseKeys(strings.NewReader(testKeysFile))
	require.NoError(t, err)
	log := &syncBuffer{}
	cfg := defaultConfig()
	if adjust != nil {
		adjust(&cfg)
	}
	s := newServer(cfg, c, slog.New(slog.NewTextHandler(log, nil)))
	s.demoPayees = payees
	s.keys.set(keys)
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

// fieldNames blanks the JSON field names and language codes that error texts quote.
var fieldNames = strings.NewReplacer("subject", "", "lang", "", "for", "", "payee", "", "name", "", "bic", "", "iban", "", "(fr, en)", "")

// TestBadRequestsGetJSONErrors: every refusal is {"error": ...} with its status, in the
// request's language (French by default), from the catalogue: never a Go error string.
func TestBadRequestsGetJSONErrors(t *testing.T) {
	s := newTestServer(t)
	huge := `{"subject":"` + strings.Repeat("a", 1<<20) + `"}`
	for _, tc := range []struct {
		name, method, path, ct, body string
		status                       int
		fr, en                       string
	}{
		{"malformed", "POST", "/v1/check/url", "application/json", `{"subject":`, 400, "n'est pas un JSON valide", "not valid JSON"},
		{"not an object", "POST", "/v1/check/iban", "application/json", `"FR76"`, 400, "doit être un objet JSON", "must be a JSON object"},
		{"empty body", "POST", "/v1/check/iban", "application/json", ``, 400, "est vide", "is empty"},
		{"two objects", "POST", "/v1/check/iban", "application/json", `{"subject":"a"}{"subject":"b"}`, 400, "un seul objet JSON", "one JSON object"},
		{"unknown field", "POST", "/v1/check/iban", "application/json", `{"subject":"a","for":"x"}`, 400, "Champ inconnu\u00a0: «\u00a0for\u00a0»", `Unknown field: "for"`},
		{"first guess url", "POST", "/v1/check/url", "application/json", `{"url":"https://ants.gouv.fr"}`, 400, "va dans le champ «\u00a0subject\u00a0»", `goes in the field "subject"`},
		{"wrong type", "POST", "/v1/check/iban", "application/json", `{"subject":42}`, 400, "«\u00a0subject\u00a0» doit être une chaîne", `"subject" must be a string`},
		{"no subject", "POST", "/v1/check/message", "application/json", `{}`, 400, "«\u00a0subject\u00a0» manque", `"subject" is missing`},
		{"blank subject", "POST", "/v1/check/message", "application/json", `{"subject":"  "}`, 400, "«\u00a0subject\u00a0» manque", `"subject" is missing`},
		{"bad lang", "POST", "/v1/check/iban", "application/json", `{"subject":"FR76","lang":"de"}`, 400, "Langue inconnue", "Unknown language"},
		{"form post", "POST", "/v1/check/iban", "application/x-www-form-urlencoded", `subject=FR76`, 415, "en JSON", "as JSON"},
		{"huge body", "POST", "/v1/check/message", "application/json", huge, 413, "taille permise\u00a0: au plus 131\u202f072 octets", "at most 131,072 bytes"},
		{"long IBAN subject", "POST", "/v1/check/iban", "application/json", `{"subject":"` + strings.Repeat("1", 200) + `"}`, 413, "au plus 128 octets", "at most 128 bytes"},
		{"payment without payee", "POST", "/v1/check/payment", "application/json", `{"subject":"FR7630006000011234567890189"}`, 400, "«\u00a0payee\u00a0» manque", `"payee" is missing`},
		{"wrong method", "GET", "/v1/check/url", "", ``, 405, "utilisez POST", "use POST"},
		{"unknown path", "GET", "/v2/nothing", "", ``, 404, "n'existe pas", "no such address"},
		{"empty upload", "POST", "/v1/check/file?name=a.pdf", "application/octet-stream", ``, 400, "Le fichier est vide", "The file is empty"},
		{"upload bad lang", "POST", "/v1/check/file?lang=xx", "application/octet-stream", `x`, 400, "Langue inconnue", "Unknown language"},
		{"payee API without key", "POST", "/v1/payees/p1/confirm", "application/json", `{}`, 401, "Clé d'accès manquante", "Access key missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, lang := range []string{"fr", "en"} {
				req := httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body))
				if tc.ct != "" {
					req.Header.Set("Content-Type", tc.ct)
				}
				want := tc.fr
				if lang == "en" {
					req.Header.Set("Accept-Language", "en-GB,en;q=0.9")
					want = tc.en
				}
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
				assert.Equal(t, tc.status, rec.Code, rec.Body.String())
				var got map[string]any
				require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got), rec.Body.String())
				assert.Len(t, got, 1, "only the error key: %v", got)
				msg, _ := got["error"].(string)
				assert.Contains(t, msg, want)
				assert.Empty(t, langwords.Foreign(fieldNames.Replace(msg), lang), "%s: %q", lang, msg)
				assert.NotContains(t, msg, "json:", "never a Go error string")
				if tc.status == 405 {
					assert.Equal(t, "POST", rec.Header().Get("Allow"))
				}
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
	assert.Contains(t, log, "route=/v1/check/iban")
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
	o, err := parseFlags([]string{"--addr", "127.0.0.1:0", "--book", "b.db", "--seed-demo", "--keys", "k.txt"}, &stderr)
	require.NoError(t, err)
	assert.Equal(t, options{addr: "127.0.0.1:0", book: "b.db", seedDemo: true, keys: "k.txt", maxUpload: 32 << 20,
		maxUploads: 4, uploadRate: 64 << 10, logFormat: "text"}, o)
	_, err = parseFlags([]string{"--demo", "--allow-origin", "https://partner.example/path"}, &stderr)
	assert.Error(t, err)
	o, err = parseFlags([]string{"--demo", "--allow-origin", "https://partner.example", "--allow-origin", "http://127.0.0.1:3000"}, &stderr)
	require.NoError(t, err)
	assert.Equal(t, originList{"https://partner.example", "http://127.0.0.1:3000"}, o.origins)
	o, err = parseFlags([]string{"--public-checks", "--rate", "5", "--trusted-proxy", "10.0.0.0/8", "--trusted-proxy", "192.0.2.1", "--log-format", "json"}, &stderr)
	require.NoError(t, err)
	assert.Equal(t, "10.0.0.0/8,192.0.2.1/32", o.trusted.String())
	assert.Equal(t, 5.0, o.rate)
	for _, bad := range [][]string{
		{"--nope"}, {"--demo", "extra"}, {"--demo", "--book", "b.db"}, {"--demo", "--log-format", "xml"},
		{"--demo", "--rate", "-1"}, {"--demo", "--trusted-proxy", "proxy.local"},
		{}, // nobody could call the API
	} {
		assert.Equal(t, 2, run(bad, &stderr), "%q", bad)
	}
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
	assert.Equal(t, "Démarche inconnue\u00a0: nope. Choisissez-en une dans la liste des démarches connues.", got["error"])

	// Procedure ids are matched as people type them, as in the CLI.
	code, got = s.post(t, "/v1/check/url", `{"subject":"https://immatriculation.ants.gouv.fr/","for":"Carte-Grise"}`)
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "ok", got["verdict"])
}

// A field given twice is refused, whatever its case: the check, or the confirm, must
// be about the value a reviewer of the request reads.
func TestDuplicatedFieldsAreRefused(t *testing.T) {
	s := newTestServer(t)
	for _, body := range []string{
		`{"subject":"https://www.ameli.fr/","subject":"https://ameli-remboursement.example/"}`,
		`{"subject":"https://www.ameli.fr/","Subject":"https://ameli-remboursement.example/"}`,
		`{"subject":"https://www.ameli.fr/","lang":"fr","lang":null}`,
	} {
		code, got := s.post(t, "/v1/check/url", body)
		assert.Equal(t, http.StatusBadRequest, code, body)
		assert.Contains(t, got["error"], "est donné deux fois", body)
	}
	code, got := s.post(t, "/v1/check/url?lang=en", `{"subject":"x","subject":"y"}`)
	assert.Equal(t, http.StatusBadRequest, code)
	assert.Contains(t, got["error"], "is given twice")
}
