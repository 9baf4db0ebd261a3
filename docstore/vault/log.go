package vault

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"filippo.io/age"

	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
	"github.com/trustreflex/trustreflex/internal/regularfile"
)

// LogEntry is one operation of the vault's log ([Vault.Log]).
type LogEntry struct {
	Seq     uint64    // 1-based position in the log
	Time    time.Time // when the operation was made (UTC)
	Op      string    // "create", "put", "delete", "set-recipient", "remove-recipient", "recover", "restore"
	Name    string    // document name, or recipient label
	Version uint64    // document version written by a put
	// Committed is false for an operation that was logged but whose index update never
	// happened (a crash or an error in between): it left no trace in the vault.
	Committed bool
}

// logTail is what a writer needs to know about the log: how many complete frames it holds,
// the hash of the last one (the chain head) and where it ends.
type logTail struct {
	count uint64
	head  string
	end   int64
}

// appendLog encrypts rec (numbered and chained after the current tail) and appends it to the
// log with an fsync. A torn frame left by a crash during an earlier append is cut first: it was
// never complete, so never part of any state.
func (v *Vault) appendLog(rec *vaultfmt.Record) (logTail, error) {
	rec.Seq, rec.Prev = v.log.count+1, v.log.head
	plain, err := vaultfmt.MarshalRecord(rec)
	if err != nil {
		return logTail{}, err
	}
	var sealed bytes.Buffer
	w, err := age.Encrypt(&sealed, v.key.rcpt)
	if err != nil {
		return logTail{}, err
	}
	w.Write(plain)
	if err := w.Close(); err != nil {
		return logTail{}, err
	}
	frame := vaultfmt.AppendFrame(nil, sealed.Bytes())
	f, err := regularfile.OpenFile(filepath.Join(v.dir, LogFile), os.O_WRONLY, 0)
	if err != nil {
		return logTail{}, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil {
		return logTail{}, err
	} else if st.Size() > v.log.end {
		if err := f.Truncate(v.log.end); err != nil {
			return logTail{}, err
		}
	}
	if _, err := f.WriteAt(frame, v.log.end); err != nil {
		return logTail{}, err
	}
	if err := f.Sync(); err != nil {
		return logTail{}, err
	}
	return logTail{count: rec.Seq, head: vaultfmt.Hash(sealed.Bytes()), end: v.log.end + int64(len(frame))}, nil
}

func (v *Vault) readFrames() ([][]byte, int64, error) {
	f, err := regularfile.Open(filepath.Join(v.dir, LogFile))
	if errors.Is(err, regularfile.ErrNotRegular) {
		return nil, 0, &DamageError{Name: LogFile, Reason: ReasonFormat, Err: err}
	}
	if err != nil {
		return nil, 0, &DamageError{Name: LogFile, Reason: ReasonMissing, Err: err}
	}
	defer f.Close()
	frames, end, err := vaultfmt.ReadFrames(f)
	if err != nil {
		return nil, 0, &DamageError{Name: LogFile, Reason: ReasonFormat, Err: err}
	}
	return frames, end, nil
}

func (v *Vault) openRecord(frame []byte) (*vaultfmt.Record, error) {
	r, err := ageOpen(bytes.NewReader(frame), v.key.id)
	if err != nil {
		return nil, &DamageError{Name: LogFile, Reason: ReasonAuth, Err: err}
	}
	b, err := io.ReadAll(io.LimitReader(r, vaultfmt.MaxRecord+1))
	if err != nil {
		return nil, &DamageError{Name: LogFile, Reason: ReasonAuth, Err: err}
	}
	rec, err := vaultfmt.ParseRecord(b)
	if err != nil {
		return nil, &DamageError{Name: LogFile, Reason: ReasonFormat, Err: err}
	}
	return rec, nil
}

// checkLogTail ties the log to the manifest at Open without decrypting the whole log: the
// frame the manifest names as head must be there, unchanged; frames after it may only be the
// records of operations that crashed before their commit (generation m.Gen+1). A later
// generation there means the index was rolled back behind the log.
func (v *Vault) checkLogTail() (logTail, error) {
	frames, end, err := v.readFrames()
	if err != nil {
		return logTail{}, err
	}
	n := uint64(len(frames))
	if v.m.LogCount > n {
		return logTail{}, &DamageError{Name: LogFile, Reason: ReasonTruncated,
			Err: fmt.Errorf("log has %d records, the index expects %d", n, v.m.LogCount)}
	}
	if v.m.LogCount > 0 && vaultfmt.Hash(frames[v.m.LogCount-1]) != v.m.LogHead {
		return logTail{}, &DamageError{Name: LogFile, Reason: ReasonSwapped, Err: errors.New("log head does not match the index")}
	}
	for i := v.m.LogCount; i < n; i++ {
		rec, err := v.openRecord(frames[i])
		if err != nil {
			return logTail{}, err
		}
		if rec.Gen > v.m.Gen+1 {
			return logTail{}, fmt.Errorf("%w: the log records generation %d, the index is at %d", ErrRollback, rec.Gen, v.m.Gen)
		}
		if rec.Seq != i+1 || rec.Gen != v.m.Gen+1 {
			return logTail{}, &DamageError{Name: LogFile, Reason: ReasonFormat, Err: fmt.Errorf("record %d out of order", i+1)}
		}
	}
	t := logTail{count: n, end: end}
	if n > 0 {
		t.head = vaultfmt.Hash(frames[n-1])
	}
	return t, nil
}

// Log decrypts and returns the whole operation log, oldest first, after checking its hash
// chain against the manifest. Any break is an error matching ErrDamaged.
func (v *Vault) Log(ctx context.Context) ([]LogEntry, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.use(); err != nil {
		return nil, err
	}
	recs, committed, err := v.records(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]LogEntry, len(recs))
	for i, rec := range recs {
		out[i] = LogEntry{Seq: rec.Seq, Time: rec.Time, Op: rec.Op, Name: rec.Name, Version: rec.Version, Committed: committed[i]}
	}
	return out, nil
}

// records decrypts the log and checks its chain against the manifest; committed[i] says
// whether recs[i] took effect. The caller holds v.mu.
func (v *Vault) records(ctx context.Context) (recs []*vaultfmt.Record, committed []bool, err error) {
	frames, _, err := v.readFrames()
	if err != nil {
		return nil, nil, err
	}
	if uint64(len(frames)) < v.log.count {
		return nil, nil, &DamageError{Name: LogFile, Reason: ReasonTruncated}
	}
	prev := ""
	var lastGen uint64
	for i, fr := range frames[:v.log.count] {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		rec, err := v.openRecord(fr)
		if err != nil {
			return nil, nil, err
		}
		if rec.Seq != uint64(i)+1 || rec.Prev != prev || rec.Gen < lastGen || rec.Gen > v.m.Gen+1 {
			return nil, nil, &DamageError{Name: LogFile, Reason: ReasonSwapped, Err: fmt.Errorf("hash chain broken at record %d", i+1)}
		}
		if i == int(v.m.LogCount)-1 && vaultfmt.Hash(fr) != v.m.LogHead {
			return nil, nil, &DamageError{Name: LogFile, Reason: ReasonSwapped, Err: errors.New("log head does not match the index")}
		}
		if n := len(recs); n > 0 && rec.Gen == lastGen {
			committed[n-1] = false // an attempt that crashed, retried under the same generation
		}
		prev, lastGen = vaultfmt.Hash(fr), rec.Gen
		recs = append(recs, rec)
		committed = append(committed, rec.Gen <= v.m.Gen)
	}
	return recs, committed, nil
}
