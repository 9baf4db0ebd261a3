package docstore

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/trustreflex/trustreflex/docstore/internal/container"
	"github.com/trustreflex/trustreflex/docstore/pii"
	"github.com/trustreflex/trustreflex/internal/regularfile"
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

// ErrNotRegular is returned by [Inspector.Check] and [Inspector.Walk] for a path that is
// neither a regular file nor a folder (a device, a socket, a named pipe), found without
// blocking. It is a [reflex.Problem]: reflex.ErrorText says it in the reader's language.
var ErrNotRegular = regularfile.ErrNotRegular

// Check inspects path. For a file, the report has Kind "file"; for a folder, it has
// Kind "store" and gives the folder verdict (encrypted, plaintext or mixed) over
// every file below it (use [Inspector.Walk] to get the per-file reports too). The
// error means only that the path could not be read; a path that is neither a regular
// file nor a folder (a pipe, a device) gives [ErrNotRegular], without blocking.
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
	fr, err := in.inspectPath(ctx, path, vaultHint(filepath.Dir(path)), true)
	return fr.report(path), err
}

// InspectReader inspects an uploaded blob without a file system: r and size give
// the content, name is only the subject of the report (the format is read from the
// content, never from the name). The report has Kind "file".
func (in *Inspector) InspectReader(ctx context.Context, name string, r io.ReaderAt, size int64) (reflex.Report, error) {
	fr, err := in.inspect(ctx, r, size)
	return fr.report(name), err
}

// inspectPath opens and inspects one regular file. The file is opened without
// blocking (a pipe or a device would block an ordinary open) and its type is read from
// the open file: anything but a regular file is refused with [ErrNotRegular].
// follow says whether a symbolic link may be followed (the path given by the caller)
// or not (a file met during a walk, which may have been replaced by a link).
func (in *Inspector) inspectPath(ctx context.Context, path string, hint vaultKind, follow bool) (fileResult, error) {
	f, fi, err := openRegular(path, follow)
	if err != nil {
		return fileResult{}, err
	}
	defer f.Close()
	if r, ok := hint.metadata(filepath.Base(path), f, fi.Size()); ok {
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
	partial       bool        // the scan stopped at a limit before the end of what is readable
	worldReadable bool
	mode          fs.FileMode
}

// encrypted reports whether the file counts as encrypted (strongly or weakly).
func (fr fileResult) encrypted() bool {
	return fr.res.Verdict == container.Encrypted || fr.res.Verdict == container.Weak
}

// undecided reports whether the file's structure was recognised but could not be
// decoded: no claim either way.
func (fr fileResult) undecided() bool {
	return fr.res.Verdict == container.Unknown && fr.res.Format != "" && fr.res.Format != container.FormatUnknown
}

// plain reports whether the file (or part of an archive) is readable without secret.
func (fr fileResult) plain() bool {
	return fr.res.Verdict == container.Plain || fr.res.PlainEntries > 0 || fr.res.Verdict == container.Unknown && !fr.random && !fr.undecided()
}

// noDocument reports whether the file holds no document at all: key material that is
// public, or a vault's working file.
func (fr fileResult) noDocument() bool {
	return fr.res.Verdict == container.Plain && (fr.res.Role == container.RolePublicKey || fr.res.Role == container.RoleVaultFile)
}

// privateKeyInClear reports whether the file is a private key anyone can use.
func (fr fileResult) privateKeyInClear() bool {
	return fr.res.Role == container.RolePrivateKey && fr.res.Verdict == container.Plain
}

func (fr fileResult) empty() bool {
	return fr.res.Content == container.ContentEmpty && fr.res.Verdict == container.Plain
}

// inspect reads the structure of the blob, falls back on statistics when there is
// none, and scans what is readable for personal data: a plain file, the plain entries
// of an archive, the text around an encrypted block and the data after it, a PDF that
// opens with an empty password.
func (in *Inspector) inspect(ctx context.Context, r io.ReaderAt, size int64) (fileResult, error) {
	if err := ctx.Err(); err != nil {
		return fileResult{}, err
	}
	b, err := container.NewBlob(r, size)
	if err != nil {
		return fileResult{}, fmt.Errorf("docstore: read: %w", err)
	}
	fr := fileResult{res: container.Sniff(b)}
	if fr.res.Verdict == container.Unknown && !fr.undecided() {
		// statistics last: only for blobs with no known header
		if container.Uniform(b.Head) {
			fr.random = true
			if len(b.Head) >= 1024 { // chi-square means little on fewer bytes
				fr.chi = container.ChiSquare(b.Head[:min(len(b.Head), container.RandomWindow)])
			}
			fr.size = size
			return fr, nil
		}
		fr.res.Format = container.FormatUnknown
	}
	if fr.res.Content == container.ContentText && len(fr.res.Clear) == 0 {
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
	case len(fr.res.Clear) > 0:
		// text around an encrypted block, data appended after it, a payload in clear
		for _, span := range fr.res.Clear {
			s.span(b, span)
		}
	case fr.plain():
		s.blob(b, fr.res, 0)
	case fr.res.Verdict == container.Weak && fr.res.Content == container.ContentPDF:
		// an empty password opens it for anyone: read it as they would
		if decrypt, ok := container.PDFDecrypter(b); ok {
			s.pdf(s.read(b), decrypt, 0)
		}
	}
	fr.matches = s.matches
	fr.partial = s.partial
	return fr, s.err
}

// Params of a file's findings: its format and cipher, as language-neutral facts that
// the catalogue renders (see reflex's store codes).
func fileParams(r container.Result) map[string]string {
	p := map[string]string{"format": string(r.Format)}
	if r.Detail != "" {
		p["detail"] = r.Detail
	}
	if r.Cipher != "" {
		p["cipher"] = r.Cipher
	}
	if len(r.Notes) > 0 {
		notes := make([]string, len(r.Notes))
		for i, n := range r.Notes {
			notes[i] = string(n)
		}
		p["notes"] = strings.Join(notes, ",")
	}
	return p
}

// report turns the result into the file's findings.
func (fr fileResult) report(subject string) reflex.Report {
	rep := reflex.NewReport(subject, reflex.KindFile)
	r := fr.res
	params := fileParams(r)
	switch {
	case fr.random && fr.encoding != "":
		rep.Add(reflex.Finding{Code: reflex.StoreUnknownRandom, Severity: reflex.Info, Params: map[string]string{"encoding": fr.encoding}})
	case fr.random:
		p := map[string]string{"bytes": strconv.FormatInt(fr.size, 10)}
		if fr.chi > 0 {
			p["chi"] = strconv.FormatFloat(fr.chi, 'f', 0, 64)
		}
		rep.Add(reflex.Finding{Code: reflex.StoreUnknownRandom, Severity: reflex.Info, Params: p})
	case fr.undecided():
		rep.Add(reflex.Finding{Code: reflex.StoreUnknownRandom, Severity: reflex.Info, Params: params})
	case fr.noDocument():
		rep.Add(reflex.Finding{Code: reflex.StoreNoDocument, Severity: reflex.Info, Params: params})
	case r.Verdict == container.Weak:
		rep.Add(reflex.Finding{Code: reflex.StoreWeakEncryption, Severity: reflex.Caution, Params: withEntries(params, r)})
	case r.Verdict == container.Encrypted:
		rep.Add(reflex.Finding{Code: reflex.StoreEncrypted, Severity: reflex.OK, Params: withEntries(params, r)})
	}
	switch {
	case fr.encrypted() && r.PlainEntries > 0:
		rep.Add(reflex.Finding{Code: reflex.StorePlaintext, Severity: reflex.Caution, Params: map[string]string{
			"format": string(r.Format), "plain-entries": strconv.Itoa(r.PlainEntries), "entries": strconv.Itoa(r.Entries)}})
	case fr.plain() && !fr.encrypted() && !fr.noDocument():
		if fr.partial {
			params["partial"] = "limit"
		}
		rep.Add(reflex.Finding{Code: reflex.StorePlaintext, Severity: reflex.Info, Params: params})
	}
	if r.Trailing > 0 && fr.encrypted() {
		rep.Add(reflex.Finding{Code: reflex.StoreTrailingData, Severity: reflex.Caution, Params: map[string]string{
			"bytes": strconv.FormatInt(r.Trailing, 10), "format": string(r.Format)}})
	}
	if kinds := pii.Kinds(fr.matches); len(kinds) > 0 {
		values, more := matchEvidence(fr.matches)
		p := map[string]string{"kinds": joinKinds(kinds)}
		if more > 0 {
			p["values"] = strconv.Itoa(more)
		}
		rep.Add(reflex.Finding{Code: reflex.StoreSensitive, Severity: reflex.Caution, Evidence: values, Params: p})
		if fr.worldReadable {
			rep.Add(reflex.Finding{Code: reflex.StorePermissions, Severity: reflex.Caution,
				Params: map[string]string{"mode": fmt.Sprintf("%04o", uint32(fr.mode))}})
		}
	}
	return rep
}

// withEntries adds the counts of an archive whose entries are not all encrypted.
func withEntries(p map[string]string, r container.Result) map[string]string {
	if r.Entries > 0 && r.PlainEntries > 0 {
		p["encrypted-entries"] = strconv.Itoa(r.Entries - r.PlainEntries)
		p["entries"] = strconv.Itoa(r.Entries)
	}
	return p
}

// joinKinds is the {kinds} parameter of store.sensitive: "nir,iban".
func joinKinds(ks []pii.Kind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ",")
}

// matchEvidence lists the distinct masked values, at most four, and how many more
// there are.
func matchEvidence(ms []pii.Match) (string, int) {
	var parts []string
	seen := map[string]bool{}
	more := 0
	for _, m := range ms {
		if !m.Personal() || seen[m.Masked] {
			continue
		}
		seen[m.Masked] = true
		if len(parts) == 4 {
			more++
			continue
		}
		parts = append(parts, m.Masked)
	}
	return strings.Join(parts, "; "), more
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

// metadata recognises the files a gocryptfs folder keeps next to the encrypted ones,
// by their name and their content together (a name alone proves nothing): the
// per-folder IV (16 random bytes) and the long-name files (the encrypted name in
// base64url, whole AES blocks once decoded).
func (v vaultKind) metadata(name string, r io.ReaderAt, size int64) (container.Result, bool) {
	if v != gocryptfsVault {
		return container.Result{}, false
	}
	switch {
	case name == "gocryptfs.diriv" && size == 16:
		iv, err := container.ReadAt(r, 0, 16)
		if err != nil || !container.Uniform(iv) {
			return container.Result{}, false
		}
		return container.Result{Verdict: container.Encrypted, Format: container.FormatGocryptfs, Notes: []container.Note{container.NoteFolderIV}, Vault: true}, true
	case strings.HasPrefix(name, "gocryptfs.longname.") && strings.HasSuffix(name, ".name") && size >= 22 && size <= 8192:
		data, err := container.ReadAt(r, 0, int(size))
		if err != nil {
			return container.Result{}, false
		}
		dec, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(string(data), "=\n"))
		if err != nil || len(dec) < 16 || len(dec)%16 != 0 || !container.Uniform(dec) {
			return container.Result{}, false
		}
		return container.Result{Verdict: container.Encrypted, Format: container.FormatGocryptfs, Notes: []container.Note{container.NoteLongName}, Vault: true}, true
	}
	return container.Result{}, false
}
