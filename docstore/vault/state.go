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
)

// The state file (WithStateFile) is Magic followed by one "vault <id> gen <n>" line per vault:
// the highest generation this machine has seen for each vault it opened.

func (v *Vault) readState() (map[string]uint64, error) {
	b, err := os.ReadFile(v.cfg.statePath)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]uint64{}, nil
	}
	if err != nil {
		return nil, err
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

// checkState refuses a vault older than the state file remembers.
func (v *Vault) checkState() error {
	if v.cfg.statePath == "" {
		return nil
	}
	st, err := v.readState()
	if err != nil {
		return err
	}
	if seen := st[v.m.Vault]; seen > v.m.Gen {
		return fmt.Errorf("%w: generation %d, this machine has seen %d", ErrRollback, v.m.Gen, seen)
	}
	return v.saveState()
}

// saveState records the current generation after a commit. A crash before it leaves the
// file one generation behind, which is never mistaken for a rollback.
func (v *Vault) saveState() error {
	if v.cfg.statePath == "" {
		return nil
	}
	st, err := v.readState()
	if err != nil {
		return err
	}
	if st[v.m.Vault] == v.m.Gen {
		return nil
	}
	st[v.m.Vault] = v.m.Gen
	dir, name := filepath.Split(v.cfg.statePath)
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	_, err = v.writeAtomic(dir, name, "state", func(w io.Writer) error {
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
