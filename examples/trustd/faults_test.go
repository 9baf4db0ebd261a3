package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/internal/pgtest"
)

// The fault tests run trustd processes on the PostgreSQL of .ci/run (they skip without
// TRUSTREFLEX_POSTGRES_URL, and fail in CI without it), each on a schema of its own.

func confirmBody(iban, name string) string {
	return fmt.Sprintf(`{"iban":%q,"name":%q}`, iban, name)
}

func paymentBody(iban, payee string) string {
	return fmt.Sprintf(`{"subject":%q,"payee":%q}`, iban, payee)
}

// TestTwoInstancesShareTheBook: a confirm through one trustd is seen by another at once,
// in both directions: no instance keeps a copy that could answer "unchanged" for an
// IBAN that the other replaced.
func TestTwoInstancesShareTheBook(t *testing.T) {
	book := pgtest.FreshSchema(t)
	keys := keysFile(t)
	a := startTrustd(t, "--book", book, "--keys", keys)
	b := startTrustd(t, "--book", book, "--keys", keys)

	got := a.call("POST", "/v1/payees/F-0042/confirm", confirmBody(ibanA, "Minoterie du Rhône"))
	require.Equal(t, http.StatusOK, got.status, "%v %v", got.body, got.err)
	verdict, codes := b.call("POST", "/v1/check/payment", paymentBody(ibanA, "F-0042")).verdictOf()
	assert.Equal(t, "ok", verdict)
	assert.Contains(t, codes, "iban.unchanged", "the confirm through A is seen by B at once")
	verdict, codes = b.call("POST", "/v1/check/payment", paymentBody(ibanB, "F-0042")).verdictOf()
	assert.Equal(t, "danger", verdict)
	assert.Contains(t, codes, "iban.changed")

	got = b.call("POST", "/v1/payees/F-0042/confirm", confirmBody(ibanB, "Minoterie du Rhône"))
	require.Equal(t, http.StatusOK, got.status)
	assert.EqualValues(t, 2, got.body["seq"])
	verdict, codes = a.call("POST", "/v1/check/payment", paymentBody(ibanA, "F-0042")).verdictOf()
	assert.Equal(t, "danger", verdict, "A answers from the book, not from a cache")
	assert.Contains(t, codes, "iban.changed")
	h := a.call("GET", "/v1/payees/F-0042/history", "")
	require.Equal(t, http.StatusOK, h.status)
	assert.Len(t, h.body["events"], 2)
	for _, p := range []*proc{a, b} {
		for _, personal := range []string{"FR76", "30006000", "0189", "Minoterie", "F-0042"} {
			assert.NotContains(t, p.log.String(), personal, "no personal data in the log")
		}
	}
}

// TestPostgresOutageUnderLoad: under load, PostgreSQL goes away for two seconds, then
// comes back: the network to it is cut (every connection broken, new ones refused), or
// the server itself is stopped and started again. Every answer is either the right
// verdict or 503 with the book-down text: never "new payee", never "unchanged" for the
// changed IBAN. /readyz fails during the outage, and the service resumes without restart.
func TestPostgresOutageUnderLoad(t *testing.T) {
	t.Run("network cut", func(t *testing.T) {
		book := pgtest.FreshSchema(t)
		proxy := newPGProxy(t, book)
		p := startTrustd(t, "--book", proxy.url(book), "--keys", keysFile(t))
		outageUnderLoad(t, p, proxy.cut, proxy.restore)
	})
	t.Run("server restart", func(t *testing.T) {
		pg := startOwnPostgres(t)
		p := startTrustd(t, "--book", pg.url, "--keys", keysFile(t))
		outageUnderLoad(t, p, pg.stop, pg.start)
	})
}

// outageUnderLoad checks p under load while down() then up() happen to its book.
func outageUnderLoad(t *testing.T, p *proc, down, up func()) {
	for i := range 4 {
		got := p.call("POST", fmt.Sprintf("/v1/payees/P%d/confirm", i), confirmBody(ibanA, "Jean Martin"))
		require.Equal(t, http.StatusOK, got.status, "%v", got.body)
	}

	var stop atomic.Bool
	var mu sync.Mutex
	counts := map[string]int{}
	var wrong []string
	var wg sync.WaitGroup
	for w := range 6 {
		wg.Go(func() {
			for i := 0; !stop.Load(); i++ {
				iban, want := ibanA, "iban.unchanged"
				if i%2 == 1 {
					iban, want = ibanB, "iban.changed"
				}
				got := p.call("POST", "/v1/check/payment", paymentBody(iban, fmt.Sprintf("P%d", (w+i)%4)))
				verdict, codes := got.verdictOf()
				mu.Lock()
				switch {
				case got.err != nil:
					wrong = append(wrong, "transport: "+got.err.Error())
				case got.status == http.StatusOK && strings.Contains(strings.Join(codes, " "), want) && !strings.Contains(strings.Join(codes, " "), "iban.new-payee"):
					counts["ok"]++
				case got.status == http.StatusServiceUnavailable && got.body["error"] == "Le carnet de bénéficiaires ne répond pas. Réessayez dans un instant." && verdict == "":
					counts["503"]++
				default:
					wrong = append(wrong, fmt.Sprintf("%d %s %v %v", got.status, verdict, codes, got.body["error"]))
				}
				mu.Unlock()
			}
		})
	}
	ready := func() int {
		resp, err := http.Get(p.base + "/readyz")
		if err != nil {
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	time.Sleep(500 * time.Millisecond)
	require.Equal(t, http.StatusOK, ready(), "ready while the book answers")
	down()
	assert.True(t, waitFor(context.Background(), 5*time.Second, func() bool { return ready() == http.StatusServiceUnavailable }), "/readyz fails while the book is unreachable")
	time.Sleep(1500 * time.Millisecond)
	mu.Lock()
	during := counts["503"]
	mu.Unlock()
	up()
	assert.True(t, waitFor(context.Background(), 15*time.Second, func() bool { return ready() == http.StatusOK }), "ready again without a restart")
	mu.Lock()
	before := counts["ok"]
	mu.Unlock()
	time.Sleep(time.Second)
	stop.Store(true)
	wg.Wait()

	assert.Empty(t, wrong, "every answer is the right verdict or 503")
	assert.Positive(t, during, "the outage gave 503 answers")
	assert.Greater(t, counts["ok"], before, "checks answer again after the outage")
	health, err := http.Get(p.base + "/healthz")
	require.NoError(t, err)
	health.Body.Close()
	assert.Equal(t, http.StatusOK, health.StatusCode, "alive all along")
	t.Logf("answers: %v", counts)
}

// TestKilledDuringConfirm: trustd is killed (SIGKILL) while confirms are under way on a
// slow link to PostgreSQL. In the book every event is whole (all its fields, the payee's
// sequence without gap, the payee row agreeing with its events), and every confirm that
// was answered 200 is there.
func TestKilledDuringConfirm(t *testing.T) {
	book := pgtest.FreshSchema(t)
	proxy := newPGProxy(t, book)
	p := startTrustd(t, "--book", proxy.url(book), "--keys", keysFile(t))
	proxy.setDelay(15 * time.Millisecond)

	var mu sync.Mutex
	acked := map[string]int{} // payee: confirms answered 200
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 50 {
				id := fmt.Sprintf("K%d", (w*50+i)%12)
				got := p.call("POST", "/v1/payees/"+id+"/confirm", confirmBody(ibanA, "Jean Martin"))
				if got.err != nil {
					return // killed
				}
				if got.status == http.StatusOK {
					mu.Lock()
					acked[id]++
					mu.Unlock()
				}
			}
		})
	}
	require.True(t, waitFor(context.Background(), 20*time.Second, func() bool {
		mu.Lock()
		defer mu.Unlock()
		n := 0
		for _, k := range acked {
			n += k
		}
		return n >= 20
	}))
	p.signal(t, syscall.SIGKILL)
	wg.Wait()
	_ = p.wait(t, 10*time.Second)
	proxy.setDelay(0)

	db := pgtest.Open(t, book)
	rows, err := db.Query(`SELECT p.id, p.last_seq, count(e.seq), min(e.seq), max(e.seq),
		bool_and(e.kind = 'confirm' AND e.iban = 'FR7630006000011234567890189' AND e.name = 'Jean Martin' AND e.by_whom = 'compta' AND e.at IS NOT NULL)
		FROM payee p LEFT JOIN payee_event e ON e.payee = p.id GROUP BY p.id, p.last_seq`)
	require.NoError(t, err)
	defer rows.Close()
	stored := map[string]int{}
	for rows.Next() {
		var id string
		var last, n, lo, hi int
		var whole bool
		require.NoError(t, rows.Scan(&id, &last, &n, &lo, &hi, &whole))
		assert.True(t, whole, "%s: every event whole", id)
		assert.Equal(t, last, n, "%s: the payee row agrees with its events", id)
		assert.Equal(t, 1, lo, id)
		assert.Equal(t, n, hi, "%s: no gap", id)
		stored[id] = n
	}
	require.NoError(t, rows.Err())
	mu.Lock()
	defer mu.Unlock()
	total := 0
	for id, n := range acked {
		assert.GreaterOrEqual(t, stored[id], n, "%s: every confirm answered 200 is in the book", id)
		total += stored[id]
	}
	t.Logf("answered %v, stored %v", acked, stored)
}

// TestSIGTERMDrains: requests under way when SIGTERM arrives (payment checks on a slow
// link to PostgreSQL) get their answers; then trustd exits 0 and listens no more.
func TestSIGTERMDrains(t *testing.T) {
	book := pgtest.FreshSchema(t)
	proxy := newPGProxy(t, book)
	p := startTrustd(t, "--book", proxy.url(book), "--keys", keysFile(t), "--seed-demo")
	proxy.setDelay(200 * time.Millisecond)

	answers := make(chan answer, 8)
	for range cap(answers) {
		go func() {
			answers <- p.call("POST", "/v1/check/payment", paymentBody(demoPayees[0].IBAN, demoPayees[0].ID))
		}()
	}
	time.Sleep(100 * time.Millisecond) // all sent, all waiting on the book
	p.signal(t, syscall.SIGTERM)
	for range cap(answers) {
		a := <-answers
		require.NoError(t, a.err)
		assert.Equal(t, http.StatusOK, a.status, "%v", a.body)
		_, codes := a.verdictOf()
		assert.Contains(t, codes, "iban.unchanged")
	}
	require.NoError(t, p.wait(t, 15*time.Second), "a clean exit")
	_, err := net.DialTimeout("tcp", strings.TrimPrefix(p.base, "http://"), time.Second)
	assert.Error(t, err, "no longer listening")
	assert.Contains(t, p.log.String(), `"msg":"shutting down"`)
}

// TestKeysReloadOnSIGHUP: a new keys file is read on SIGHUP; a broken one leaves the
// keys in use.
func TestKeysReloadOnSIGHUP(t *testing.T) {
	keys := keysFile(t)
	p := startTrustd(t, "--demo", "--keys", keys)
	confirm := func(key string) int {
		req, _ := http.NewRequest("POST", p.base+"/v1/payees/x/confirm", strings.NewReader(confirmBody(ibanA, "Jean Martin")))
		req.Header.Set("Authorization", "Bearer "+key)
		resp, err := testClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	require.Equal(t, http.StatusOK, confirm(testKey))
	require.NoError(t, os.WriteFile(keys, []byte("ops:"+sha256Hex("new-key")+"\n"), 0o600))
	p.signal(t, syscall.SIGHUP)
	assert.True(t, waitFor(context.Background(), 5*time.Second, func() bool { return confirm("new-key") == http.StatusOK }))
	assert.Equal(t, http.StatusUnauthorized, confirm(testKey), "the old key is gone")

	require.NoError(t, os.WriteFile(keys, []byte("broken line\n"), 0o600))
	p.signal(t, syscall.SIGHUP)
	assert.True(t, waitFor(context.Background(), 5*time.Second, func() bool { return strings.Contains(p.log.String(), "keys not reloaded") }))
	assert.Equal(t, http.StatusOK, confirm("new-key"), "a broken file leaves the keys in use")
	assert.NotContains(t, p.log.String(), "new-key")
}
