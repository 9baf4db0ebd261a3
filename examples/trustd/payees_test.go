package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/internal/langwords"
	"github.com/trustreflex/trustreflex/reflex"
)

func decodeInto(b []byte, v any) error { return json.Unmarshal(b, v) }

// send makes one request with an optional API key and decodes the JSON answer.
func (s *testServer) send(t testing.TB, method, path, key, body string) (int, map[string]any, http.Header) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	var got map[string]any
	require.NoError(t, decodeInto(rec.Body.Bytes(), &got), rec.Body.String())
	return rec.Code, got, rec.Header()
}

func codesOf(report map[string]any) []string {
	var codes []string
	for _, f := range report["findings"].([]any) {
		codes = append(codes, f.(map[string]any)["code"].(string))
	}
	return codes
}

const (
	ibanA = "FR76 3000 6000 0112 3456 7890 189"
	ibanB = "FR76 3000 4000 0312 3456 7890 143"
)

// TestPayeeAPI: a confirm through the API makes the IBAN unchanged for the payment
// check, another IBAN reads as changed (danger), a revoke withdraws it; every event
// records the key's name as "by", and answers mask the IBAN.
func TestPayeeAPI(t *testing.T) {
	s := newTestServer(t)
	code, ev, _ := s.send(t, "POST", "/v1/payees/F-0042/confirm", testKey, `{"iban":"`+ibanA+`","name":"Minoterie du Rhône SAS"}`)
	require.Equal(t, http.StatusOK, code, "%v", ev)
	assert.Equal(t, "F-0042", ev["payee"])
	assert.Equal(t, "confirm", ev["kind"])
	assert.Equal(t, "compta", ev["by"], "the key's name is recorded as by")
	assert.Equal(t, "FR76 **** **** 0189", ev["iban"])
	assert.EqualValues(t, 1, ev["seq"])

	check := func(iban string) (string, []string) {
		code, r := s.post(t, "/v1/check/payment", `{"subject":"`+iban+`","payee":"F-0042"}`)
		require.Equal(t, http.StatusOK, code, "%v", r)
		return r["verdict"].(string), codesOf(r)
	}
	verdict, codes := check(ibanA)
	assert.Equal(t, "ok", verdict)
	assert.Contains(t, codes, "iban.unchanged")
	verdict, codes = check(ibanB)
	assert.Equal(t, "danger", verdict)
	assert.Contains(t, codes, "iban.changed")

	code, ev, _ = s.send(t, "POST", "/v1/payees/F-0042/revoke", testKey, `{"iban":"`+ibanA+`"}`)
	require.Equal(t, http.StatusOK, code, "%v", ev)
	assert.Equal(t, "revoke", ev["kind"])
	verdict, codes = check(ibanA)
	assert.Equal(t, "danger", verdict)
	assert.Contains(t, codes, "iban.revoked")

	code, got, _ := s.send(t, "POST", "/v1/payees/F-0042/revoke", testKey, `{"iban":"`+ibanA+`","lang":"en"}`)
	assert.Equal(t, http.StatusConflict, code)
	assert.Equal(t, "This IBAN is not a confirmed IBAN of this payee: FR76 **** **** 0189.", got["error"])

	code, h, _ := s.send(t, "GET", "/v1/payees/F-0042/history", testKey, "")
	require.Equal(t, http.StatusOK, code)
	events := h["events"].([]any)
	require.Len(t, events, 2)
	assert.Equal(t, "revoke", events[1].(map[string]any)["kind"])
	assert.NotContains(t, h, ibanA)

	code, h, _ = s.send(t, "GET", "/v1/payees/nobody/history", testKey, "")
	require.Equal(t, http.StatusOK, code)
	assert.Empty(t, h["events"], "an unknown payee has an empty history")

	// A payee identifier with a slash or spaces, escaped in the path.
	code, ev, _ = s.send(t, "POST", "/v1/payees/dossier%2F12%20b/confirm", testKey, `{"iban":"`+ibanB+`","name":"Jean Martin"}`)
	require.Equal(t, http.StatusOK, code, "%v", ev)
	assert.Equal(t, "dossier/12 b", ev["payee"])
}

// TestWritesWithoutKeyAreRefused: no key, a wrong key, another scheme, a key of the
// wrong length: 401 with a clear body in the request's language, and nothing written.
func TestWritesWithoutKeyAreRefused(t *testing.T) {
	s := newTestServer(t)
	for _, auth := range []string{"", "Bearer wrong", "Basic " + testKey, "Bearer " + strings.Repeat("k", 600), "Bearer", "bearer  "} {
		for _, path := range []string{"/v1/payees/proprietaire/confirm", "/v1/payees/proprietaire/revoke"} {
			req := httptest.NewRequest("POST", path, strings.NewReader(`{"iban":"`+ibanB+`","name":"Fraudeur"}`))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept-Language", "en")
			if auth != "" {
				req.Header.Set("Authorization", auth)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			assert.Equal(t, http.StatusUnauthorized, rec.Code, "%q", auth)
			assert.Equal(t, `Bearer realm="trustd"`, rec.Header().Get("WWW-Authenticate"))
			assert.JSONEq(t, `{"error":"Access key missing or refused. Send it in the header Authorization, after the word Bearer."}`, rec.Body.String())
		}
	}
	_, fr, _ := s.send(t, "GET", "/v1/payees/proprietaire/history", "", "")
	assert.Equal(t, "Clé d'accès manquante ou refusée. Envoyez-la dans l'en-tête Authorization, après le mot Bearer.", fr["error"])
	h, err := s.checks.book.History(context.Background(), "proprietaire")
	require.NoError(t, err)
	assert.Len(t, h, 1, "only the demo's confirmation: nothing written")
	code, r := s.post(t, "/v1/check/payment", `{"subject":"`+ibanB+`","payee":"proprietaire"}`)
	require.Equal(t, http.StatusOK, code)
	assert.Equal(t, "danger", r["verdict"])
}

// TestChecksNeedAKeyUnlessPublic: without --public-checks a check needs a key.
func TestChecksNeedAKeyUnlessPublic(t *testing.T) {
	s := newTestServerWith(t, options{demo: true}, nil)
	code, _, _ := s.send(t, "POST", "/v1/check/iban", "", `{"subject":"`+ibanA+`"}`)
	assert.Equal(t, http.StatusUnauthorized, code)
	code, r, _ := s.send(t, "POST", "/v1/check/iban", testKey, `{"subject":"`+ibanA+`"}`)
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "ok", r["verdict"])
	for _, open := range []string{"/healthz", "/readyz", "/metrics", "/v1/labels", "/openapi.json", "/"} {
		req := httptest.NewRequest("GET", open, nil)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		assert.Equal(t, http.StatusOK, rec.Code, open)
	}
}

func TestPayeeAPIRefusesBadInput(t *testing.T) {
	s := newTestServer(t)
	long := strings.Repeat("x", 201)
	for _, tc := range []struct {
		name, path, body string
		status           int
		en               string
	}{
		{"control character in payee", "/v1/payees/a%01b/confirm", `{"iban":"` + ibanA + `","name":"Jean Martin"}`, 400, "Payee identifier refused"},
		{"bidi override in payee", "/v1/payees/a%E2%80%AEb/confirm", `{"iban":"` + ibanA + `","name":"Jean Martin"}`, 400, "Payee identifier refused"},
		{"long payee", "/v1/payees/" + long + "/confirm", `{"iban":"` + ibanA + `","name":"Jean Martin"}`, 400, "Payee identifier refused"},
		{"invalid IBAN", "/v1/payees/p/confirm", `{"iban":"FR76 3000 6000 0112 3456 7890 188","name":"Jean Martin"}`, 422, "This IBAN is not valid"},
		{"no IBAN", "/v1/payees/p/confirm", `{"name":"Jean Martin"}`, 400, `The field "iban" is missing`},
		{"no name", "/v1/payees/p/confirm", `{"iban":"` + ibanA + `"}`, 400, "Give the account holder's name"},
		{"name of titles only", "/v1/payees/p/confirm", `{"iban":"` + ibanA + `","name":"M. SARL"}`, 400, "Give the account holder's name"},
		{"unknown field", "/v1/payees/p/confirm", `{"iban":"` + ibanA + `","name":"J","by":"me"}`, 400, "Accepted fields: iban, name, lang."},
		{"revoke unknown", "/v1/payees/p/revoke", `{"iban":"` + ibanA + `"}`, 409, "not a confirmed IBAN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", tc.path, strings.NewReader(tc.body))
			req.Header.Set("Authorization", "Bearer "+testKey)
			req.Header.Set("Accept-Language", "en")
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			assert.Equal(t, tc.status, rec.Code, rec.Body.String())
			var got map[string]string
			require.NoError(t, decodeInto(rec.Body.Bytes(), &got))
			assert.Contains(t, got["error"], tc.en)
			assert.Empty(t, langwords.Foreign(fieldNames.Replace(got["error"]), "en"))
		})
	}
	h, err := s.checks.book.History(context.Background(), "p")
	require.NoError(t, err)
	assert.Empty(t, h, "nothing written")
}

// TestNoBookNoPayeeAPI: a server without a payee book answers 501 to the payee API and
// to payment checks.
func TestNoBookNoPayeeAPI(t *testing.T) {
	s := newTestServerWith(t, options{}, func(c *config) { c.publicChecks = true })
	code, _, _ := s.send(t, "POST", "/v1/payees/p/confirm", testKey, `{"iban":"`+ibanA+`","name":"Jean"}`)
	assert.Equal(t, http.StatusNotImplemented, code)
	code, _, _ = s.send(t, "POST", "/v1/check/payment", "", `{"subject":"`+ibanA+`","payee":"p"}`)
	assert.Equal(t, http.StatusNotImplemented, code)
	code, _, _ = s.send(t, "GET", "/readyz", "", "")
	assert.Equal(t, http.StatusOK, code, "nothing to reach")
}

// downStore is a payee book whose store does not answer.
type downStore struct{}

var errDown = errors.New("dial tcp 127.0.0.1:5432: connect: connection refused")

func (downStore) Events(context.Context, string) ([]payee.Event, error) { return nil, errDown }
func (downStore) Append(context.Context, payee.Event) (payee.Event, error) {
	return payee.Event{}, errDown
}

// TestBookDownIsNeverAVerdict: while the book does not answer, a payment check, a
// confirm and a history answer 503 with Retry-After, /readyz fails, /healthz does not,
// and /metrics counts the book's errors.
func TestBookDownIsNeverAVerdict(t *testing.T) {
	s := newTestServer(t)
	down := watchedStore{Store: downStore{}, errs: s.checks.bookErrors}
	book := payee.NewBook(down)
	s.checks.book = book
	s.checks.payment = func(ctx context.Context, req paymentRequest) (reflex.Report, error) {
		return book.Check(ctx, ibancheck.Payment{PayeeID: req.Payee, IBAN: req.Subject})
	}
	s.checks.ready = func(ctx context.Context) error { _, err := down.Events(ctx, readyProbe); return err }
	s.routes = newServer(s.cfg, s.checks, s.logger).routes

	code, r, h := s.send(t, "POST", "/v1/check/payment", "", `{"subject":"`+ibanA+`","payee":"proprietaire"}`)
	assert.Equal(t, http.StatusServiceUnavailable, code)
	assert.Equal(t, "5", h.Get("Retry-After"))
	assert.Equal(t, "Le carnet de bénéficiaires ne répond pas. Réessayez dans un instant.", r["error"])
	assert.NotContains(t, r, "verdict")
	code, r, _ = s.send(t, "POST", "/v1/payees/p/confirm", testKey, `{"iban":"`+ibanA+`","name":"Jean Martin"}`)
	assert.Equal(t, http.StatusServiceUnavailable, code, "%v", r)
	code, _, _ = s.send(t, "GET", "/v1/payees/p/history", testKey, "")
	assert.Equal(t, http.StatusServiceUnavailable, code)
	code, _, _ = s.send(t, "GET", "/readyz", "", "")
	assert.Equal(t, http.StatusServiceUnavailable, code)
	code, _, _ = s.send(t, "GET", "/healthz", "", "")
	assert.Equal(t, http.StatusOK, code)
	assert.NotContains(t, s.log.String(), "127.0.0.1:5432", "the log names the error's kind")
}
