// Package storetest is the conformance suite of [payee.Store]: every implementation
// calls [Run] in its tests, so that the in-memory, SQLite and PostgreSQL stores keep the same
// contract (append-only history, gapless sequence, time order, no lost update under
// concurrent confirmations, errors instead of empty answers).
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, storetest.Harness{
//			Open: func(t *testing.T) payee.Store { return openEmptyStore(t) },
//		})
//	}
package storetest

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/reflex"
)

// Harness tells the suite how to get stores.
type Harness struct {
	// Open returns a new, empty store for one test. It registers its own cleanup with
	// t.Cleanup. If the store is an io.Closer, the suite also checks the behaviour after
	// Close (calling Close twice must be harmless).
	Open func(t *testing.T) payee.Store
	// Reopen, if set, returns another handle on the data of s: a second connection pool,
	// as another process or another app instance would have. The suite then checks that
	// data persists across handles and that concurrent writers on different handles lose
	// no update.
	Reopen func(t *testing.T, s payee.Store) payee.Store
	// Goroutines and PerGoroutine size the concurrency test (defaults 16 and 8).
	Goroutines, PerGoroutine int
}

// Run runs the conformance suite as subtests of t.
func Run(t *testing.T, h Harness) {
	t.Run("EmptyHistory", func(t *testing.T) { testEmpty(t, h) })
	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(t, h) })
	t.Run("TimeNeverGoesBack", func(t *testing.T) { testTimeOrder(t, h) })
	t.Run("RejectsInvalidEvents", func(t *testing.T) { testInvalid(t, h) })
	t.Run("CancelledContext", func(t *testing.T) { testCancelled(t, h) })
	t.Run("ConcurrentAppends", func(t *testing.T) { testConcurrent(t, h) })
	t.Run("Closed", func(t *testing.T) { testClosed(t, h) })
	t.Run("AppendAll", func(t *testing.T) { testAppendAll(t, h) })
	t.Run("CheckNeverRecords", func(t *testing.T) { testCheckNeverRecords(t, h) })
	if h.Reopen != nil {
		t.Run("Persists", func(t *testing.T) { testPersists(t, h) })
	}
}

// base is a fixed instant with nanoseconds, to check the microsecond truncation.
var base = time.Date(2026, 3, 14, 9, 26, 53, 589793238, time.FixedZone("CET", 3600))

func confirm(payeeID, iban, name, by string, at time.Time) payee.Event {
	return payee.Event{Payee: payeeID, Kind: payee.Confirmed, IBAN: iban, Name: name, By: by, At: at}
}

func testEmpty(t *testing.T, h Harness) {
	s := h.Open(t)
	ev, err := s.Events(context.Background(), "never-seen")
	require.NoError(t, err)
	assert.Empty(t, ev)
}

func testRoundTrip(t *testing.T, h Harness) {
	ctx := context.Background()
	s := h.Open(t)
	// Identifiers and names that break naive SQL or encodings.
	payeeID := "fournisseur/42 'ACME' ; DROP TABLE x; -- é漢字%_"
	other := strings.Repeat("p", 300)
	in := []payee.Event{
		confirm(payeeID, "FR7630006000011234567890189", "Société Générale d'Électricité « SGE »", "marie@compta", base),
		{Payee: payeeID, Kind: payee.Revoked, IBAN: "FR7630006000011234567890189", By: "jean", At: base.Add(time.Hour)},
		confirm(payeeID, "DE89370400440532013000", "SGE GmbH", "jean", base.Add(2*time.Hour)),
	}
	for i, e := range in {
		got, err := s.Append(ctx, e)
		require.NoError(t, err)
		assert.Equal(t, int64(i+1), got.Seq)
		assert.Equal(t, time.UTC, got.At.Location())
		assert.Equal(t, e.At.UTC().Truncate(time.Microsecond), got.At)
	}
	_, err := s.Append(ctx, confirm(other, "BE68539007547034", "Autre", "marie", base))
	require.NoError(t, err)

	got, err := s.Events(ctx, payeeID)
	require.NoError(t, err)
	require.Len(t, got, 3)
	for i, e := range in {
		want := e
		want.Seq = int64(i + 1)
		want.At = e.At.UTC().Truncate(time.Microsecond)
		assert.Equal(t, want, got[i], "event %d", i+1)
		assert.Equal(t, time.UTC, got[i].At.Location())
	}
	got, err = s.Events(ctx, other)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, int64(1), got[0].Seq, "each payee has its own sequence")
	assert.Equal(t, other, got[0].Payee)
}

func testTimeOrder(t *testing.T, h Harness) {
	ctx := context.Background()
	s := h.Open(t)
	_, err := s.Append(ctx, confirm("p", "FR7630006000011234567890189", "A", "x", base.Add(time.Minute)))
	require.NoError(t, err)
	// A clock that went back (NTP step, another machine): the history stays in time order.
	e, err := s.Append(ctx, confirm("p", "DE89370400440532013000", "B", "y", base))
	require.NoError(t, err)
	assert.Equal(t, base.Add(time.Minute).UTC().Truncate(time.Microsecond), e.At)
	ev, err := s.Events(ctx, "p")
	require.NoError(t, err)
	require.Len(t, ev, 2)
	assert.Equal(t, ev[0].At, ev[1].At)
	// Another payee is not affected by p's clock.
	e, err = s.Append(ctx, confirm("q", "DE89370400440532013000", "B", "y", base))
	require.NoError(t, err)
	assert.Equal(t, base.UTC().Truncate(time.Microsecond), e.At)
}

func testInvalid(t *testing.T, h Harness) {
	ctx := context.Background()
	s := h.Open(t)
	good := confirm("p", "FR7630006000011234567890189", "A", "x", base)
	for name, mutate := range map[string]func(*payee.Event){
		"no payee": func(e *payee.Event) { e.Payee = "" },
		"bad kind": func(e *payee.Event) { e.Kind = "delete" },
		"no iban":  func(e *payee.Event) { e.IBAN = "" },
		"no name":  func(e *payee.Event) { e.Name = "" },
		"no by":    func(e *payee.Event) { e.By = "" },
		"no time":  func(e *payee.Event) { e.At = time.Time{} },
	} {
		e := good
		mutate(&e)
		_, err := s.Append(ctx, e)
		assert.Error(t, err, name)
	}
	ev, err := s.Events(ctx, "p")
	require.NoError(t, err)
	assert.Empty(t, ev, "a rejected event leaves no trace")
}

func testCancelled(t *testing.T, h Harness) {
	s := h.Open(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.Events(ctx, "p")
	assert.Error(t, err, "Events on a cancelled context")
	_, err = s.Append(ctx, confirm("p", "FR7630006000011234567890189", "A", "x", base))
	assert.Error(t, err, "Append on a cancelled context")
	ev, err := s.Events(context.Background(), "p")
	require.NoError(t, err)
	assert.Empty(t, ev)
}

// ibans are valid IBANs the concurrency test confirms in turn.
var ibans = []string{
	"FR7630006000011234567890189", "DE89370400440532013000", "BE68539007547034",
	"FR7610107001011234567890129", "ES9121000418450200051332", "LT121000011101001000",
}

// testConcurrent has many goroutines (on two handles when the store can be reopened)
// confirm IBANs for one payee at once through Book.Confirm, and checks that every
// confirmation is in the history exactly once, with a gapless sequence in time order,
// and that the book then answers "unchanged" for the last one only.
func testConcurrent(t *testing.T, h Harness) {
	ctx := context.Background()
	n, per := h.Goroutines, h.PerGoroutine
	if n == 0 {
		n = 16
	}
	if per == 0 {
		per = 8
	}
	s := h.Open(t)
	handles := []payee.Store{s}
	if h.Reopen != nil {
		handles = append(handles, h.Reopen(t, s))
	}
	var wg sync.WaitGroup
	errs := make(chan error, n*per)
	for g := range n {
		wg.Go(func() {
			book := payee.NewBook(handles[g%len(handles)])
			for i := range per {
				by := fmt.Sprintf("g%02d-%02d", g, i)
				if _, err := book.Confirm(ctx, "shared", ibans[(g+i)%len(ibans)], "Name "+by, by); err != nil {
					errs <- fmt.Errorf("%s: %w", by, err)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	ev, err := s.Events(ctx, "shared")
	require.NoError(t, err)
	require.Len(t, ev, n*per, "lost or duplicated updates")
	seen := map[string]bool{}
	for i, e := range ev {
		assert.Equal(t, int64(i+1), e.Seq, "gapless sequence")
		assert.Equal(t, "Name "+e.By, e.Name, "fields of one event stay together")
		var g, j int
		_, err := fmt.Sscanf(e.By, "g%02d-%02d", &g, &j)
		require.NoError(t, err)
		assert.Equal(t, ibans[(g+j)%len(ibans)], e.IBAN, "fields of one event stay together")
		assert.False(t, seen[e.By], "duplicate event %s", e.By)
		seen[e.By] = true
		if i > 0 {
			assert.False(t, e.At.Before(ev[i-1].At), "event %d is older than event %d", i+1, i)
		}
	}
	// Each goroutine's own confirmations are in the order it made them.
	last := map[int]int{}
	for _, e := range ev {
		var g, i int
		_, err := fmt.Sscanf(e.By, "g%02d-%02d", &g, &i)
		require.NoError(t, err)
		if prev, ok := last[g]; ok {
			assert.Greater(t, i, prev, "goroutine %d's events out of order", g)
		}
		last[g] = i
	}
	// The last confirmation wins, on every handle.
	final := ev[len(ev)-1]
	for _, st := range handles {
		book := payee.NewBook(st)
		for _, iban := range ibans {
			r, err := book.Check(ctx, ibancheck.Payment{PayeeID: "shared", IBAN: iban})
			require.NoError(t, err)
			if iban == final.IBAN {
				assert.True(t, r.Has(reflex.IBANUnchanged), "the last confirmed IBAN is the current one")
			} else {
				assert.True(t, r.Has(reflex.IBANChanged), "%s is not the current IBAN", iban)
			}
		}
	}
}

func testClosed(t *testing.T, h Harness) {
	s := h.Open(t)
	c, ok := s.(io.Closer)
	if !ok {
		t.Skip("the store has no Close method")
	}
	ctx := context.Background()
	_, err := s.Append(ctx, confirm("p", "FR7630006000011234567890189", "A", "x", base))
	require.NoError(t, err)
	require.NoError(t, c.Close())
	_, err = s.Events(ctx, "p")
	assert.Error(t, err, "a closed store must fail, never answer an empty history")
	_, err = s.Append(ctx, confirm("p", "FR7630006000011234567890189", "A", "x", base))
	assert.Error(t, err)
	assert.NotPanics(t, func() { _ = c.Close() })
}

func testPersists(t *testing.T, h Harness) {
	ctx := context.Background()
	s := h.Open(t)
	_, err := s.Append(ctx, confirm("p", "FR7630006000011234567890189", "Jean Dupont", "x", base))
	require.NoError(t, err)
	s2 := h.Reopen(t, s)
	ev, err := s2.Events(ctx, "p")
	require.NoError(t, err)
	require.Len(t, ev, 1)
	assert.Equal(t, "Jean Dupont", ev[0].Name)
	e, err := s2.Append(ctx, confirm("p", "DE89370400440532013000", "Jean Dupont", "y", base))
	require.NoError(t, err)
	assert.Equal(t, int64(2), e.Seq)
}

func testAppendAll(t *testing.T, h Harness) {
	ctx := context.Background()
	s := h.Open(t)
	ba, ok := s.(payee.BatchAppender)
	if !ok {
		t.Skip("the store has no AppendAll method")
	}
	_, err := s.Append(ctx, confirm("a", "FR7630006000011234567890189", "A", "x", base))
	require.NoError(t, err)
	got, err := ba.AppendAll(ctx, []payee.Event{
		confirm("a", "DE89370400440532013000", "A", "x", base.Add(time.Second)),
		confirm("b", "DE89370400440532013000", "B", "x", base),
		{Payee: "a", Kind: payee.Revoked, IBAN: "DE89370400440532013000", By: "y", At: base},
	})
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.Equal(t, []int64{2, 1, 3}, []int64{got[0].Seq, got[1].Seq, got[2].Seq})
	assert.Equal(t, got[0].At, got[2].At, "time order within a batch too")
	ev, err := s.Events(ctx, "a")
	require.NoError(t, err)
	assert.Equal(t, got[2], ev[2])

	// All or none.
	_, err = ba.AppendAll(ctx, []payee.Event{
		confirm("c", "DE89370400440532013000", "C", "x", base),
		confirm("c", "DE89370400440532013000", "", "x", base),
	})
	require.Error(t, err)
	ev, err = s.Events(ctx, "c")
	require.NoError(t, err)
	assert.Empty(t, ev, "a failed batch leaves no trace")
}

// testCheckNeverRecords pays unknown and changed IBANs through a Book on the store: the
// history must not move, or a fraudster's IBAN would become "unchanged" once paid.
func testCheckNeverRecords(t *testing.T, h Harness) {
	ctx := context.Background()
	s := h.Open(t)
	book := payee.NewBook(s)
	_, err := book.Confirm(ctx, "known", ibans[0], "Known SARL", "x")
	require.NoError(t, err)
	for range 3 {
		for _, p := range []ibancheck.Payment{
			{PayeeID: "known", IBAN: ibans[1], Name: "Known"},
			{PayeeID: "unknown", IBAN: ibans[2], Name: "Someone"},
		} {
			r, err := book.Check(ctx, p)
			require.NoError(t, err)
			assert.False(t, r.Has(reflex.IBANUnchanged), "%s became unchanged by being checked", p.PayeeID)
		}
	}
	ev, err := s.Events(ctx, "known")
	require.NoError(t, err)
	assert.Len(t, ev, 1)
	ev, err = s.Events(ctx, "unknown")
	require.NoError(t, err)
	assert.Empty(t, ev)
}
