package vault

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcurrentWritersKeepEveryPut replays the lock race: writers that each open the
// vault, put one document and close it, with a delay injected just before Open takes the
// lock (where a writer could be descheduled). Every put that reported success must be
// in the vault, with no orphan and, with a state file, no false rollback alarm.
func TestConcurrentWritersKeepEveryPut(t *testing.T) {
	for _, withState := range []bool{false, true} {
		t.Run(fmt.Sprintf("state=%v", withState), func(t *testing.T) {
			tv := newTestVault(t)
			tv.Vault.Close()
			var opts []Option
			if withState {
				opts = append(opts, WithStateFile(t.TempDir()+"/state"))
			}
			delay := withHook(func(step string) error {
				if step == "lock" {
					time.Sleep(time.Duration(rand.IntN(3000)) * time.Microsecond)
				}
				return nil
			})
			const writers, puts = 4, 6
			var mu sync.Mutex
			var acked []string
			errs := make(chan error, writers)
			for w := range writers {
				go func() {
					for i := range puts {
						name := fmt.Sprintf("w%d-%d", w, i)
						if err := putOnce(tv, name, append(opts, delay)); err != nil {
							errs <- err
							return
						}
						mu.Lock()
						acked = append(acked, name)
						mu.Unlock()
					}
					errs <- nil
				}()
			}
			for range writers {
				require.NoError(t, <-errs)
			}
			v, err := Open(tv.dir, tv.id, opts...)
			require.NoError(t, err)
			tv.Vault = v
			for _, name := range acked {
				assert.Equal(t, name, string(tv.mustGet(name)), "acknowledged put %s lost", name)
			}
			rep, err := v.Verify(context.Background())
			require.NoError(t, err)
			assert.True(t, rep.OK())
			assert.Empty(t, rep.Orphans)
			log, err := v.Log(context.Background())
			require.NoError(t, err)
			for _, e := range log {
				assert.True(t, e.Committed, "no interrupted operation: %+v", e)
			}
		})
	}
}

// putOnce opens the vault (retrying while another writer holds it), stores name and closes.
func putOnce(tv *testVault, name string, opts []Option) error {
	for {
		v, err := Open(tv.dir, tv.id, opts...)
		if errors.Is(err, ErrLocked) {
			time.Sleep(200 * time.Microsecond)
			continue
		}
		if err != nil {
			return err
		}
		_, err = v.Put(context.Background(), name, bytes.NewReader([]byte(name)), nil)
		v.Close()
		return err
	}
}

// TestSharedStateFileConcurrentVaults: many vaults saving into one state file at once
// never corrupt it nor lose a vault's generation.
func TestSharedStateFileConcurrentVaults(t *testing.T) {
	state := t.TempDir() + "/state"
	vaults := make([]*testVault, 4)
	for i := range vaults {
		vaults[i] = newTestVault(t, WithStateFile(state))
	}
	var wg sync.WaitGroup
	for i, tv := range vaults {
		wg.Go(func() {
			for k := range 5 {
				_, err := tv.Put(context.Background(), fmt.Sprint(k), bytes.NewReader([]byte{byte(i)}), nil)
				assert.NoError(t, err)
			}
		})
	}
	wg.Wait()
	for _, tv := range vaults {
		require.NoError(t, tv.reopen(WithStateFile(state)))
		st, err := tv.readState()
		require.NoError(t, err)
		assert.Equal(t, tv.m.Gen, st[tv.m.Vault])
	}
}
