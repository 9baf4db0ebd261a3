package vault

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
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
