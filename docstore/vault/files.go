package vault

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"

	"github.com/trustreflex/trustreflex/internal/regularfile"
)

// The vault's own files in its directory, as a [DamageError] names them when the damage
// is not in a document. A lost or damaged IndexFile is what [Recover] rebuilds.
const (
	IndexFile = "index" // format, key slots and the encrypted manifest
	KeysFile  = "keys"  // a copy of the key slots, which Recover starts from
	LogFile   = "log"   // the encrypted, hash-chained operation log
)

// The rest of the layout. Every file is an age file or starts with vaultfmt.Magic, so that
// the inspector (and anyone looking) can tell it is encrypted.
const (
	lockFile  = "lock" // flock target
	docsDir   = "d"    // one age file per document version, named by its opaque id
	tmpSuffix = ".tmp"
)

// step calls the test hook between the steps of a write, so tests can stop an operation
// exactly where a crash could.
func (v *Vault) step(name string) error {
	if v.cfg.hook == nil {
		return nil
	}
	return v.cfg.hook(name)
}

// writeAtomic replaces dir/name with what write produces: temp file, fsync, rename, fsync of
// the directory. A failure at any step leaves the previous file in place. renamed reports
// whether the new file reached its name (after which it may be the current state even if a
// later step failed).
func (v *Vault) writeAtomic(dir, name, stepPrefix string, write func(io.Writer) error) (renamed bool, err error) {
	tmp := filepath.Join(dir, name+tmpSuffix)
	f, err := regularfile.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return false, err
	}
	defer func() {
		if !renamed {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := write(f); err != nil {
		return false, err
	}
	if err := v.step(stepPrefix + "-written"); err != nil {
		return false, err
	}
	if err := f.Sync(); err != nil {
		return false, err
	}
	if err := f.Close(); err != nil {
		return false, err
	}
	if err := v.step(stepPrefix + "-synced"); err != nil {
		return false, err
	}
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		return false, err
	}
	renamed = true
	if err := v.step(stepPrefix + "-renamed"); err != nil {
		return true, err
	}
	return true, fsyncDir(dir)
}

// fsyncDir makes a rename or removal in dir durable.
func fsyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// newID returns a fresh opaque id: 128 random bits in hex.
func newID() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// removeTemps deletes temp files left by a crash: they were never part of a committed state.
func removeTemps(dir string) {
	for _, d := range []string{dir, filepath.Join(dir, docsDir)} {
		matches, _ := filepath.Glob(filepath.Join(d, "*"+tmpSuffix))
		for _, m := range matches {
			os.Remove(m)
		}
	}
}
