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

// Recover rebuilds a lost or damaged index; on a vault that opens normally it is [Open]. It
// opens the vault key from the keys file ([KeysFile]) with identity, keeps the operation log
// up to its last intact record, reads every document file (each names its vault, id, name and
// version in its encrypted header) and commits a new index holding the latest version of each
// name, logged as "recover". The old index, if any, is kept as index.damaged-<unix time>; a
// damaged log is kept as log.damaged-<unix time> and its intact prefix continues. Files that
// do not decrypt as documents of this vault, and older versions, stay in place as orphans
// ([Vault.Verify] lists them). Recovered recipients are labelled "recovered-N" (labels live in
// the lost manifest); documents' dates are their file times. What the lost index alone knew
// cannot come back: a document deleted while its file survived (a crash before cleanup)
// reappears, and [Vault.Log] shows every record before the recover as committed, including
// attempts that had crashed.
func Recover(dir string, identity age.Identity, opts ...Option) (*Vault, error) {
	v := &Vault{dir: dir, cfg: newConfig(opts)}
	f, err := os.Open(filepath.Join(dir, KeysFile))
	if err != nil {
		return nil, &DamageError{Name: KeysFile, Reason: ReasonMissing, Err: err}
	}
	keys, err := vaultfmt.ParseIndex(f)
	f.Close()
	if err != nil {
		return nil, &DamageError{Name: KeysFile, Reason: ReasonFormat, Err: err}
	}
	if keys.Format != vaultfmt.Format || keys.DocAlg != vaultfmt.DocAgeV1 || keys.Pad != vaultfmt.PadPadme {
		return nil, fmt.Errorf("%w: format %d, doc %s, padding %s", ErrUnsupported, keys.Format, keys.DocAlg, keys.Pad)
	}
	if err := v.takeLock(); err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			v.lock.Close()
		}
	}()
	if f, err := os.Open(filepath.Join(dir, IndexFile)); err == nil {
		err := v.load(f, identity)
		f.Close()
		if err == nil { // nothing to recover
			removeTemps(dir)
			v.healKeys()
			ok = true
			return v, nil
		}
	}
	if v.key, err = unwrapSlots(keys, identity); err != nil {
		return nil, err
	}
	removeTemps(dir)
	stamp := fmt.Sprintf(".damaged-%d", time.Now().Unix())
	m := &vaultfmt.Manifest{Format: vaultfmt.Format, Vault: keys.Vault, KeyAlg: keys.KeyAlg, DocAlg: keys.DocAlg,
		Pad: keys.Pad, Created: v.now()}
	if err := v.recoverLog(m, stamp); err != nil {
		return nil, err
	}
	for i, s := range keys.Slots {
		m.Slots = append(m.Slots, vaultfmt.SlotInfo{ID: s.ID, Label: fmt.Sprintf("recovered-%d", i+1), Kind: stanzaKind(s.Data)})
	}
	if m.Docs, err = v.recoverDocs(keys.Vault); err != nil {
		return nil, err
	}
	if v.cfg.statePath != "" {
		// Never step behind what this machine saw, or the next Open would call it a rollback.
		st, err := v.readState()
		if err != nil {
			return nil, err
		}
		m.Gen = max(m.Gen, st[keys.Vault])
	}
	keys.Manifest = nil
	v.ix, v.m = keys, m
	if _, err := os.Stat(filepath.Join(dir, IndexFile)); err == nil {
		if err := os.Rename(filepath.Join(dir, IndexFile), filepath.Join(dir, IndexFile+stamp)); err != nil {
			return nil, err
		}
	}
	next := *m
	if err := v.commit(&vaultfmt.Record{Op: "recover"}, &next, keys.Slots); err != nil {
		return nil, err
	}
	ok = true
	return v, nil
}

// recoverLog keeps the longest intact prefix of the log (decrypts, numbered, chained) and
// sets m's generation and log head from it. If anything follows that prefix, the log is
// set aside and a new one holding the prefix takes its place.
func (v *Vault) recoverLog(m *vaultfmt.Manifest, stamp string) error {
	path := filepath.Join(v.dir, LogFile)
	frames, end, err := v.readFrames()
	var de *DamageError
	if errors.As(err, &de) && de.Reason == ReasonMissing {
		frames, end = nil, 0
	} else if err != nil {
		frames, end = nil, -1 // unreadable: set aside, start again
	}
	prev, n := "", 0
	for _, fr := range frames {
		rec, err := v.openRecord(fr)
		if err != nil || rec.Seq != uint64(n)+1 || rec.Prev != prev || rec.Gen < m.Gen {
			break
		}
		if n == 0 {
			m.Created = rec.Time
		}
		m.Gen, prev, n = rec.Gen, vaultfmt.Hash(fr), n+1
	}
	fi, statErr := os.Stat(path)
	whole := statErr == nil && n == len(frames) && end == fi.Size()
	if !whole {
		if statErr == nil {
			if err := os.Rename(path, path+stamp); err != nil {
				return err
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
			return err
		}
		end = int64(len(vaultfmt.Magic))
		for _, fr := range frames[:n] {
			end += 4 + int64(len(fr))
		}
	}
	v.log = logTail{count: uint64(n), head: prev, end: end}
	m.LogCount, m.LogHead = uint64(n), prev
	return nil
}

// recoverDocs reads every document file and keeps, per name, the highest version.
func (v *Vault) recoverDocs(vault string) ([]vaultfmt.Doc, error) {
	entries, err := os.ReadDir(filepath.Join(v.dir, docsDir))
	if err != nil {
		return nil, err
	}
	best := map[string]vaultfmt.Doc{}
	for _, e := range entries {
		if !vaultfmt.IsID(e.Name()) {
			continue
		}
		d, err := v.recoverDoc(vault, e)
		if err != nil {
			continue // not a document of this vault, or damaged: left as an orphan
		}
		if cur, ok := best[d.Name]; !ok || d.Version > cur.Version {
			best[d.Name] = d
		}
	}
	docs := make([]vaultfmt.Doc, 0, len(best))
	for _, name := range slices.Sorted(maps.Keys(best)) {
		docs = append(docs, best[name])
	}
	return docs, nil
}

// recoverDoc decrypts one document file whole and finds its content size: the trailer is the
// last "TRDOCEND"+size before the zero padding whose size matches its own position.
func (v *Vault) recoverDoc(vault string, e os.DirEntry) (vaultfmt.Doc, error) {
	info, err := e.Info()
	if err != nil {
		return vaultfmt.Doc{}, err
	}
	f, err := os.Open(filepath.Join(v.dir, docsDir, e.Name()))
	if err != nil {
		return vaultfmt.Doc{}, err
	}
	defer f.Close()
	r, err := ageOpen(f, v.key.id)
	if err != nil {
		return vaultfmt.Doc{}, err
	}
	h, hdrLen, err := vaultfmt.ReadDocHeader(r)
	if err != nil {
		return vaultfmt.Doc{}, err
	}
	if h.Vault != vault || h.ID != e.Name() {
		return vaultfmt.Doc{}, errors.New("document of another vault or file")
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
			return vaultfmt.Doc{}, err
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
	return vaultfmt.Doc{}, errors.New("no trailer")
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
