package vault

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"filippo.io/age"

	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
	"github.com/trustreflex/trustreflex/internal/regularfile"
)

// Vault is an open encrypted document vault, from [Create], [Open] or [Recover]. Its methods
// are safe for concurrent use; the process holds an exclusive lock on the directory until
// [Vault.Close].
type Vault struct {
	dir  string
	cfg  config
	lock *os.File

	mu     sync.Mutex
	closed bool
	key    *vaultKey
	ix     *vaultfmt.Index    // header and key slots as on disk
	m      *vaultfmt.Manifest // committed manifest
	log    logTail
}

// Option configures [Create], [Open] and [Recover].
type Option func(*config)

type config struct {
	keyAlg    KeyAlgorithm
	statePath string
	now       func() time.Time
	hook      func(step string) error // tests: fail between the steps of a write
}

// WithKeyAlgorithm chooses the vault key algorithm at [Create] (default [KeyHybrid]).
func WithKeyAlgorithm(alg KeyAlgorithm) Option { return func(c *config) { c.keyAlg = alg } }

// WithStateFile keeps the vault's generation counter in a file outside the vault (for
// example in the user's state directory), created with its folder (mode 0700) when
// missing. [Open] then refuses, with [ErrRollback], a vault older than the last state this
// file saw, which detects a rollback of the whole vault directory; without it only partial
// rollbacks are detectable (see the package doc). One state file can serve many vaults.
func WithStateFile(path string) Option { return func(c *config) { c.statePath = path } }

// withHook makes every write call fn between its steps; an error from fn stops the
// operation there, as a crash would (tests only).
func withHook(fn func(step string) error) Option { return func(c *config) { c.hook = fn } }

func newConfig(opts []Option) config {
	c := config{keyAlg: KeyHybrid, now: time.Now}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// OwnerLabel is the label of the key slot made by [Create].
const OwnerLabel = "owner"

// Create makes a new vault in dir (created if missing, must be empty otherwise) whose key is
// wrapped to owner: an age recipient (age.X25519Recipient, age.HybridRecipient, a plugin) or
// a passphrase (age.NewScryptRecipient). The returned Vault is open and locked. A dir that
// already holds a vault gives an error matching fs.ErrExist; one holding other files,
// [ErrNotEmpty].
func Create(dir string, owner age.Recipient, opts ...Option) (*Vault, error) {
	v := &Vault{dir: dir, cfg: newConfig(opts)}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	if len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(dir, IndexFile)); err == nil {
			return nil, fmt.Errorf("vault: %s: %w", dir, fs.ErrExist)
		}
		return nil, occurrence(ErrNotEmpty, "dir", dir)
	}
	if err := v.takeLock(); err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			// Undo a half-made vault (only what Create made, in a directory it found empty)
			// so that Create can be retried.
			for _, name := range []string{IndexFile, KeysFile, LogFile, docsDir, lockFile} {
				os.RemoveAll(filepath.Join(dir, name))
			}
			v.lock.Close()
		}
	}()
	if err := os.Mkdir(filepath.Join(dir, docsDir), 0o700); err != nil {
		return nil, err
	}
	if v.key, err = newVaultKey(v.cfg.keyAlg); err != nil {
		return nil, err
	}
	vid, sid := newID(), newID()
	slot, err := wrapSlot(v.key, vid, sid, owner)
	if err != nil {
		return nil, err
	}
	v.ix = &vaultfmt.Index{Format: vaultfmt.Format, Vault: vid, KeyAlg: string(v.key.alg),
		DocAlg: vaultfmt.DocAgeV1, Pad: vaultfmt.PadPadme, Slots: []vaultfmt.Slot{{ID: sid, Data: slot}}}
	v.m = &vaultfmt.Manifest{Format: vaultfmt.Format, Vault: vid, KeyAlg: v.ix.KeyAlg, DocAlg: v.ix.DocAlg,
		Pad: v.ix.Pad, Created: v.now(),
		Slots: []vaultfmt.SlotInfo{{ID: sid, Label: OwnerLabel, Kind: recipientKind(owner)}}}
	if _, err := v.writeAtomic(dir, LogFile, "log", func(w io.Writer) error {
		_, err := io.WriteString(w, vaultfmt.Magic)
		return err
	}); err != nil {
		return nil, err
	}
	v.log = logTail{end: int64(len(vaultfmt.Magic))}
	next := *v.m
	if err := v.commit(&vaultfmt.Record{Op: "create"}, &next, v.ix.Slots); err != nil {
		return nil, err
	}
	if err := v.writeKeys(v.ix.Slots); err != nil {
		return nil, err
	}
	ok = true
	return v, nil
}

// Open opens the vault in dir with identity: the age identity matching one of its
// recipients, or age.NewScryptIdentity(passphrase). It checks the index, the manifest and the
// head of the log (not every document: see [Vault.Verify]) and takes the exclusive lock.
// A wrong key gives [ErrWrongPassphrase] or [ErrWrongIdentity], a folder with no vault
// [ErrNotVault], a lost or damaged index a [*DamageError] naming [IndexFile].
func Open(dir string, identity age.Identity, opts ...Option) (*Vault, error) {
	v := &Vault{dir: dir, cfg: newConfig(opts)}
	// Nothing a commit depends on (index, log, state file) is read before the lock: a
	// writer that committed in between would otherwise be overwritten by a commit made on
	// the stale manifest. Exists only decides whether a lock file may be created here.
	if found, err := Exists(dir); err != nil {
		return nil, err
	} else if !found {
		return nil, occurrence(ErrNotVault, "dir", dir)
	}
	if err := v.step("lock"); err != nil {
		return nil, err
	}
	if err := v.takeLock(); err != nil {
		return nil, err
	}
	if err := v.loadIndex(identity); err != nil {
		v.lock.Close()
		return nil, err
	}
	removeTemps(dir)
	v.healKeys()
	return v, nil
}

// loadIndex opens the index and loads it; the caller holds the lock.
func (v *Vault) loadIndex(identity age.Identity) error {
	f, err := regularfile.Open(filepath.Join(v.dir, IndexFile))
	if errors.Is(err, fs.ErrNotExist) {
		return &DamageError{Name: IndexFile, Reason: ReasonMissing}
	}
	if err != nil {
		return &DamageError{Name: IndexFile, Reason: ReasonFormat, Err: err}
	}
	defer f.Close()
	return v.load(f, identity)
}

// Exists reports whether dir holds a vault: its index, or what is left of a vault whose
// index was lost (its log, lock file or document folder), which [Open] reports as a
// [*DamageError] on the [IndexFile] and [Recover] rebuilds. A missing dir holds no vault;
// the error is for a dir that cannot be read. It needs no key: call it before asking the
// user for a passphrase, to answer [ErrNotVault] at once.
func Exists(dir string) (bool, error) {
	for _, name := range []string{IndexFile, LogFile, lockFile, docsDir} {
		_, err := os.Stat(filepath.Join(dir, name))
		if err == nil {
			return true, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return false, fmt.Errorf("vault: %w", err)
		}
	}
	return false, nil
}

func (v *Vault) takeLock() error {
	f, err := regularfile.OpenFile(filepath.Join(v.dir, lockFile), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	if err := lockExclusive(f); err != nil {
		f.Close()
		return err
	}
	if st, err := f.Stat(); err == nil && st.Size() == 0 {
		// The lock file carries the marker too, so the inspector sees an encrypted vault.
		if _, err := f.WriteString(vaultfmt.Magic); err != nil {
			f.Close()
			return err
		}
	}
	v.lock = f
	return nil
}

// load reads and cross-checks the index, the key slots, the manifest and the log tail.
func (v *Vault) load(f io.Reader, identity age.Identity) error {
	ix, err := vaultfmt.ParseIndex(f)
	if err != nil {
		return &DamageError{Name: IndexFile, Reason: ReasonFormat, Err: err}
	}
	if ix.Format != vaultfmt.Format || ix.DocAlg != vaultfmt.DocAgeV1 || ix.Pad != vaultfmt.PadPadme ||
		(ix.KeyAlg != vaultfmt.KeyHybrid && ix.KeyAlg != vaultfmt.KeyX25519) {
		return fmt.Errorf("%w: format %d, key %s, doc %s, padding %s", ErrUnsupported, ix.Format, ix.KeyAlg, ix.DocAlg, ix.Pad)
	}
	if v.key, err = unwrapSlots(ix, identity); err != nil {
		return err
	}
	r, err := ageOpen(bytes.NewReader(ix.Manifest), v.key.id)
	if err != nil {
		return &DamageError{Name: IndexFile, Reason: ReasonAuth, Err: err}
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return &DamageError{Name: IndexFile, Reason: ReasonAuth, Err: err}
	}
	m, err := vaultfmt.ParseManifest(b)
	if err != nil {
		return &DamageError{Name: IndexFile, Reason: ReasonFormat, Err: err}
	}
	// The plaintext header is not authenticated by itself: the manifest vouches for it.
	if m.Vault != ix.Vault || m.KeyAlg != ix.KeyAlg || m.DocAlg != ix.DocAlg || m.Pad != ix.Pad ||
		!slices.EqualFunc(m.Slots, ix.Slots, func(a vaultfmt.SlotInfo, b vaultfmt.Slot) bool { return a.ID == b.ID }) {
		return &DamageError{Name: IndexFile, Reason: ReasonSwapped, Err: errors.New("header does not match the manifest")}
	}
	v.ix, v.m = ix, m
	if v.log, err = v.checkLogTail(); err != nil {
		return err
	}
	return v.checkState()
}

// Close releases the lock. The Vault cannot be used afterwards.
func (v *Vault) Close() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed {
		return ErrClosed
	}
	v.closed = true
	return v.lock.Close()
}

func (v *Vault) now() time.Time { return v.cfg.now().UTC().Round(0) }

// commit makes an operation durable: it appends rec to the log, then atomically replaces the
// index with next (generation + 1, new log head) and slots. Until the index rename nothing
// visible changed; a log record without its index (a crash in between) is shown by Log as not
// committed. It updates v only when the index was renamed.
func (v *Vault) commit(rec *vaultfmt.Record, next *vaultfmt.Manifest, slots []vaultfmt.Slot) error {
	rec.Gen = v.m.Gen + 1
	rec.Time = v.now()
	tail, err := v.appendLog(rec)
	if err != nil {
		return fmt.Errorf("vault: log: %w", err)
	}
	v.log = tail // the record is on disk whatever happens next
	if err := v.step("log-appended"); err != nil {
		return err
	}
	next.Gen = rec.Gen
	next.LogCount, next.LogHead = tail.count, tail.head
	plain, err := vaultfmt.MarshalManifest(next)
	if err != nil {
		return err
	}
	var sealed bytes.Buffer
	w, err := age.Encrypt(&sealed, v.key.rcpt)
	if err != nil {
		return err
	}
	w.Write(plain)
	if err := w.Close(); err != nil {
		return err
	}
	ix := *v.ix
	ix.Slots, ix.Manifest = slots, sealed.Bytes()
	renamed, err := v.writeAtomic(v.dir, IndexFile, "index", func(w io.Writer) error { return vaultfmt.WriteIndex(w, &ix) })
	if renamed {
		v.ix, v.m = &ix, next
	}
	if err != nil {
		return fmt.Errorf("vault: index: %w", err)
	}
	return v.saveState()
}

// doc returns the manifest entry named name.
func (v *Vault) doc(name string) (int, *vaultfmt.Doc) {
	for i := range v.m.Docs {
		if v.m.Docs[i].Name == name {
			return i, &v.m.Docs[i]
		}
	}
	return -1, nil
}

// use checks the vault is open; the caller holds v.mu.
func (v *Vault) use() error {
	if v.closed {
		return ErrClosed
	}
	return nil
}
