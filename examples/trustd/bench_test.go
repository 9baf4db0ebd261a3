package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/trustreflex/trustreflex/urlcheck"
)

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

// BenchmarkURLCheckDirect is the baseline: the url check itself, in process.
func BenchmarkURLCheckDirect(b *testing.B) {
	c := urlcheck.New()
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := c.Check(ctx, benchURLs[i%len(benchURLs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkURLCheckHTTP is the load test of POST /v1/check/url on 127.0.0.1: keep-alive
// clients in parallel (4 per core), each request timed. It reports requests per second
// and the 99th percentile latency; compare ns/op with BenchmarkURLCheckDirect for the
// cost of HTTP and JSON.
func BenchmarkURLCheckHTTP(b *testing.B) {
	s := newTestServer(b)
	s.logger = discardLogger()
	ts := httptest.NewServer(s) // listens on 127.0.0.1 only
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 10 * time.Second}
	defer client.CloseIdleConnections()
	bodies := make([][]byte, len(benchURLs))
	for i, u := range benchURLs {
		bodies[i] = []byte(`{"subject":"` + u + `","lang":"fr"}`)
	}

	var mu sync.Mutex
	var latencies []time.Duration
	b.SetParallelism(4)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		i := 0
		for pb.Next() {
			t0 := time.Now()
			resp, err := client.Post(ts.URL+"/v1/check/url", "application/json", bytes.NewReader(bodies[i%len(bodies)]))
			if err != nil {
				b.Error(err)
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
			mine = append(mine, time.Since(t0))
			i++
		}
		mu.Lock()
		latencies = append(latencies, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	b.StopTimer()
	if len(latencies) == 0 {
		return
	}
	slices.Sort(latencies)
	quantile := func(q int) time.Duration { return latencies[min(len(latencies)-1, len(latencies)*q/100)] }
	b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(quantile(50).Microseconds()), "p50-µs")
	b.ReportMetric(float64(quantile(99).Microseconds()), "p99-µs")
}
