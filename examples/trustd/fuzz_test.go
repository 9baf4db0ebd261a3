package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/trustreflex/trustreflex/reflex"
)

// FuzzCheckRequest sends arbitrary bodies to the JSON check endpoints: the server never
// panics, never answers 5xx for a bad body, and always answers one JSON object; and
// the request decoder agrees with encoding/json on every body.
func FuzzCheckRequest(f *testing.F) {
	for _, seed := range []string{
		`{"subject":"https://ants-gouv.fr","for":"carte-grise"}`,
		`{"subject":"FR76 3000 6000 0112 3456 7890 189","payee":"proprietaire","name":"Jean"}`,
		`{"subject":`, `[]`, `null`, `{"subject":"x","lang":"de"}`, `{"subject":"a"} {}`,
		`{"url":"https://ants.gouv.fr"}`, `{"SUBJECT":"\u00e9\ud83d\ude00\ud800x","subject":null}`,
		"{\"subject\":\"a\xffb\"}", `{"subject":42}`, ` { "subject" : "x" , "lang" : "en" } `,
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
		sameAsEncodingJSON[urlRequest](t, body)
		sameAsEncodingJSON[paymentRequest](t, body)
		sameAsEncodingJSON[confirmRequest](t, body)
	})
}

// FuzzPayeeRequest sends arbitrary payee identifiers and bodies to the payee API with
// the test key: never a panic nor a 5xx, always one JSON object, and a write is answered
// 200 only for a valid IBAN and holder's name.
func FuzzPayeeRequest(f *testing.F) {
	for _, seed := range [][2]string{
		{"F-0042", `{"iban":"FR76 3000 6000 0112 3456 7890 189","name":"Jean Martin"}`},
		{"dossier%2F12", `{"iban":"FR7630006000011234567890189"}`},
		{"%00", `{"iban":"x","name":""}`},
		{"a%E2%80%AEb", `{"iban":"FR76 3000 6000 0112 3456 7890 189","name":"M."}`},
		{"p", `{"iban":"FR76 3000 6000 0112 3456 7890 189","name":"Jean","lang":"en","by":"x"}`},
		{"p", `{"iban":`},
	} {
		f.Add("confirm", seed[0], seed[1])
		f.Add("revoke", seed[0], seed[1])
	}
	s := newTestServer(f)
	s.logger = discardLogger()
	f.Fuzz(func(t *testing.T, op, payee, body string) {
		method := "POST"
		switch op {
		case "confirm", "revoke":
		default:
			op, method = "history", "GET"
		}
		target := "/v1/payees/" + payee + "/" + op
		if _, err := url.ParseRequestURI(target); err != nil || strings.ContainsAny(payee, "/?# \x7f") || !utf8.ValidString(payee) || strings.IndexFunc(payee, func(r rune) bool { return r < 0x20 }) >= 0 {
			return // not a path a client can send
		}
		req := httptest.NewRequest(method, target, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+testKey)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %q %q: status %d: %s", op, payee, body, rec.Code, rec.Body.String())
		}
		var v map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Fatalf("%s %q %q: not a JSON object: %s", op, payee, body, rec.Body.String())
		}
		if op == "confirm" && rec.Code == 200 {
			var req confirmRequest
			if err := decodeObject([]byte(body), &req, ""); err != nil || ibanField(req.IBAN) != nil {
				t.Fatalf("%q: confirmed without a valid IBAN", body)
			}
		}
	})
}

// sameAsEncodingJSON checks that decodeObject and encoding/json (with unknown fields
// refused and nothing after the object) accept the same bodies into T, with the same
// values. decodeObject may refuse more: names that match a field only by Unicode case
// folding (encoding/json folds "ſ" to "s" and "K" to "k"), and a field given twice
// (encoding/json keeps the last).
func sameAsEncodingJSON[T any, R interface {
	*T
	fieldSetter
}](t *testing.T, body string) {
	t.Helper()
	var ours, theirs T
	err := decodeObject([]byte(body), R(&ours), "")
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	jerr := dec.Decode(&theirs)
	if jerr == nil {
		if _, terr := dec.Token(); !errors.Is(terr, io.EOF) {
			jerr = errors.New("trailing data")
		}
	}
	switch {
	case err == nil && jerr != nil:
		t.Fatalf("%T %q: accepted, encoding/json refuses: %v", ours, body, jerr)
	case err == nil && !reflect.DeepEqual(ours, theirs):
		t.Fatalf("%T %q: %+v, encoding/json %+v", ours, body, ours, theirs)
	case err != nil && jerr == nil && !bytes.ContainsFunc([]byte(body), func(r rune) bool { return r >= utf8.RuneSelf }) && !isDuplicate(err):
		t.Fatalf("%T %q: refused (%v), encoding/json accepts %+v", ours, body, err, theirs)
	}
}

// isDuplicate reports whether err is decodeObject's refusal of a field given twice.
func isDuplicate(err error) bool {
	var he *httpError
	return errors.As(err, &he) && he.text.ID == reflex.TextServerDuplicateField
}
