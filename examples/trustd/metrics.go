package main

import (
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/trustreflex/trustreflex/reflex"
)

// metrics are what GET /metrics shows, in the Prometheus text format: counts and
// durations only, never a subject, a payee or a client's address. Each server has its
// own registry (no global state).
type metrics struct {
	reg             *prometheus.Registry
	requests        *prometheus.CounterVec   // route, code
	duration        *prometheus.HistogramVec // route
	verdicts        *prometheus.CounterVec   // kind, verdict
	checkErrors     *prometheus.CounterVec   // kind
	authFailures    prometheus.Counter
	rateLimited     prometheus.Counter
	uploadsRejected *prometheus.CounterVec // reason
	unmatched       *routeStats
	handler         func(*call)
}

// durationBuckets go from 100 µs (a URL check) to 10 s (a large upload).
var durationBuckets = []float64{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

func newMetrics(s *server) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "trustd_requests_total", Help: "Requests answered, by route and status code.",
	}, []string{"route", "code"})
	m.duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "trustd_request_duration_seconds", Help: "Time to answer a request, by route.", Buckets: durationBuckets,
	}, []string{"route"})
	m.verdicts = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "trustd_verdicts_total", Help: "Reports answered, by kind of check and verdict.",
	}, []string{"kind", "verdict"})
	m.checkErrors = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "trustd_check_errors_total", Help: "Checks that could not be made (answered with the wire error object), by kind.",
	}, []string{"kind"})
	m.authFailures = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "trustd_auth_failures_total", Help: "Requests refused for a missing or wrong API key (401).",
	})
	m.rateLimited = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "trustd_rate_limited_total", Help: "Requests refused by the per-client rate limit (429).",
	})
	m.uploadsRejected = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "trustd_upload_rejected_total", Help: "Uploads refused: no free slot (busy) or slower than the minimum rate (slow).",
	}, []string{"reason"})
	inUse := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "trustd_upload_slots_in_use", Help: "Uploads being received or inspected now.",
	}, func() float64 { return float64(len(s.uploads)) })
	slots := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "trustd_upload_slots", Help: "Uploads that may be received or inspected at once.",
	}, func() float64 { return float64(cap(s.uploads)) })
	keys := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "trustd_api_keys", Help: "API keys loaded from --keys.",
	}, func() float64 { return float64(s.keys.count()) })
	m.reg.MustRegister(m.requests, m.duration, m.verdicts, m.checkErrors, m.authFailures, m.rateLimited,
		m.uploadsRejected, inUse, slots, keys,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if s.checks.bookErrors != nil {
		m.reg.MustRegister(s.checks.bookErrors)
		for _, op := range []string{"read", "append"} {
			s.checks.bookErrors.WithLabelValues(op) // shown at 0 from the start
		}
	}
	for _, kind := range []string{reflex.KindURL, reflex.KindIBAN, reflex.KindMessage, reflex.KindPayment, reflex.KindFile} {
		m.checkErrors.WithLabelValues(kind)
	}
	h := promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{ErrorLog: nil})
	m.handler = func(c *call) { h.ServeHTTP(c, c.r) }
	m.unmatched = m.forRoute("(unknown)")
	return m
}

func (m *metrics) serve(c *call) { m.handler(c) }

// verdictsOf returns the verdict counters of a kind of check, by severity.
func (m *metrics) verdictsOf(kind string) [reflex.Danger + 1]prometheus.Counter {
	var out [reflex.Danger + 1]prometheus.Counter
	for s := reflex.OK; s <= reflex.Danger; s++ {
		out[s] = m.verdicts.WithLabelValues(kind, s.String())
	}
	return out
}

// routeStats are a route's counters, resolved once: counting a request allocates nothing.
type routeStats struct {
	m        *metrics
	route    string
	duration prometheus.Observer
	mu       sync.RWMutex
	byCode   map[int]prometheus.Counter
}

func (m *metrics) forRoute(route string) *routeStats {
	return &routeStats{m: m, route: route, duration: m.duration.WithLabelValues(route), byCode: map[int]prometheus.Counter{}}
}

func (r *routeStats) observe(code int, d time.Duration) {
	r.duration.Observe(d.Seconds())
	r.mu.RLock()
	c, ok := r.byCode[code]
	r.mu.RUnlock()
	if !ok {
		c = r.m.requests.WithLabelValues(r.route, strconv.Itoa(code))
		r.mu.Lock()
		r.byCode[code] = c
		r.mu.Unlock()
	}
	c.Inc()
}
