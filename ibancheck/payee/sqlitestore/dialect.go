package sqlitestore

import (
	"fmt"
	"time"

	"github.com/trustreflex/trustreflex/ibancheck/payee/internal/sqlstore"
)

// dialect is the SQL of the SQLite store. Times are integer microseconds since the Unix
// epoch (UTC), so that MAX() orders them and they round-trip exactly.
var dialect = sqlstore.Dialect{
	Name:        "sqlite",
	SchemaTable: `CREATE TABLE IF NOT EXISTS trustreflex_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL)`,
	GetVersion:  `SELECT version FROM trustreflex_schema WHERE component = ?1`,
	SetVersion: `INSERT INTO trustreflex_schema (component, version) VALUES (?1, ?2)
		ON CONFLICT (component) DO UPDATE SET version = excluded.version`,
	Migrations: [][]string{
		{ // 1: payees and their append-only history
			`CREATE TABLE payee (
				id       TEXT PRIMARY KEY,
				last_seq INTEGER NOT NULL,
				last_at  INTEGER NOT NULL
			)`,
			`CREATE TABLE payee_event (
				payee   TEXT NOT NULL REFERENCES payee (id),
				seq     INTEGER NOT NULL,
				kind    TEXT NOT NULL CHECK (kind IN ('confirm', 'revoke')),
				iban    TEXT NOT NULL,
				name    TEXT NOT NULL,
				by_whom TEXT NOT NULL,
				at      INTEGER NOT NULL,
				PRIMARY KEY (payee, seq)
			) WITHOUT ROWID`,
			`CREATE TRIGGER payee_event_no_update BEFORE UPDATE ON payee_event
				BEGIN SELECT RAISE(ABORT, 'the payee history is append-only'); END`,
			`CREATE TRIGGER payee_event_no_delete BEFORE DELETE ON payee_event
				BEGIN SELECT RAISE(ABORT, 'the payee history is append-only'); END`,
		},
	},
	SelectEvents: `SELECT seq, kind, iban, name, by_whom, at FROM payee_event WHERE payee = ?1 ORDER BY seq`,
	Bump: `INSERT INTO payee (id, last_seq, last_at) VALUES (?1, 1, ?2)
		ON CONFLICT (id) DO UPDATE SET last_seq = last_seq + 1, last_at = MAX(last_at, excluded.last_at)
		RETURNING last_seq, last_at`,
	InsertEvent: `INSERT INTO payee_event (payee, seq, kind, iban, name, by_whom, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
	EncodeTime:  func(t time.Time) any { return t.UnixMicro() },
	DecodeTime: func(v any) (time.Time, error) {
		us, ok := v.(int64)
		if !ok {
			return time.Time{}, fmt.Errorf("event time: want an integer, got %T", v)
		}
		return time.UnixMicro(us).UTC(), nil
	},
	MapError:  mapError,
	IsNoTable: isNoTable,
}
