// Package pgtest gives tests the PostgreSQL server that .ci/postgres.sh starts: the
// payee book's stores, its opener and the programs that take a postgres:// --book
// use it.
package pgtest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// URL returns the server's URL (TRUSTREFLEX_POSTGRES_URL). Without one it skips t with
// how to start a server, except in CI (CI=true), where .ci/run starts one: there it
// fails t, so that the PostgreSQL tests cannot be skipped unnoticed.
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("TRUSTREFLEX_POSTGRES_URL")
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("TRUSTREFLEX_POSTGRES_URL is not set in CI: .ci/run must start PostgreSQL (.ci/postgres.sh)")
		}
		t.Skip("PostgreSQL tests skipped: set TRUSTREFLEX_POSTGRES_URL, e.g. `source .ci/postgres.sh && pg_start`")
	}
	return u
}

var schemas atomic.Int64

// FreshSchema creates an empty schema for one test and returns the server's URL with
// its search_path set to it, so that tests running at once (and test packages run in
// parallel) never see each other's tables. The schema is dropped at the end of t.
func FreshSchema(t testing.TB) string {
	t.Helper()
	base := URL(t)
	admin := Open(t, base)
	name := fmt.Sprintf("test_%d_%d_%d", os.Getpid(), time.Now().UnixNano(), schemas.Add(1))
	if _, err := admin.Exec("CREATE SCHEMA " + name); err != nil {
		t.Fatalf("pgtest: create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP SCHEMA " + name + " CASCADE"); err != nil {
			t.Errorf("pgtest: drop schema: %v", err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

// Open connects to the database at u for the test's own queries; it is closed at the
// end of t.
func Open(t testing.TB, u string) *sql.DB {
	t.Helper()
	cfg, err := pgx.ParseConfig(u)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	db := stdlib.OpenDB(*cfg)
	t.Cleanup(func() { db.Close() })
	return db
}
