//go:build !unix

package vault

import (
	"fmt"
	"os"
)

// lock is not implemented off Unix: refusing is safer than two writers.
func lockExclusive(*os.File) error {
	return fmt.Errorf("%w: file locking on this platform", ErrUnsupported)
}

func lockWait(f *os.File) error { return lockExclusive(f) }
