package docstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/trustreflex/trustreflex/docstore/internal/container"
	"github.com/trustreflex/trustreflex/docstore/pii"
	"github.com/trustreflex/trustreflex/reflex"
)

// Inspector answers, for a file, a folder or an uploaded blob, whether the content is
// really encrypted (and how strongly) and whether plaintext leaks French personal
// data ([pii.Scan]). It is safe for concurrent use; [NewInspector] with no option
// suits most uses.
type Inspector struct {
	maxScan   int64 // plaintext bytes scanned for personal data, per file
	maxExpand int64 // bytes produced by decompression, per file
	maxRatio  int64 // decompression ratio beyond which output stops (bombs)
	maxDepth  int   // nested containers opened (zip in zip, gzip of a zip)
}

// The Inspector's default limits, per file: see [WithMaxBytes] and [WithMaxExpand].
const (
	DefaultMaxBytes  = 32 << 20 // plaintext bytes scanned for personal data
	DefaultMaxExpand = 64 << 20 // bytes that decompression may produce
	DefaultMaxRatio  = 200      // output to input ratio of one compressed stream
)

// Option configures an [Inspector].
type Option func(*Inspector)

// WithMaxBytes caps the plaintext bytes of one file scanned for personal data
// (default [DefaultMaxBytes]). Past it, the rest of the file is not read. n <= 0
// keeps the default.
func WithMaxBytes(n int64) Option {
	return func(in *Inspector) {
		if n > 0 {
			in.maxScan = n
		}
	}
}

// WithMaxExpand caps what decompression may produce for one file, n bytes in all
// (default [DefaultMaxExpand]), and the ratio of output to input of any compressed
// stream (default [DefaultMaxRatio]): beyond either, the inspector stops inflating,
// which defuses decompression bombs. A value <= 0 keeps its default.
func WithMaxExpand(n, ratio int64) Option {
	return func(in *Inspector) {
		if n > 0 {
			in.maxExpand = n
		}
		if ratio > 0 {
			in.maxRatio = ratio
		}
	}
}

// NewInspector returns an Inspector with the default limits, changed by opts.
func NewInspector(opts ...Option) *Inspector {
	in := &Inspector{maxScan: DefaultMaxBytes, maxExpand: DefaultMaxExpand, maxRatio: DefaultMaxRatio, maxDepth: 2}
	for _, o := range opts {
		o(in)
	}
	return in
}

var _ reflex.Checker = (*Inspector)(nil)

// ErrNotRegular is returned by [Inspector.Check] for a path that is neither a regular file nor a
// folder (a device, a socket, a pipe).
var ErrNotRegular = errors.New("docstore: not a regular file or folder")

// Check inspects path. For a file, the report has Kind "file"; for a folder, it has
// Kind "store" and gives the folder verdict (encrypted, plaintext or mixed) over
// every file below it (use [Inspector.Walk] to get the per-file reports too). The
// error means only that the path could not be read.
func (in *Inspector) Check(ctx context.Context, path string) (reflex.Report, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return reflex.Report{Subject: path, Kind: reflex.KindFile}, fmt.Errorf("docstore: %w", err)
	}
	if fi.IsDir() {
		var store reflex.Report
		err := in.Walk(ctx, path, func(r reflex.Report, err error) error {
			if r.Kind == reflex.KindStore {
				store = r
			}
			return nil
		})
		if store.Kind == "" {
			store = reflex.Report{Subject: path, Kind: reflex.KindStore}
		}
		return store, err
	}
	fr, err := in.inspectPath(ctx, path, fi, vaultHint(filepath.Dir(path)))
	return fr.report(path), err
}

// InspectReader inspects an uploaded blob without a file system: r and size give
// the content, name is only the subject of the report (the format is read from the
// content, never from the name). The report has Kind "file".
func (in *Inspector) InspectReader(ctx context.Context, name string, r io.ReaderAt, size int64) (reflex.Report, error) {
	fr, err := in.inspect(ctx, r, size)
	return fr.report(name), err
}

// inspectPath opens and inspects one regular file.
func (in *Inspector) inspectPath(ctx context.Context, path string, fi fs.FileInfo, hint vaultKind) (fileResult, error) {
	if !fi.Mode().IsRegular() {
		return fileResult{}, fmt.Errorf("docstore: %s: %w", path, ErrNotRegular)
	}
	f, err := os.Open(path)
	if err != nil {
		return fileResult{}, fmt.Errorf("docstore: %w", err)
	}
	defer f.Close()
	if r, ok := hint.metadata(filepath.Base(path), fi.Size()); ok {
		return fileResult{res: r}, nil
	}
	fr, err := in.inspect(ctx, f, fi.Size())
	// Windows has no "others" permission bits: os.FileMode reports 0666 for any
	// writable file there, which says nothing about who may read it
	fr.worldReadable = runtime.GOOS != "windows" && fi.Mode().Perm()&0o004 != 0
	fr.mode = fi.Mode().Perm()
	return fr, err
}

// fileResult is what the inspection of one blob found, before it becomes a report.
type fileResult struct {
	res           container.Result
	random        bool    // no known structure and uniform bytes
	chi           float64 // chi-square of the window, when random and long enough
	size          int64
	encoding      string      // "base64" or "hex" when the random bytes were written as text
	matches       []pii.Match // personal matches in the plaintext
	worldReadable bool
	mode          fs.FileMode
}

// encrypted reports whether the file counts as encrypted (strongly or weakly).
func (fr fileResult) encrypted() bool {
	return fr.res.Verdict == container.Encrypted || fr.res.Verdict == container.Weak
}

// plain reports whether the file (or part of an archive) is readable without secret.
func (fr fileResult) plain() bool {
	return fr.res.Verdict == container.Plain || fr.res.PlainEntries > 0 || fr.res.Verdict == container.Unknown && !fr.random
}

func (fr fileResult) empty() bool {
	return fr.res.Content == container.ContentEmpty && fr.res.Verdict == container.Plain
}

// inspect reads the structure of the blob, falls back on statistics when there is
// none, and scans what is readable for personal data.
func (in *Inspector) inspect(ctx context.Context, r io.ReaderAt, size int64) (fileResult, error) {
	if err := ctx.Err(); err != nil {
		return fileResult{}, err
	}
	b, err := container.NewBlob(r, size)
	if err != nil {
		return fileResult{}, fmt.Errorf("docstore: read: %w", err)
	}
	fr := fileResult{res: container.Sniff(b)}
	if fr.res.Verdict == container.Unknown {
		// statistics last: only for blobs with no known header
		if container.Uniform(b.Head) {
			fr.random = true
			if len(b.Head) >= 1024 { // chi-square means little on fewer bytes
				fr.chi = container.ChiSquare(b.Head[:min(len(b.Head), container.RandomWindow)])
			}
			fr.size = size
			return fr, nil
		}
		fr.res.Format = "unknown binary format"
	}
	if fr.res.Content == container.ContentText {
		// base64 or hex of random bytes (openssl enc -a -nosalt, xxd -p): the same
		// honest answer as for the raw bytes
		if dec, enc, ok := container.Encoded(b.Head); ok && container.Uniform(dec) {
			fr.random, fr.encoding, fr.size = true, enc, int64(len(dec))
			if len(dec) >= 1024 {
				fr.chi = container.ChiSquare(dec)
			}
			return fr, nil
		}
	}
	s := in.newScan(ctx)
	switch {
	case fr.plain():
		s.blob(b, fr.res, 0)
	case fr.res.Verdict == container.Weak && fr.res.Content == container.ContentPDF:
		// an empty user password opens it for anyone: read it as they would
		if decrypt, ok := container.PDFDecrypter(b); ok {
			s.pdf(s.read(b), decrypt)
		}
	}
	fr.matches = s.matches
	return fr, s.err
}

// report turns the result into the file's findings.
func (fr fileResult) report(subject string) reflex.Report {
	rep := reflex.NewReport(subject, reflex.KindFile)
	r := fr.res
	switch {
	case fr.random && fr.encoding != "":
		rep.Add(reflex.Finding{Code: reflex.StoreUnknownRandom, Severity: reflex.Info,
			Evidence: fmt.Sprintf("%s text of random-looking bytes, no known format: ciphertext or a key alike", fr.encoding)})
	case fr.random && fr.chi > 0:
		rep.Add(reflex.Finding{Code: reflex.StoreUnknownRandom, Severity: reflex.Info,
			Evidence: fmt.Sprintf("no known format; bytes look uniformly random (chi-square %.0f): ciphertext, compressed data or a digest alike", fr.chi)})
	case fr.random:
		rep.Add(reflex.Finding{Code: reflex.StoreUnknownRandom, Severity: reflex.Info,
			Evidence: fmt.Sprintf("no known format; %d bytes that look random: a ciphertext, a key or a digest alike", fr.size)})
	case r.Verdict == container.Weak:
		rep.Add(reflex.Finding{Code: reflex.StoreWeakEncryption, Severity: reflex.Caution, Evidence: describe(r)})
	case r.Verdict == container.Encrypted:
		rep.Add(reflex.Finding{Code: reflex.StoreEncrypted, Severity: reflex.OK, Evidence: describe(r)})
	}
	switch {
	case fr.encrypted() && r.PlainEntries > 0:
		rep.Add(reflex.Finding{Code: reflex.StorePlaintext, Severity: reflex.Caution,
			Evidence: fmt.Sprintf("%s: %d of %d entries not encrypted", r.Format, r.PlainEntries, r.Entries)})
	case fr.plain() && !fr.encrypted():
		rep.Add(reflex.Finding{Code: reflex.StorePlaintext, Severity: reflex.Info, Evidence: describe(r)})
	}
	if kinds := pii.Kinds(fr.matches); len(kinds) > 0 {
		rep.Add(reflex.Finding{Code: reflex.StoreSensitive, Severity: reflex.Caution,
			Evidence: matchEvidence(fr.matches), Params: map[string]string{"kinds": joinKinds(kinds)}})
		if fr.worldReadable {
			rep.Add(reflex.Finding{Code: reflex.StorePermissions, Severity: reflex.Caution,
				Evidence: fmt.Sprintf("mode %04o: readable by every user", uint32(fr.mode))})
		}
	}
	return rep
}

// describe is the one-line evidence of a structural result: "age, X25519",
// "PDF, RC4 128-bit, /V 2 /R 3".
func describe(r container.Result) string {
	parts := []string{r.Format}
	if r.Cipher != "" {
		parts = append(parts, r.Cipher)
	}
	if r.Note != "" {
		parts = append(parts, r.Note)
	}
	if r.Entries > 0 && r.PlainEntries < r.Entries && r.Verdict != container.Plain {
		parts = append(parts, fmt.Sprintf("%d of %d entries encrypted", r.Entries-r.PlainEntries, r.Entries))
	}
	return strings.Join(parts, ", ")
}

// joinKinds is the {kinds} parameter of store.sensitive: "nir, iban".
func joinKinds(ks []pii.Kind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// matchEvidence lists the distinct masked values, at most four.
func matchEvidence(ms []pii.Match) string {
	var parts []string
	seen := map[string]bool{}
	more := 0
	for _, m := range ms {
		if !m.Personal() {
			continue
		}
		s := string(m.Kind) + " " + m.Masked
		if seen[s] {
			continue
		}
		seen[s] = true
		if len(parts) == 4 {
			more++
			continue
		}
		parts = append(parts, s)
	}
	out := strings.Join(parts, "; ")
	if more > 0 {
		out += fmt.Sprintf(" (+%d more)", more)
	}
	return out
}

// vaultKind says which encrypted-folder layout a path belongs to, for the metadata
// files that only make sense inside it.
type vaultKind uint8

const (
	noVault vaultKind = iota
	gocryptfsVault
)

// vaultHint looks for gocryptfs.conf in dir and its parents (16 levels at most).
func vaultHint(dir string) vaultKind {
	for range 16 {
		if fi, err := os.Stat(filepath.Join(dir, "gocryptfs.conf")); err == nil && fi.Mode().IsRegular() {
			return gocryptfsVault
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return noVault
}

// metadata recognises the files a gocryptfs folder keeps next to the encrypted ones:
// the per-folder IV (16 random bytes) and the long-name files (the encrypted name,
// base64).
func (v vaultKind) metadata(name string, size int64) (container.Result, bool) {
	if v != gocryptfsVault {
		return container.Result{}, false
	}
	switch {
	case name == "gocryptfs.diriv" && size == 16:
		return container.Result{Verdict: container.Encrypted, Format: "gocryptfs", Note: "folder IV", Vault: true}, true
	case strings.HasPrefix(name, "gocryptfs.longname.") && strings.HasSuffix(name, ".name"):
		return container.Result{Verdict: container.Encrypted, Format: "gocryptfs", Note: "encrypted long file name", Vault: true}, true
	}
	return container.Result{}, false
}
