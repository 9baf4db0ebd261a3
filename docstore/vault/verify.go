package vault

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
)

// VerifyReport is the result of [Vault.Verify].
type VerifyReport struct {
	Checked int            // documents read through
	Damaged []*DamageError // one per damaged document, in name order
	LogErr  error          // a broken log chain (matches ErrDamaged), or nil
	Orphans []string       // files in d/ no document refers to (left by an interrupted cleanup)
}

// OK reports whether every document and the log are intact.
func (r *VerifyReport) OK() bool { return len(r.Damaged) == 0 && r.LogErr == nil }

// Err summarises the report as one error matching ErrDamaged, or nil when OK.
func (r *VerifyReport) Err() error {
	if r.OK() {
		return nil
	}
	errs := make([]error, 0, len(r.Damaged)+1)
	for _, d := range r.Damaged {
		errs = append(errs, d)
	}
	if r.LogErr != nil {
		errs = append(errs, r.LogErr)
	}
	return errors.Join(errs...)
}

// Verify reads every document through to its authenticated end and checks the log chain. It
// reports damage in the [VerifyReport]; the error is only for what stopped the check itself
// (a cancelled ctx, an unreadable directory).
func (v *Vault) Verify(ctx context.Context) (*VerifyReport, error) {
	docs, err := v.List()
	if err != nil {
		return nil, err
	}
	rep := &VerifyReport{}
	for _, info := range docs {
		if err := v.VerifyDocument(ctx, info.Name); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			var de *DamageError
			if !errors.As(err, &de) {
				if errors.Is(err, ErrNotFound) {
					continue // deleted meanwhile
				}
				return nil, err
			}
			rep.Damaged = append(rep.Damaged, de)
		}
		rep.Checked++
	}
	if _, err := v.Log(ctx); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		rep.LogErr = err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	entries, err := os.ReadDir(filepath.Join(v.dir, docsDir))
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if _, d := v.docByID(e.Name()); d == nil && !strings.HasSuffix(e.Name(), tmpSuffix) {
			rep.Orphans = append(rep.Orphans, e.Name())
		}
	}
	return rep, nil
}

// VerifyDocument reads the document named name through to its authenticated end, without
// returning content: nil means a following [Vault.Get] will read it whole (barring a change on
// disk in between). The trustcheck CLI uses it so that a damaged document never prints
// partial content.
func (v *Vault) VerifyDocument(ctx context.Context, name string) error {
	r, err := v.Get(ctx, name)
	if err != nil {
		return err
	}
	defer r.Close()
	buf := make([]byte, docChunk)
	_, err = io.CopyBuffer(io.Discard, r, buf)
	return err
}

func (v *Vault) docByID(id string) (int, *vaultfmt.Doc) {
	for i := range v.m.Docs {
		if v.m.Docs[i].ID == id {
			return i, &v.m.Docs[i]
		}
	}
	return -1, nil
}

// OrphanKind says why a file of the document folder is an orphan ([Vault.Purge]).
type OrphanKind int

const (
	OrphanReplaced    OrphanKind = iota + 1 // an older version of a document, replaced by a later put
	OrphanDeleted                           // a document deleted since
	OrphanInterrupted                       // a put that never committed (a crash, an error), or its temp file
	OrphanUnknown                           // a file the log does not name: not from this vault, or written before its log record
)

var orphanKindNames = [...]string{
	OrphanReplaced:    "replaced",
	OrphanDeleted:     "deleted",
	OrphanInterrupted: "interrupted",
	OrphanUnknown:     "unknown",
}

// String returns "replaced", "deleted", "interrupted" or "unknown".
func (k OrphanKind) String() string {
	if k < OrphanReplaced || k > OrphanUnknown {
		return "orphan(" + strconv.Itoa(int(k)) + ")"
	}
	return orphanKindNames[k]
}

// Orphan is a file of the vault's document folder that no document refers to.
type Orphan struct {
	File    string // its name in the document folder
	Kind    OrphanKind
	Name    string // the document it held, when the log names it
	Version uint64 // its version, when the log names it
}

// Orphans lists the files of the document folder that no document refers to, with what
// the log says they held: ciphertext of replaced versions and of deleted documents whose
// removal was interrupted, files of puts that never committed, and files the log does not
// know. [Vault.Purge] removes them.
func (v *Vault) Orphans(ctx context.Context) ([]Orphan, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.use(); err != nil {
		return nil, err
	}
	return v.orphans(ctx)
}

// Purge removes the files that [Vault.Orphans] lists and returns them: the ciphertext of
// replaced and deleted documents does not stay on disk, nor what interrupted writes left.
// It never touches a file a document refers to (a damaged current version stays, for
// Verify to report). A failure stops it; the files already removed are returned.
func (v *Vault) Purge(ctx context.Context) ([]Orphan, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.use(); err != nil {
		return nil, err
	}
	orphans, err := v.orphans(ctx)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(v.dir, docsDir)
	for i, o := range orphans {
		if err := os.Remove(filepath.Join(dir, o.File)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fsyncDir(dir)
			return orphans[:i], err
		}
	}
	return orphans, fsyncDir(dir)
}

// orphans classifies the unreferenced files of d/ by the log; the caller holds v.mu.
func (v *Vault) orphans(ctx context.Context) ([]Orphan, error) {
	entries, err := os.ReadDir(filepath.Join(v.dir, docsDir))
	if err != nil {
		return nil, err
	}
	recs, committed, err := v.records(ctx)
	if err != nil {
		return nil, err
	}
	type written struct {
		rec       *vaultfmt.Record
		committed bool
		deleted   bool
	}
	byID := map[string]*written{}
	for i, rec := range recs {
		switch rec.Op {
		case "put", "restore":
			byID[rec.ID] = &written{rec: rec, committed: committed[i]}
		case "delete":
			if w := byID[rec.ID]; w != nil && committed[i] {
				w.deleted = true
			}
		}
	}
	var out []Orphan
	for _, e := range entries {
		id, temp := strings.CutSuffix(e.Name(), tmpSuffix)
		if _, d := v.docByID(id); d != nil && !temp {
			continue
		}
		o := Orphan{File: e.Name(), Kind: OrphanUnknown}
		w := byID[id]
		if w != nil {
			o.Name, o.Version = w.rec.Name, w.rec.Version
		}
		switch {
		case temp || w != nil && !w.committed:
			o.Kind = OrphanInterrupted
		case w == nil:
		case w.deleted:
			o.Kind = OrphanDeleted
		default:
			o.Kind = OrphanReplaced
		}
		out = append(out, o)
	}
	return out, nil
}
