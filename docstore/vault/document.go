package vault

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"time"

	"filippo.io/age"

	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
	"github.com/trustreflex/trustreflex/internal/regularfile"
)

// Meta is a document's metadata (content type, issuer, period...): encrypted like its name.
// At most 64 entries of 4 KiB.
type Meta map[string]string

// Info describes a stored document ([Vault.Stat], [Vault.List]).
type Info struct {
	Name     string
	Version  uint64 // 1 for the first Put, then +1 per Put of the same name
	Size     int64  // content bytes
	Stored   int64  // padded plaintext bytes in the vault (what the size on disk reveals)
	Meta     Meta
	Created  time.Time // first version
	Modified time.Time // this version
	ID       string    // opaque id of the file holding this version (diagnostics)
}

func infoOf(d *vaultfmt.Doc) Info {
	return Info{Name: d.Name, Version: d.Version, Size: d.Size, Stored: d.Padded, Meta: Meta(maps.Clone(d.Meta)),
		Created: d.Created, Modified: d.Modified, ID: d.ID}
}

// docChunk is the copy buffer size: age's STREAM chunk, so each write seals one chunk.
const docChunk = 64 << 10

var padZeros [docChunk]byte

// Put stores the content read from r under name, replacing any previous version (which is
// removed only after the new one is committed). Content is streamed: memory use does not grow
// with its size. The document is encrypted to the vault key, bound to (vault, id, name,
// version) and padded (see the package doc). Cancelling ctx stops the copy and leaves the
// vault as it was.
func (v *Vault) Put(ctx context.Context, name string, r io.Reader, meta Meta) (Info, error) {
	if !vaultfmt.ValidName(name) {
		return Info{}, fmt.Errorf("%w: %q", ErrInvalidName, name)
	}
	if err := vaultfmt.CheckMeta(meta); err != nil {
		return Info{}, fmt.Errorf("%w: metadata", ErrInvalidName)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.use(); err != nil {
		return Info{}, err
	}
	now := v.now()
	d := vaultfmt.Doc{ID: newID(), Name: name, Version: 1, Meta: maps.Clone(meta), Created: now, Modified: now}
	_, old := v.doc(name)
	if old != nil {
		d.Version, d.Created = old.Version+1, old.Created
	}
	if len(d.Meta) == 0 {
		d.Meta = nil
	}
	if err := v.writeDoc(ctx, &d, r); err != nil {
		return Info{}, err
	}
	final := filepath.Join(v.dir, docsDir, d.ID)
	next := *v.m
	next.Docs = slices.Clone(v.m.Docs)
	if i, _ := v.doc(name); i >= 0 {
		next.Docs[i] = d
	} else {
		next.Docs = append(next.Docs, d)
	}
	err := v.commit(&vaultfmt.Record{Op: "put", Name: name, ID: d.ID, Version: d.Version}, &next, v.ix.Slots)
	if v.m != &next {
		os.Remove(final) // never committed: the previous version stays current
		return Info{}, err
	}
	if old != nil {
		v.removeFile(old.ID)
	}
	return infoOf(&d), err
}

// writeDoc encrypts header, content, trailer and padding to d/<id>.tmp, then syncs and renames
// it to d/<id>. It fills d.Size and d.Padded.
func (v *Vault) writeDoc(ctx context.Context, d *vaultfmt.Doc, r io.Reader) (err error) {
	dir := filepath.Join(v.dir, docsDir)
	tmp := filepath.Join(dir, d.ID+tmpSuffix)
	f, err := regularfile.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	renamed := false
	defer func() {
		if !renamed {
			f.Close()
			os.Remove(tmp)
		}
	}()
	pw := newPipeWriter(f)
	defer pw.Close() // stops the goroutine on every path
	w, err := age.Encrypt(pw, v.key.rcpt)
	if err != nil {
		return err
	}
	hdr, err := vaultfmt.AppendDocHeader(make([]byte, 0, 256), &vaultfmt.DocHeader{
		Vault: v.m.Vault, ID: d.ID, Name: d.Name, Version: d.Version, Meta: d.Meta})
	if err != nil {
		return err
	}
	if _, err := w.Write(hdr); err != nil {
		return err
	}
	buf := make([]byte, docChunk)
	n, err := io.CopyBuffer(w, cancelReader{ctx, r}, buf)
	if err != nil {
		return err
	}
	t := vaultfmt.Trailer(n)
	if _, err := w.Write(t[:]); err != nil {
		return err
	}
	used := int64(len(hdr)) + n + vaultfmt.TrailerSize
	d.Size, d.Padded = n, vaultfmt.Padded(used)
	for pad := d.Padded - used; pad > 0; {
		k := min(pad, docChunk)
		if _, err := w.Write(padZeros[:k]); err != nil {
			return err
		}
		pad -= k
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := pw.Close(); err != nil {
		return err
	}
	if err := v.step("doc-written"); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := v.step("doc-synced"); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, d.ID)); err != nil {
		return err
	}
	renamed = true
	if err := v.step("doc-renamed"); err != nil {
		os.Remove(filepath.Join(dir, d.ID))
		return err
	}
	if err := fsyncDir(dir); err != nil {
		os.Remove(filepath.Join(dir, d.ID))
		return err
	}
	return nil
}

// pipeWriter hands the encrypted chunks to a goroutine that writes them to f (and starts
// their writeback every writebackStep bytes), so that on two cores encryption and file I/O
// overlap. It holds at most pipeDepth chunks.
type pipeWriter struct {
	f      *os.File
	ch     chan []byte
	free   chan []byte
	done   chan error
	failed atomic.Bool // a write failed: stop encrypting early (the error comes with Close)
	err    error
}

const (
	writebackStep = 4 << 20
	pipeDepth     = 4
)

func newPipeWriter(f *os.File) *pipeWriter {
	w := &pipeWriter{f: f, ch: make(chan []byte, pipeDepth), free: make(chan []byte, pipeDepth+1), done: make(chan error, 1)}
	for range pipeDepth + 1 {
		w.free <- make([]byte, 0, docChunk+16)
	}
	go w.run()
	return w
}

func (w *pipeWriter) run() {
	var off, started int64
	var err error
	for b := range w.ch {
		if err == nil {
			var n int
			n, err = w.f.Write(b)
			w.failed.Store(err != nil)
			off += int64(n)
			if off-started >= writebackStep {
				startWriteback(w.f, started, off-started)
				started = off
			}
		}
		w.free <- b[:0]
	}
	w.done <- err
}

func (w *pipeWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	if w.failed.Load() {
		return 0, w.Close()
	}
	for rest := p; len(rest) > 0; {
		b := <-w.free
		k := min(len(rest), cap(b))
		w.ch <- append(b, rest[:k]...)
		rest = rest[k:]
	}
	return len(p), nil
}

// Close waits for every chunk to be written and returns the first write error.
func (w *pipeWriter) Close() error {
	if w.ch == nil {
		return w.err
	}
	close(w.ch)
	w.ch = nil
	if w.err == nil {
		w.err = <-w.done
	}
	return w.err
}

// removeFile deletes a document file that the committed manifest no longer references. A
// failure leaves an orphan (reported by Verify), never a loss.
func (v *Vault) removeFile(id string) {
	if v.step("old-removed") != nil {
		return
	}
	dir := filepath.Join(v.dir, docsDir)
	if os.Remove(filepath.Join(dir, id)) == nil {
		fsyncDir(dir)
	}
}

// Get returns the content of the document named name. Before returning, it decrypts the first
// chunk and checks that the file is the one the manifest binds to name (same vault, id, name,
// version): a swapped or replayed file is an error, not content. Every byte the reader returns
// was authenticated by age; a file that is truncated, extended or whose size or padding does
// not match makes the final Read return an error matching ErrDamaged instead of io.EOF, so
// read to io.EOF before trusting the whole (or call [Vault.VerifyDocument] first, as the
// trustcheck CLI does). A name not in the vault gives [ErrNotFound].
func (v *Vault) Get(ctx context.Context, name string) (io.ReadCloser, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.use(); err != nil {
		return nil, err
	}
	_, d := v.doc(name)
	if d == nil {
		return nil, occurrence(ErrNotFound, "name", name)
	}
	return v.openDoc(ctx, *d)
}

func (v *Vault) openDoc(ctx context.Context, d vaultfmt.Doc) (*docReader, error) {
	damaged := func(reason Reason, err error) error {
		return &DamageError{Name: d.Name, ID: d.ID, Reason: reason, Err: err}
	}
	f, err := regularfile.Open(filepath.Join(v.dir, docsDir, d.ID))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, damaged(ReasonMissing, nil)
	}
	if errors.Is(err, regularfile.ErrNotRegular) {
		return nil, damaged(ReasonFormat, err)
	}
	if err != nil {
		return nil, err
	}
	ar, err := ageOpen(f, v.key.id)
	if err != nil {
		f.Close()
		return nil, damaged(ReasonAuth, err)
	}
	h, n, err := vaultfmt.ReadDocHeader(ar)
	if err != nil {
		f.Close()
		switch {
		case errors.Is(err, vaultfmt.ErrFormat):
			return nil, damaged(ReasonFormat, err)
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return nil, damaged(ReasonTruncated, err)
		}
		return nil, damaged(ReasonAuth, err)
	}
	if h.Vault != v.m.Vault || h.ID != d.ID || h.Name != d.Name || h.Version != d.Version || !maps.Equal(h.Meta, d.Meta) {
		f.Close()
		return nil, damaged(ReasonSwapped, fmt.Errorf("file holds version %d of another document", h.Version))
	}
	return &docReader{ctx: ctx, f: f, r: ar, d: d, left: d.Size, read: n}, nil
}

// docReader streams a document's content, then checks trailer, padding and the end of the
// age stream before reporting io.EOF.
type docReader struct {
	ctx  context.Context
	f    *os.File
	r    io.Reader
	d    vaultfmt.Doc
	left int64 // content bytes not yet returned
	read int64 // plaintext bytes consumed
	err  error // sticky final result
}

func (dr *docReader) Read(p []byte) (int, error) {
	if dr.err != nil {
		return 0, dr.err
	}
	if err := dr.ctx.Err(); err != nil {
		return 0, err
	}
	if dr.left == 0 {
		dr.err = dr.finish()
		return 0, dr.err
	}
	if int64(len(p)) > dr.left {
		p = p[:dr.left]
	}
	n, err := dr.r.Read(p)
	dr.left -= int64(n)
	dr.read += int64(n)
	if err == io.EOF {
		dr.err = dr.damaged(ReasonTruncated, errors.New("content ends early"))
		return n, dr.err
	}
	if err != nil {
		dr.err = dr.damaged(ReasonAuth, err)
		return n, dr.err
	}
	return n, nil
}

// finish reads what follows the content and returns io.EOF only if it is exactly the trailer,
// zero padding to the recorded size, and an authenticated end of stream.
func (dr *docReader) finish() error {
	var t [vaultfmt.TrailerSize]byte
	if _, err := io.ReadFull(dr.r, t[:]); err != nil {
		return dr.damaged(ReasonTruncated, err)
	}
	dr.read += vaultfmt.TrailerSize
	if !vaultfmt.CheckTrailer(t[:], dr.d.Size) {
		return dr.damaged(ReasonFormat, errors.New("trailer does not match the size"))
	}
	buf := make([]byte, 4096)
	for {
		n, err := dr.r.Read(buf)
		for _, c := range buf[:n] {
			if c != 0 {
				return dr.damaged(ReasonFormat, errors.New("padding is not zero"))
			}
		}
		dr.read += int64(n)
		if dr.read > dr.d.Padded {
			return dr.damaged(ReasonTruncated, errors.New("file is longer than recorded"))
		}
		if err == io.EOF {
			if dr.read != dr.d.Padded {
				return dr.damaged(ReasonTruncated, fmt.Errorf("%d bytes, want %d", dr.read, dr.d.Padded))
			}
			return io.EOF
		}
		if err != nil {
			return dr.damaged(ReasonAuth, err)
		}
	}
}

func (dr *docReader) damaged(reason Reason, err error) error {
	return &DamageError{Name: dr.d.Name, ID: dr.d.ID, Reason: reason, Err: err}
}

func (dr *docReader) Close() error { return dr.f.Close() }

// Stat describes the document named name.
func (v *Vault) Stat(name string) (Info, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.use(); err != nil {
		return Info{}, err
	}
	_, d := v.doc(name)
	if d == nil {
		return Info{}, occurrence(ErrNotFound, "name", name)
	}
	return infoOf(d), nil
}

// List describes every document, sorted by name.
func (v *Vault) List() ([]Info, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.use(); err != nil {
		return nil, err
	}
	out := make([]Info, 0, len(v.m.Docs))
	for i := range v.m.Docs {
		out = append(out, infoOf(&v.m.Docs[i]))
	}
	slices.SortFunc(out, func(a, b Info) int { return cmp.Compare(a.Name, b.Name) })
	return out, nil
}

// Delete removes the document named name: the manifest entry first (committed), then its file.
func (v *Vault) Delete(ctx context.Context, name string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.use(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	i, d := v.doc(name)
	if d == nil {
		return occurrence(ErrNotFound, "name", name)
	}
	gone := *d
	next := *v.m
	next.Docs = slices.Delete(slices.Clone(v.m.Docs), i, i+1)
	err := v.commit(&vaultfmt.Record{Op: "delete", Name: name, ID: gone.ID, Version: gone.Version}, &next, v.ix.Slots)
	if v.m != &next {
		return err
	}
	v.removeFile(gone.ID)
	return err
}

// cancelReader stops a copy when its context is cancelled.
type cancelReader struct {
	ctx context.Context
	r   io.Reader
}

func (c cancelReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// ageOpen is the one decryption entry point of the vault (documents, manifest, log records,
// key slots): age.Decrypt, whose reader releases only authenticated STREAM chunks and reports
// truncation or trailing bytes as an error at the end, never as io.EOF. The C2SP age test
// vectors run through it.
func ageOpen(src io.Reader, ids ...age.Identity) (io.Reader, error) {
	return age.Decrypt(src, ids...)
}
