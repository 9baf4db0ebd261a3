package main

import (
	"net/http/httptest"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scrape reads GET /metrics as Prometheus does.
func scrape(t *testing.T, s *testServer) (map[string]*dto.MetricFamily, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	require.Equal(t, 200, rec.Code)
	assert.True(t, strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain"), rec.Header().Get("Content-Type"))
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(rec.Body.String()))
	require.NoError(t, err)
	return fams, rec.Body.String()
}

// value returns the value of the family's metric with these labels.
func value(t *testing.T, fams map[string]*dto.MetricFamily, name string, labels ...string) float64 {
	t.Helper()
	f, ok := fams[name]
	require.True(t, ok, "no %s", name)
next:
	for _, m := range f.Metric {
		for i := 0; i+1 < len(labels); i += 2 {
			found := false
			for _, l := range m.Label {
				if l.GetName() == labels[i] && l.GetValue() == labels[i+1] {
					found = true
				}
			}
			if !found {
				continue next
			}
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue()
		case m.Gauge != nil:
			return m.Gauge.GetValue()
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount())
		}
	}
	t.Fatalf("%s%v: no such metric", name, labels)
	return 0
}

func TestMetricsScrape(t *testing.T) {
	s := newTestServer(t)
	s.post(t, "/v1/check/iban", `{"subject":"`+ibanA+`"}`)
	s.post(t, "/v1/check/iban", `{"subject":"FR21 3000 6000 0112 3456 7890 112"}`)
	s.post(t, "/v1/check/payment", `{"subject":"`+ibanB+`","payee":"proprietaire","name":"Jean Martin"}`)
	s.send(t, "POST", "/v1/payees/proprietaire/confirm", "wrong", `{"iban":"`+ibanB+`","name":"Jean Martin"}`)
	s.send(t, "GET", "/nowhere/FR7630006000011234567890189", "", "")

	fams, text := scrape(t, s)
	assert.Equal(t, 2.0, value(t, fams, "trustd_requests_total", "route", "/v1/check/iban", "code", "200"))
	assert.Equal(t, 2.0, value(t, fams, "trustd_request_duration_seconds", "route", "/v1/check/iban"))
	assert.Equal(t, 1.0, value(t, fams, "trustd_requests_total", "route", "/v1/payees/{payee}/confirm", "code", "401"))
	assert.Equal(t, 1.0, value(t, fams, "trustd_requests_total", "route", "(unknown)", "code", "404"))
	assert.Equal(t, 1.0, value(t, fams, "trustd_verdicts_total", "kind", "iban", "verdict", "ok"))
	assert.Equal(t, 1.0, value(t, fams, "trustd_verdicts_total", "kind", "iban", "verdict", "danger"))
	assert.Equal(t, 1.0, value(t, fams, "trustd_verdicts_total", "kind", "payment", "verdict", "danger"))
	assert.Equal(t, 1.0, value(t, fams, "trustd_auth_failures_total"))
	assert.Equal(t, 0.0, value(t, fams, "trustd_check_errors_total", "kind", "payment"))
	assert.Equal(t, 0.0, value(t, fams, "trustd_book_errors_total", "op", "read"))
	assert.Equal(t, 0.0, value(t, fams, "trustd_upload_slots_in_use"))
	assert.Equal(t, 4.0, value(t, fams, "trustd_upload_slots"))
	assert.Equal(t, 1.0, value(t, fams, "trustd_api_keys"))
	assert.Contains(t, fams, "go_goroutines")
	for _, personal := range []string{"3000", "proprietaire", "Martin", "nowhere"} {
		assert.NotContains(t, text, personal)
	}
}
