package sqlitestore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/sqlitestore"
)

// benchPayees is the size of the book of BenchmarkBookCheckSQLite: the issue asks for
// Book.Check under 50 µs with 100 000 payees.
const benchPayees = 100_000

var benchIBANs = []string{
	"FR7630006000011234567890189", "DE89370400440532013000", "BE68539007547034",
	"FR7610107001011234567890129", "ES9121000418450200051332", "LT121000011101001000",
}

// benchEvents is a book of n payees: each has one confirmed IBAN, one in ten a
// previous one confirmed before.
func benchEvents(n int) []payee.Event {
	at := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var out []payee.Event
	for i := range n {
		p := fmt.Sprintf("supplier-%06d", i)
		if i%10 == 0 {
			out = append(out, payee.Event{Payee: p, Kind: payee.Confirmed, IBAN: benchIBANs[(i+1)%len(benchIBANs)], Name: "Fournisseur " + p, By: "import", At: at})
		}
		out = append(out, payee.Event{Payee: p, Kind: payee.Confirmed, IBAN: benchIBANs[i%len(benchIBANs)], Name: "Fournisseur " + p, By: "import", At: at})
	}
	return out
}

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

// benchBook builds the 100 000-payee file once per process, in one transaction.
func benchBook(b *testing.B) string {
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "sqlitestore-bench")
		if benchErr != nil {
			return
		}
		p := filepath.Join(benchDir, "payees.db")
		start := time.Now()
		s, err := sqlitestore.Open(context.Background(), p)
		if err != nil {
			benchErr = err
			return
		}
		defer s.Close()
		_, benchErr = s.AppendAll(context.Background(), benchEvents(benchPayees))
		fmt.Fprintf(os.Stderr, "sqlitestore bench: %d payees written in %v\n", benchPayees, time.Since(start).Round(time.Millisecond))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return filepath.Join(benchDir, "payees.db")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// payments cycles through known, changed and unknown payees.
func benchPayment(i int) ibancheck.Payment {
	n := (i * 7919) % (benchPayees + benchPayees/10) // some beyond the book: new payees
	return ibancheck.Payment{
		PayeeID: fmt.Sprintf("supplier-%06d", n),
		IBAN:    benchIBANs[(n+i%2)%len(benchIBANs)], // half unchanged, half changed
		Name:    "Fournisseur supplier-" + fmt.Sprintf("%06d", n),
	}
}

// BenchmarkBookCheckSQLite is Book.Check on a SQLite book of 100 000 payees, with a
// name to match. Target: under 50 µs/op.
func BenchmarkBookCheckSQLite(b *testing.B) {
	s, err := sqlitestore.Open(context.Background(), benchBook(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	benchCheck(b, payee.NewBook(s))
}

// BenchmarkBookCheckMemory is the baseline: the same checks on an in-memory book, so
// the difference is the cost of SQLite.
func BenchmarkBookCheckMemory(b *testing.B) {
	m := payee.NewMemoryStore()
	if _, err := m.AppendAll(context.Background(), benchEvents(benchPayees)); err != nil {
		b.Fatal(err)
	}
	benchCheck(b, payee.NewBook(m))
}

func benchCheck(b *testing.B, book *payee.Book) {
	ctx := context.Background()
	payments := make([]ibancheck.Payment, 1024)
	for i := range payments {
		payments[i] = benchPayment(i)
	}
	b.ReportAllocs()
	start := cpuTime()
	n := 0
	for i := 0; b.Loop(); i++ {
		if _, err := book.Check(ctx, payments[i%len(payments)]); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if used := cpuTime() - start; used > 0 {
		b.ReportMetric(float64(used.Nanoseconds())/float64(n), "cpu-ns/op")
	}
}
