package main

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClientAddress(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("2001:db8:ffff::/48")}
	l := newClientLimiter(rateConfig{perSecond: 1, trusted: trusted})
	none := newClientLimiter(rateConfig{perSecond: 1})
	for _, tc := range []struct {
		peer, xff string
		want      string // with the trusted proxies
		direct    string // without: the header is ignored
	}{
		{"192.0.2.7:5000", "", "192.0.2.7/32", "192.0.2.7/32"},
		{"192.0.2.7:5000", "198.51.100.1", "192.0.2.7/32", "192.0.2.7/32"}, // not from a proxy: spoofed
		{"10.1.2.3:80", "198.51.100.1", "198.51.100.1/32", "10.1.2.3/32"},
		{"10.1.2.3:80", "203.0.113.9, 198.51.100.1, 10.9.9.9", "198.51.100.1/32", "10.1.2.3/32"}, // the last untrusted hop
		{"10.1.2.3:80", "10.2.2.2, 10.3.3.3", "10.2.2.2/32", "10.1.2.3/32"},
		{"10.1.2.3:80", "garbage", "10.1.2.3/32", "10.1.2.3/32"},
		{"[2001:db8:ffff::1]:443", "2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64", "2001:db8:ffff::/64"},
		{"[2001:db8:1:2::7]:443", "", "2001:db8:1:2::/64", "2001:db8:1:2::/64"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tc.peer
		if tc.xff != "" {
			r.Header.Set("X-Forwarded-For", tc.xff)
		}
		assert.Equal(t, tc.want, l.clientAddr(r).String(), "%s %s", tc.peer, tc.xff)
		assert.Equal(t, tc.direct, none.clientAddr(r).String(), "%s %s", tc.peer, tc.xff)
	}
	r := httptest.NewRequest("GET", "/", nil)
	assert.Equal(t, "key:compta", l.client(r, "compta"), "a key is the client, wherever it comes from")
}

func TestTokenBucket(t *testing.T) {
	now := time.Unix(1000, 0)
	l := newClientLimiter(rateConfig{perSecond: 2, burst: 3})
	l.now = func() time.Time { return now }
	for range 3 {
		ok, _ := l.allow("a")
		require.True(t, ok)
	}
	ok, retry := l.allow("a")
	assert.False(t, ok)
	assert.Equal(t, 1, retry)
	ok, _ = l.allow("b")
	assert.True(t, ok, "clients are counted apart")
	now = now.Add(500 * time.Millisecond)
	ok, _ = l.allow("a")
	assert.True(t, ok, "one token back after 1/rate")
	now = now.Add(10 * time.Second)
	l.allow("c")
	assert.NotContains(t, l.buckets, "a", "full buckets are forgotten")
	assert.Equal(t, 4, newClientLimiter(rateConfig{perSecond: 2}).cfg.burst, "default burst: twice the rate")
}

func TestRateLimitOverHTTP(t *testing.T) {
	s := newTestServerWith(t, options{demo: true}, func(c *config) {
		c.publicChecks = true
		c.rate = rateConfig{perSecond: 0.5, burst: 2}
	})
	send := func(key, addr string) (int, http.Header, string) {
		req := httptest.NewRequest("POST", "/v1/check/iban", strings.NewReader(`{"subject":"`+ibanA+`","lang":"en"}`))
		req.RemoteAddr = addr
		req.Header.Set("Accept-Language", "en") // refused before the body is read
		if key != "" {
			req.Header.Set("Authorization", "Bearer "+key)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec.Code, rec.Header(), rec.Body.String()
	}
	for range 2 {
		code, _, _ := send("", "192.0.2.1:1000")
		require.Equal(t, http.StatusOK, code)
	}
	code, h, body := send("", "192.0.2.1:1001")
	assert.Equal(t, http.StatusTooManyRequests, code)
	assert.Equal(t, "2", h.Get("Retry-After"))
	assert.JSONEq(t, `{"error":"Too many requests in a short time. Try again in a few seconds."}`, body)
	code, _, _ = send("", "192.0.2.2:1000")
	assert.Equal(t, http.StatusOK, code, "another address")
	code, _, _ = send(testKey, "192.0.2.1:1000")
	assert.Equal(t, http.StatusOK, code, "a key has its own limit")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	assert.Equal(t, http.StatusOK, rec.Code, "health is never limited")
}
