// Package pgtest gives tests the PostgreSQL server that .ci/postgres.sh starts: the
// payee book's stores, its opener and the programs that take a postgres:// --book
// use it.
package pgtest

import (
	"os"
	"testing"
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
