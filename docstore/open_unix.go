//go:build unix

package docstore

import "golang.org/x/sys/unix"

// noFollow makes an open fail on a symbolic link.
const noFollow = unix.O_NOFOLLOW
