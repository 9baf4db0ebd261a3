package pgstore

import (
	"fmt"
	"time"

	"github.com/trustreflex/trustreflex/ibancheck/payee/internal/sqlstore"
)

// migrationLock is the key of the advisory lock held while migrating, so that app
// instances starting together migrate one after the other ("trustreflex" in ASCII).
const migrationLock = 0x7472757374726566

var dialect = sqlstore.Dialect{
	Name:        "postgres",
	Lock:        fmt.Sprintf(`SELECT pg_advisory_xact_lock(%d)`, migrationLock),
	SchemaTable: `CREATE TABLE IF NOT EXISTS trustreflex_schema (component text PRIMARY KEY, version integer NOT NULL)`,
	GetVersion:  `SELECT version FROM trustreflex_schema WHERE component = $1`,
	SetVersion: `INSERT INTO trustreflex_schema (component, version) VALUES ($1, $2)
		ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version`,
	Migrations: [][]string{
		{ // 1: payees and their append-only history
			`CREATE TABLE payee (
				id       text PRIMARY KEY,
				last_seq bigint NOT NULL,
				last_at  timestamptz NOT NULL
			)`,
			`CREATE TABLE payee_event (
				payee   text NOT NULL REFERENCES payee (id),
				seq     bigint NOT NULL,
				kind    text NOT NULL CHECK (kind IN ('confirm', 'revoke')),
				iban    text NOT NULL,
				name    text NOT NULL,
				by_whom text NOT NULL,
				at      timestamptz NOT NULL,
				PRIMARY KEY (payee, seq)
			)`,
			`CREATE FUNCTION payee_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN RAISE EXCEPTION 'the payee history is append-only'; END $$`,
			`CREATE TRIGGER payee_event_no_change BEFORE UPDATE OR DELETE ON payee_event
				FOR EACH ROW EXECUTE FUNCTION payee_event_append_only()`,
			`CREATE TRIGGER payee_event_no_truncate BEFORE TRUNCATE ON payee_event
				FOR EACH STATEMENT EXECUTE FUNCTION payee_event_append_only()`,
		},
	},
	SelectEvents: `SELECT seq, kind, iban, name, by_whom, at FROM payee_event WHERE payee = $1 ORDER BY seq`,
	// The upsert locks the payee's row until commit: concurrent appends to one payee,
	// from any connection, wait for each other and each sees the previous one's seq.
	Bump: `INSERT INTO payee (id, last_seq, last_at) VALUES ($1, 1, $2)
		ON CONFLICT (id) DO UPDATE SET last_seq = payee.last_seq + 1, last_at = GREATEST(payee.last_at, EXCLUDED.last_at)
		RETURNING last_seq, last_at`,
	InsertEvent: `INSERT INTO payee_event (payee, seq, kind, iban, name, by_whom, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
	EncodeTime:  func(t time.Time) any { return t },
	DecodeTime: func(v any) (time.Time, error) {
		t, ok := v.(time.Time)
		if !ok {
			return time.Time{}, fmt.Errorf("event time: want a timestamp, got %T", v)
		}
		return t.UTC(), nil
	},
}
