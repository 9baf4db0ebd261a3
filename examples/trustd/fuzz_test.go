package main

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzCheckRequest sends arbitrary bodies to the JSON endpoints: the server never
// panics, never answers 5xx for a bad body, and always answers one JSON object.
func FuzzCheckRequest(f *testing.F) {
	for _, seed := range []string{
		`{"subject":"https://ants-gouv.fr","for":"carte-grise"}`,
		`{"subject":"FR76 3000 6000 0112 3456 7890 189","payee":"proprietaire","name":"Jean"}`,
		`{"subject":`, `[]`, `null`, `{"subject":"x","lang":"de"}`, `{"subject":"a"} {}`,
	} {
		f.Add("url", seed)
		f.Add("payment", seed)
	}
	s := newTestServer(f)
	s.logger = discardLogger()
	f.Fuzz(func(t *testing.T, kind, body string) {
		switch kind {
		case "url", "iban", "message", "payment":
		default:
			kind = "message"
		}
		req := httptest.NewRequest("POST", "/v1/check/"+kind, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %q: status %d: %s", kind, body, rec.Code, rec.Body.String())
		}
		var v map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Fatalf("%s %q: not a JSON object: %s", kind, body, rec.Body.String())
		}
	})
}
