package pgstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
)

// BenchmarkBookCheckPostgres is Book.Check on a PostgreSQL book of 10 000 payees over
// a local TCP connection: one indexed query per check, so the figure is mostly the
// round trip. (The 100 000-payee benchmark of the issue is in sqlitestore.)
func BenchmarkBookCheckPostgres(b *testing.B) {
	ctx := context.Background()
	s := open(b, freshSchema(b))
	ibans := []string{"FR7630006000011234567890189", "DE89370400440532013000", "BE68539007547034"}
	at := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	const payees = 10_000
	events := make([]payee.Event, 0, payees)
	for i := range payees {
		events = append(events, payee.Event{Payee: fmt.Sprintf("supplier-%05d", i), Kind: payee.Confirmed,
			IBAN: ibans[i%len(ibans)], Name: fmt.Sprintf("Fournisseur %05d", i), By: "import", At: at})
	}
	if _, err := s.AppendAll(ctx, events); err != nil {
		b.Fatal(err)
	}
	book := payee.NewBook(s)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		n := (i * 7919) % payees
		p := ibancheck.Payment{PayeeID: fmt.Sprintf("supplier-%05d", n), IBAN: ibans[(n+i%2)%len(ibans)], Name: fmt.Sprintf("Fournisseur %05d", n)}
		if _, err := book.Check(ctx, p); err != nil {
			b.Fatal(err)
		}
	}
}
