package container

import "bytes"

// BitLocker volumes have "-FVE-FS-" as OEM name in the boot sector; BitLocker To Go
// volumes keep "MSWIN4.1" there and carry the BitLocker GUID at 0x1A0 instead.
var bitlockerGUID = []byte{0x3b, 0xd6, 0x67, 0x49, 0x29, 0x2e, 0xd8, 0x4a, 0x83, 0x99, 0xf6, 0xa3, 0x39, 0xe3, 0xd0, 0x01}

func probeBitLocker(b *Blob) (Result, bool) {
	h := b.Head
	if len(h) >= 11 && string(h[3:11]) == "-FVE-FS-" {
		return Result{Verdict: Encrypted, Format: FormatBitLocker}, true
	}
	if len(h) >= 0x1b0 && string(h[3:11]) == "MSWIN4.1" && bytes.Equal(h[0x1a0:0x1b0], bitlockerGUID) {
		return Result{Verdict: Encrypted, Format: FormatBitLockTG}, true
	}
	return Result{}, false
}
