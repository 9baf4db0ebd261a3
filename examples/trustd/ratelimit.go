package main

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"time"
)

// rateConfig is the per-client rate limit of the API (--rate, --burst, --trusted-proxy).
// With perSecond 0 (the default) there is none.
type rateConfig struct {
	perSecond float64        // requests a client may make per second, on average
	burst     int            // requests a client may make at once (default: 2 × perSecond, at least 1)
	trusted   []netip.Prefix // proxies whose X-Forwarded-For names the client
}

// clientLimiter is a token bucket per client. A client is the API key's name when the
// request has a valid key (every instance of a partner's back-end shares its key's
// limit), else the address the request comes from: the TCP peer, or, when the peer is
// a trusted proxy, the last address of X-Forwarded-For that is not a trusted proxy.
// IPv6 clients are counted per /64, which one household or one machine gets.
//
// Buckets that have refilled are forgotten, so memory follows the clients active in
// the last burst/perSecond seconds; beyond maxClients, new clients share one bucket.
type clientLimiter struct {
	cfg     rateConfig
	now     func() time.Time
	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
	crowd   bucket // shared by the clients beyond maxClients
}

const maxClients = 100_000

type bucket struct {
	tokens float64
	last   time.Time
}

func newClientLimiter(cfg rateConfig) *clientLimiter {
	if cfg.perSecond > 0 && cfg.burst <= 0 {
		cfg.burst = max(1, int(math.Ceil(2*cfg.perSecond)))
	}
	return &clientLimiter{cfg: cfg, now: time.Now, buckets: map[string]*bucket{}}
}

func (l *clientLimiter) enabled() bool { return l.cfg.perSecond > 0 }

// allow takes a token from the client's bucket. When there is none, it returns false
// and the seconds to wait for the next one.
func (l *clientLimiter) allow(client string) (bool, int) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	b, ok := l.buckets[client]
	if !ok {
		if len(l.buckets) >= maxClients {
			b = &l.crowd
		} else {
			b = &bucket{tokens: float64(l.cfg.burst), last: now}
			l.buckets[client] = b
		}
	}
	b.tokens = min(float64(l.cfg.burst), b.tokens+now.Sub(b.last).Seconds()*l.cfg.perSecond)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, int(math.Ceil((1 - b.tokens) / l.cfg.perSecond))
}

// sweep forgets, at most once a second, the buckets that are full again: a new bucket
// would be the same.
func (l *clientLimiter) sweep(now time.Time) {
	if now.Sub(l.swept) < time.Second {
		return
	}
	l.swept = now
	refill := time.Duration(float64(l.cfg.burst) / l.cfg.perSecond * float64(time.Second))
	for k, b := range l.buckets {
		if now.Sub(b.last) >= refill {
			delete(l.buckets, k)
		}
	}
}

// client names who sent r: "key:NAME" for a request with a valid API key, else
// "addr:ADDRESS" (see clientLimiter).
func (l *clientLimiter) client(r *http.Request, key string) string {
	if key != "" {
		return "key:" + key
	}
	return "addr:" + l.clientAddr(r).String()
}

func (l *clientLimiter) clientAddr(r *http.Request) netip.Prefix {
	peer := parseAddr(r.RemoteAddr)
	if peer.IsValid() && l.trusted(peer) {
		for _, v := range slices.Backward(r.Header.Values("X-Forwarded-For")) {
			hops := strings.Split(v, ",")
			for i := len(hops) - 1; i >= 0; i-- {
				hop := parseAddr(strings.TrimSpace(hops[i]))
				if !hop.IsValid() {
					return clientPrefix(peer) // a garbled header: count the proxy itself
				}
				if !l.trusted(hop) {
					return clientPrefix(hop)
				}
				peer = hop
			}
		}
	}
	return clientPrefix(peer)
}

func (l *clientLimiter) trusted(a netip.Addr) bool {
	for _, p := range l.cfg.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// parseAddr reads "1.2.3.4", "1.2.3.4:5678", "[::1]:80" or "::1"; the zero Addr otherwise.
func parseAddr(s string) netip.Addr {
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap()
	}
	if host, _, err := net.SplitHostPort(s); err == nil {
		s = host
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}
	}
	return a.WithZone("").Unmap()
}

// clientPrefix is the unit a limit counts: one IPv4 address, one IPv6 /64.
func clientPrefix(a netip.Addr) netip.Prefix {
	if !a.IsValid() {
		return netip.Prefix{}
	}
	bits := 32
	if a.Is6() {
		bits = 64
	}
	p, _ := a.Prefix(bits)
	return p
}

// prefixList is the repeatable --trusted-proxy flag: an address or a CIDR prefix.
type prefixList []netip.Prefix

func (p *prefixList) String() string {
	var s []string
	for _, x := range *p {
		s = append(s, x.String())
	}
	return strings.Join(s, ",")
}

func (p *prefixList) Set(v string) error {
	if pr, err := netip.ParsePrefix(v); err == nil {
		*p = append(*p, pr.Masked())
		return nil
	}
	a, err := netip.ParseAddr(v)
	if err != nil {
		return fmt.Errorf("want an address or a prefix such as 10.0.0.0/8, not %q", v)
	}
	*p = append(*p, netip.PrefixFrom(a, a.BitLen()))
	return nil
}
