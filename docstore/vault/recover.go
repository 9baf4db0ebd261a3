package vault

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"filippo.io/age"

	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
	"github.com/trustreflex/trustreflex/internal/regularfile"
)

// The keys file (KeysFile) is a second copy of the key slots (the index header with no
// manifest), so that losing the index does not lose the vault key: Recover rebuilds the
// index from it, the documents and the log.

// writeKeys rewrites the keys file with slots. Recipient changes write it before their index
// commit, so that a removed slot is gone from both files as soon as the removal commits.
func (v *Vault) writeKeys(slots []vaultfmt.Slot) error {
	keys := *v.ix
	keys.Slots, keys.Manifest = slots, nil
	_, err := v.writeAtomic(v.dir, KeysFile, "keys", func(w io.Writer) error { return vaultfmt.WriteIndex(w, &keys) })
	return err
}

// healKeys rewrites the keys file when it is missing or out of date (a crash between an index
// commit and the keys update, a vault made before the file existed). Best effort: the index is
// the reference.
func (v *Vault) healKeys() {
	f, err := os.Open(filepath.Join(v.dir, KeysFile))
	if err == nil {
		keys, err := vaultfmt.ParseIndex(f)
		f.Close()
		if err == nil && keys.Vault == v.ix.Vault && slices.EqualFunc(keys.Slots, v.ix.Slots, func(a, b vaultfmt.Slot) bool {
			return a.ID == b.ID && bytes.Equal(a.Data, b.Data)
		}) {
			return
		}
	}
	v.writeKeys(v.ix.Slots)
}

// RecoverReport says what [Recover] rebuilt, and what it could not.
type RecoverReport struct {
	// Rebuilt is false when the index was intact: Recover then only opened the vault.
	Rebuilt bool
	// Restored counts the documents restored at the version the log names as current.
	Restored int
	// Lost lists the documents the log names whose current version could not be read
	// (its file is missing or damaged). An older version is never put in its place. When
	// the log is whole they stay in the index, so that Get and Verify report them as
	// damaged until they are deleted or stored again; when the log was cut they are only
	// reported (a lost record may have deleted them).
	Lost []LostDocument
	// Unlogged lists the documents restored from files the log does not vouch for. This
	// happens only when the log was cut (LogCut): such a file is newer than anything the
	// intact log knows of its name, but a lost record may have replaced or deleted it.
	Unlogged []Info
	// LogCut is true when records of the log were lost: its damaged end was set aside
	// (log.damaged-<time>), or the state file ([WithStateFile]) saw generations that the
	// log lacks (MissingGenerations of them: the whole directory may be an old copy).
	LogCut             bool
	MissingGenerations uint64
}

// LostDocument is a document whose current version [Recover] could not restore.
type LostDocument struct {
	Name    string
	Version uint64 // the version the log names as current
	Reason  Reason // ReasonMissing, or why its file is unreadable
}

// OK reports whether everything the log names was restored and nothing is in doubt.
func (r *RecoverReport) OK() bool {
	return len(r.Lost) == 0 && len(r.Unlogged) == 0 && !r.LogCut
}

// Recover rebuilds a lost or damaged index; on a vault that opens normally it is [Open]
// (the report's Rebuilt is false). It opens the vault key from the keys file ([KeysFile])
// with identity, keeps the operation log up to its last intact record, and replays it: the
// log, authenticated and hash-chained, says which version of each name is current and
// which names were deleted. Each current version is read from its file, which must be
// bound to that name and version; the new index is committed, logged as "recover".
//
// Files are never trusted over the log: an older version left on disk (or put back) never
// comes back as current, a deleted document does not reappear, and a current version
// whose file is missing or damaged is reported in [RecoverReport.Lost]. A put whose record
// is the last of the log and whose file is missing is taken as never committed (a crash
// or an error before its commit). Only when the log was cut are documents restored from
// files it does not name, and reported as such.
//
// The old index, if any, is kept as index.damaged-<unix time>; a damaged log as
// log.damaged-<unix time>, its intact prefix going on. Files that are not current stay in
// place ([Vault.Verify] counts them, [Vault.Purge] removes them). Recovered recipients are
// labelled "recovered-N" (labels lived in the lost manifest).
func Recover(dir string, identity age.Identity, opts ...Option) (*Vault, *RecoverReport, error) {
	v := &Vault{dir: dir, cfg: newConfig(opts)}
	if found, err := Exists(dir); err != nil {
		return nil, nil, err
	} else if !found {
		return nil, nil, occurrence(ErrNotVault, "dir", dir)
	}
	if err := v.step("lock"); err != nil {
		return nil, nil, err
	}
	if err := v.takeLock(); err != nil {
		return nil, nil, err
	}
	ok := false
	defer func() {
		if !ok {
			v.lock.Close()
		}
	}()
	f, err := regularfile.Open(filepath.Join(dir, KeysFile))
	if err != nil {
		return nil, nil, &DamageError{Name: KeysFile, Reason: ReasonMissing, Err: err}
	}
	keys, err := vaultfmt.ParseIndex(f)
	f.Close()
	if err != nil {
		return nil, nil, &DamageError{Name: KeysFile, Reason: ReasonFormat, Err: err}
	}
	if keys.Format != vaultfmt.Format || keys.DocAlg != vaultfmt.DocAgeV1 || keys.Pad != vaultfmt.PadPadme {
		return nil, nil, fmt.Errorf("%w: format %d, doc %s, padding %s", ErrUnsupported, keys.Format, keys.DocAlg, keys.Pad)
	}
	if err := v.loadIndex(identity); err == nil { // nothing to recover
		removeTemps(dir)
		v.healKeys()
		ok = true
		return v, &RecoverReport{}, nil
	}
	if v.key, err = unwrapSlots(keys, identity); err != nil {
		return nil, nil, err
	}
	removeTemps(dir)
	stamp := fmt.Sprintf(".damaged-%d", time.Now().Unix())
	m := &vaultfmt.Manifest{Format: vaultfmt.Format, Vault: keys.Vault, KeyAlg: keys.KeyAlg, DocAlg: keys.DocAlg,
		Pad: keys.Pad, Created: v.now()}
	rep := &RecoverReport{Rebuilt: true}
	recs, err := v.recoverLog(m, stamp, rep)
	if err != nil {
		return nil, nil, err
	}
	for i, s := range keys.Slots {
		m.Slots = append(m.Slots, vaultfmt.SlotInfo{ID: s.ID, Label: fmt.Sprintf("recovered-%d", i+1), Kind: stanzaKind(s.Data)})
	}
	var seen uint64
	if v.cfg.statePath != "" {
		// Never step behind what this machine saw, or the next Open would call it a rollback.
		st, err := v.readState()
		if err != nil {
			return nil, nil, err
		}
		if seen = st[keys.Vault]; seen > m.Gen {
			rep.LogCut, rep.MissingGenerations = true, seen-m.Gen
			m.Gen = seen
		}
	}
	keys.Manifest = nil
	v.ix, v.m = keys, m
	restores, err := v.replay(recs, seen, rep)
	if err != nil {
		return nil, nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, IndexFile)); err == nil {
		if err := os.Rename(filepath.Join(dir, IndexFile), filepath.Join(dir, IndexFile+stamp)); err != nil {
			return nil, nil, err
		}
	}
	// Documents taken from files the log does not name are logged, so that a later
	// Recover replays them too; then the recover record commits the whole.
	for _, d := range restores {
		tail, err := v.appendLog(&vaultfmt.Record{Op: "restore", Gen: v.m.Gen + 1, Time: v.now(), Name: d.Name, ID: d.ID, Version: d.Version})
		if err != nil {
			return nil, nil, fmt.Errorf("vault: log: %w", err)
		}
		v.log = tail
		v.m.Gen++
	}
	next := *v.m
	if err := v.commit(&vaultfmt.Record{Op: "recover"}, &next, keys.Slots); err != nil {
		return nil, nil, err
	}
	ok = true
	return v, rep, nil
}

// replay rebuilds v.m.Docs from the intact log records and the document files, filling
// rep. It returns the documents restored from files the log does not name (only when the
// log was cut), which the caller logs. v.m.Gen is the last logged generation on entry;
// replay lowers it by one when the last record is a put that never committed (seen, the
// generation the state file saw, is below it), so that the recover record takes its
// generation and Log shows that put as interrupted.
func (v *Vault) replay(recs []*vaultfmt.Record, seen uint64, rep *RecoverReport) ([]vaultfmt.Doc, error) {
	type current struct {
		id, name         string
		version          uint64
		created, changed time.Time
	}
	live := map[string]*current{}
	for i, rec := range recs {
		if i+1 < len(recs) && recs[i+1].Gen == rec.Gen {
			continue // an attempt that failed before its commit, retried under the same generation
		}
		switch rec.Op {
		case "put", "restore":
			if i == len(recs)-1 && rec.Op == "put" && !v.docFileExists(rec.ID) && seen < rec.Gen {
				// The last record, its file gone: the put failed or crashed before its
				// commit and removed (or never renamed) its file.
				v.m.Gen--
				continue
			}
			c := live[rec.Name]
			if c == nil {
				c = &current{name: rec.Name, created: rec.Time}
				live[rec.Name] = c
			}
			c.id, c.version, c.changed = rec.ID, rec.Version, rec.Time
		case "delete":
			delete(live, rec.Name)
		}
	}
	files, err := v.scanDocs()
	if err != nil {
		return nil, err
	}
	var docs []vaultfmt.Doc
	for _, name := range slices.Sorted(maps.Keys(live)) {
		c := live[name]
		found, ok := files[c.id]
		switch {
		case ok && found.err == nil && found.doc.Name == c.name && found.doc.Version == c.version:
			d := found.doc
			d.Created, d.Modified = c.created, c.changed
			docs = append(docs, d)
			rep.Restored++
			continue
		case !ok:
			rep.Lost = append(rep.Lost, LostDocument{Name: c.name, Version: c.version, Reason: ReasonMissing})
		default:
			rep.Lost = append(rep.Lost, LostDocument{Name: c.name, Version: c.version, Reason: found.reason()})
		}
		if !rep.LogCut {
			// Kept, without a readable file: Get and Verify report it as damaged.
			docs = append(docs, vaultfmt.Doc{ID: c.id, Name: c.name, Version: c.version, Created: c.created, Modified: c.changed})
		}
	}
	var restores []vaultfmt.Doc
	if rep.LogCut {
		// Files the log does not name: a record that named them may be in the lost part.
		// Take, per name, the highest version above what the intact log knows.
		best := map[string]vaultfmt.Doc{}
		for _, f := range files {
			if f.err != nil {
				continue
			}
			d := f.doc
			if c := live[d.Name]; c != nil && d.Version <= c.version {
				continue
			}
			if b, ok := best[d.Name]; !ok || d.Version > b.Version {
				best[d.Name] = d
			}
		}
		for _, name := range slices.Sorted(maps.Keys(best)) {
			d := best[name]
			docs = slices.DeleteFunc(docs, func(x vaultfmt.Doc) bool { return x.Name == name })
			rep.Lost = slices.DeleteFunc(rep.Lost, func(l LostDocument) bool { return l.Name == name })
			docs = append(docs, d)
			restores = append(restores, d)
			rep.Unlogged = append(rep.Unlogged, infoOf(&d))
		}
	}
	slices.SortFunc(docs, func(a, b vaultfmt.Doc) int { return strings.Compare(a.Name, b.Name) })
	v.m.Docs = docs
	return restores, nil
}

func (v *Vault) docFileExists(id string) bool {
	fi, err := os.Stat(filepath.Join(v.dir, docsDir, id))
	return err == nil && fi.Mode().IsRegular()
}

// scannedFile is a document file read whole by scanDocs, or why it could not be.
type scannedFile struct {
	doc vaultfmt.Doc
	err error
}

func (f scannedFile) reason() Reason {
	var de *DamageError
	if errors.As(f.err, &de) {
		return de.Reason
	}
	return ReasonAuth
}

// scanDocs reads every file of d/ named by an id, whole.
func (v *Vault) scanDocs() (map[string]scannedFile, error) {
	entries, err := os.ReadDir(filepath.Join(v.dir, docsDir))
	if err != nil {
		return nil, err
	}
	out := map[string]scannedFile{}
	for _, e := range entries {
		if !vaultfmt.IsID(e.Name()) {
			continue
		}
		d, err := v.recoverDoc(v.ix.Vault, e)
		out[e.Name()] = scannedFile{doc: d, err: err}
	}
	return out, nil
}

// recoverLog keeps the longest intact prefix of the log (decrypts, numbered, chained) and
// sets m's generation and log head from it. If anything follows that prefix, the log is
// set aside and a new one holding the prefix takes its place.
func (v *Vault) recoverLog(m *vaultfmt.Manifest, stamp string, rep *RecoverReport) ([]*vaultfmt.Record, error) {
	path := filepath.Join(v.dir, LogFile)
	frames, end, err := v.readFrames()
	var de *DamageError
	if errors.As(err, &de) && de.Reason == ReasonMissing {
		frames, end = nil, 0
	} else if err != nil {
		frames, end = nil, -1 // unreadable: set aside, start again
	}
	prev, n := "", 0
	var recs []*vaultfmt.Record
	for _, fr := range frames {
		rec, err := v.openRecord(fr)
		if err != nil || rec.Seq != uint64(n)+1 || rec.Prev != prev || rec.Gen < m.Gen {
			break
		}
		if n == 0 {
			m.Created = rec.Time
		}
		m.Gen, prev, n = rec.Gen, vaultfmt.Hash(fr), n+1
		recs = append(recs, rec)
	}
	fi, statErr := os.Stat(path)
	whole := statErr == nil && n == len(frames) && end == fi.Size()
	if !whole {
		// A torn last frame (a crash during an append) is no loss: it never committed.
		rep.LogCut = end < 0 || n < len(frames)
		if statErr == nil {
			if err := os.Rename(path, path+stamp); err != nil {
				return nil, err
			}
		}
		_, err := v.writeAtomic(v.dir, LogFile, "log", func(w io.Writer) error {
			b := []byte(vaultfmt.Magic)
			for _, fr := range frames[:n] {
				b = vaultfmt.AppendFrame(b, fr)
			}
			_, err := w.Write(b)
			return err
		})
		if err != nil {
			return nil, err
		}
		end = int64(len(vaultfmt.Magic))
		for _, fr := range frames[:n] {
			end += 4 + int64(len(fr))
		}
	}
	v.log = logTail{count: uint64(n), head: prev, end: end}
	m.LogCount, m.LogHead = uint64(n), prev
	return recs, nil
}

// recoverDoc decrypts one document file whole and finds its content size: the trailer is the
// last "TRDOCEND"+size before the zero padding whose size matches its own position.
func (v *Vault) recoverDoc(vault string, e os.DirEntry) (vaultfmt.Doc, error) {
	info, err := e.Info()
	if err != nil {
		return vaultfmt.Doc{}, err
	}
	f, err := regularfile.Open(filepath.Join(v.dir, docsDir, e.Name()))
	if errors.Is(err, regularfile.ErrNotRegular) {
		return vaultfmt.Doc{}, &DamageError{Name: e.Name(), ID: e.Name(), Reason: ReasonFormat, Err: err}
	}
	if err != nil {
		return vaultfmt.Doc{}, err
	}
	defer f.Close()
	damaged := func(reason Reason, err error) error {
		return &DamageError{Name: e.Name(), ID: e.Name(), Reason: reason, Err: err}
	}
	r, err := ageOpen(f, v.key.id)
	if err != nil {
		return vaultfmt.Doc{}, damaged(ReasonAuth, err)
	}
	h, hdrLen, err := vaultfmt.ReadDocHeader(r)
	if err != nil {
		return vaultfmt.Doc{}, damaged(ReasonFormat, err)
	}
	if h.Vault != vault || h.ID != e.Name() {
		return vaultfmt.Doc{}, damaged(ReasonSwapped, errors.New("document of another vault or file"))
	}
	// Stream the rest, remembering the 32 bytes that end at the last non-zero byte: the
	// trailer's magic is non-zero, so the trailer ends within them.
	var pos, last int64 = 0, -1 // bytes after the header; offset of the last non-zero byte
	var win, tail []byte
	buf := make([]byte, docChunk)
	for {
		n, err := r.Read(buf)
		b := buf[:n]
		if j := lastNonZero(b); j >= 0 {
			w := append(slices.Clone(tail), b[:j+1]...)
			win = w[max(0, len(w)-32):]
			last = pos + int64(j)
		}
		tail = append(tail, b...)
		tail = tail[max(0, len(tail)-32):]
		pos += int64(n)
		if err == io.EOF {
			break
		}
		if err != nil {
			return vaultfmt.Doc{}, damaged(ReasonAuth, err)
		}
	}
	winStart := last + 1 - int64(len(win))
	// Everything after the last non-zero byte is zero: extend the window with those bytes.
	win = append(win, make([]byte, min(16, pos-last-1))...)
	for q := last - 15; q <= last-7; q++ {
		k := q - winStart
		if q < 0 || k < 0 || k+16 > int64(len(win)) {
			continue
		}
		t := win[k : k+16]
		if strings.HasPrefix(string(t), "TRDOCEND") && int64(binary.BigEndian.Uint64(t[8:])) == q {
			padded := hdrLen + pos
			if padded != vaultfmt.Padded(hdrLen+q+vaultfmt.TrailerSize) {
				break
			}
			mod := info.ModTime().UTC().Round(0)
			return vaultfmt.Doc{ID: h.ID, Name: h.Name, Version: h.Version, Size: q, Padded: padded,
				Meta: h.Meta, Created: mod, Modified: mod}, nil
		}
	}
	return vaultfmt.Doc{}, damaged(ReasonFormat, errors.New("no trailer"))
}

func lastNonZero(b []byte) int {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] != 0 {
			return i
		}
	}
	return -1
}

// stanzaKind reads the recipient type of a key slot from its age header.
func stanzaKind(slot []byte) string {
	_, rest, _ := bytes.Cut(slot, []byte("\n-> "))
	typ, _, _ := bytes.Cut(rest, []byte(" "))
	switch string(typ) {
	case "scrypt":
		return "scrypt"
	case "X25519":
		return vaultfmt.KeyX25519
	case "mlkem768x25519":
		return vaultfmt.KeyHybrid
	}
	return "other"
}
