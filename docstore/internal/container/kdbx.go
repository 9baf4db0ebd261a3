package container

import (
	"encoding/binary"
	"encoding/hex"
)

// KeePass signatures: signature 1 then signature 2 (KDBX 2-4, or the old KDB).
const (
	keepassSig1 = 0x9AA2D903
	kdbxSig2    = 0xB54BFB67
	kdbSig2     = 0xB54BFB65
)

var kdbxCiphers = map[string]string{
	"31c1f2e6bf714350be5805216afc5aff": "AES-256",
	"d6038a2b8b6f4cb5a524339a31dbb59a": "ChaCha20",
	"ad68f29f576f4bb9a36ad47af965346c": "Twofish",
}

// probeKDBX recognises KeePass databases and reads the cipher UUID from the header
// fields (KDBX 3 has 2-byte field lengths, KDBX 4 has 4-byte ones).
func probeKDBX(b *Blob) (Result, bool) {
	h := b.Head
	if len(h) < 12 || binary.LittleEndian.Uint32(h) != keepassSig1 {
		return Result{}, false
	}
	switch binary.LittleEndian.Uint32(h[4:]) {
	case kdbSig2:
		return Result{Verdict: Encrypted, Format: "KeePass 1 (KDB)"}, true
	case kdbxSig2:
	default:
		return Result{}, false
	}
	major := binary.LittleEndian.Uint16(h[10:])
	r := Result{Verdict: Encrypted, Format: "KeePass KDBX " + string(rune('0'+min(major, 9)))}
	lenSize := 2
	if major >= 4 {
		lenSize = 4
	}
	p := 12
	for i := 0; i < 32 && p+1+lenSize <= len(h); i++ {
		id := h[p]
		var n int
		if lenSize == 2 {
			n = int(binary.LittleEndian.Uint16(h[p+1:]))
		} else {
			n = int(binary.LittleEndian.Uint32(h[p+1:]))
		}
		p += 1 + lenSize
		if id == 0 || n < 0 || p+n > len(h) {
			break
		}
		if id == 2 && n == 16 {
			r.Cipher = kdbxCiphers[hex.EncodeToString(h[p:p+n])]
			break
		}
		p += n
	}
	return r, true
}
