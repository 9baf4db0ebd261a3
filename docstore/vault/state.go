package vault

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
	"github.com/trustreflex/trustreflex/internal/regularfile"
)

// The state file (WithStateFile) is Magic followed by one "vault <id> gen <n>" line per vault:
// the highest generation this machine has seen for each vault it opened.

// maxStateFile bounds the state file: about 16,000 vaults.
const maxStateFile = 1 << 20

func (v *Vault) readState() (map[string]uint64, error) {
	f, err := regularfile.Open(v.cfg.statePath)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]uint64{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxStateFile+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxStateFile {
		return nil, fmt.Errorf("vault: state file %s: larger than %d bytes", v.cfg.statePath, maxStateFile)
	}
	rest, ok := bytes.CutPrefix(b, []byte(vaultfmt.Magic))
	if !ok {
		return nil, fmt.Errorf("vault: state file %s: not a vault state file", v.cfg.statePath)
	}
	st := map[string]uint64{}
	sc := bufio.NewScanner(bytes.NewReader(rest))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 4 || f[0] != "vault" || f[2] != "gen" || !vaultfmt.IsID(f[1]) {
			return nil, fmt.Errorf("vault: state file %s: malformed line", v.cfg.statePath)
		}
		n, err := strconv.ParseUint(f[3], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("vault: state file %s: %w", v.cfg.statePath, err)
		}
		st[f[1]] = n
	}
	return st, sc.Err()
}

// lockState serialises the read-modify-write of the state file between the vaults (and
// processes) that share it: without it, two saves could interleave and lose one vault's
// generation. The lock is a file beside the state file; unlock releases it.
func (v *Vault) lockState() (unlock func(), err error) {
	dir := filepath.Dir(v.cfg.statePath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	f, err := regularfile.OpenFile(v.cfg.statePath+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockWait(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}

// checkState refuses a vault older than the state file remembers.
func (v *Vault) checkState() error {
	if v.cfg.statePath == "" {
		return nil
	}
	unlock, err := v.lockState()
	if err != nil {
		return err
	}
	defer unlock()
	st, err := v.readState()
	if err != nil {
		return err
	}
	if seen := st[v.m.Vault]; seen > v.m.Gen {
		return fmt.Errorf("%w: generation %d, this machine has seen %d", ErrRollback, v.m.Gen, seen)
	}
	return v.writeState(st)
}

// saveState records the current generation after a commit. A crash before it leaves the
// file one generation behind, which is never mistaken for a rollback.
func (v *Vault) saveState() error {
	if v.cfg.statePath == "" {
		return nil
	}
	unlock, err := v.lockState()
	if err != nil {
		return err
	}
	defer unlock()
	st, err := v.readState()
	if err != nil {
		return err
	}
	return v.writeState(st)
}

// writeState records v's generation in st and writes st; the caller holds lockState.
func (v *Vault) writeState(st map[string]uint64) error {
	if st[v.m.Vault] >= v.m.Gen {
		return nil // never lower what was seen
	}
	st[v.m.Vault] = v.m.Gen
	dir, name := filepath.Split(v.cfg.statePath)
	if dir == "" {
		dir = "."
	}
	_, err := v.writeAtomic(dir, name, "state", func(w io.Writer) error {
		var b bytes.Buffer
		b.WriteString(vaultfmt.Magic)
		for _, id := range slices.Sorted(maps.Keys(st)) {
			fmt.Fprintf(&b, "vault %s gen %d\n", id, st[id])
		}
		_, err := w.Write(b.Bytes())
		return err
	})
	return err
}
