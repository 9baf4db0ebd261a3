package container

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strings"
)

// probeLUKS recognises LUKS1 and LUKS2 volume headers and names the cipher: LUKS1
// stores cipher name and mode in the binary header, LUKS2 in its JSON area. The
// header must hold (a known cipher, key sizes, at least one active key slot, for
// LUKS2 a JSON area that parses) and the key material and data area, where the file
// holds them, must look like ciphertext: a magic number before plain data is not a
// volume.
func probeLUKS(b *Blob) (Result, bool) {
	h := b.Head
	if !hasPrefix(h, "LUKS\xba\xbe") || len(h) < 592 {
		return Result{}, false
	}
	switch binary.BigEndian.Uint16(h[6:8]) {
	case 1:
		return luks1(b)
	case 2:
		return luks2(b)
	}
	return Result{}, false
}

// luks1 checks the phdr (LUKS1 on-disk format 1.2.3): cipher name and mode, hash,
// payload offset, key bytes, iterations, and the eight key slots (active 0x00AC71F3 or
// disabled 0x0000DEAD, 4000 stripes).
func luks1(b *Blob) (Result, bool) {
	h := b.Head
	name, mode, hash := cstr(h[8:40]), cstr(h[40:72]), cstr(h[72:104])
	payload := int64(binary.BigEndian.Uint32(h[104:])) * 512
	keyBytes := binary.BigEndian.Uint32(h[108:])
	if !luksCipher(name) || mode == "" || hash == "" || keyBytes < 16 || keyBytes > 64 || binary.BigEndian.Uint32(h[164:]) == 0 {
		return Result{}, false
	}
	active := 0
	for i := range 8 {
		s := h[208+48*i:]
		state := binary.BigEndian.Uint32(s)
		switch state {
		case 0x00ac71f3:
			active++
			material := int64(binary.BigEndian.Uint32(s[40:])) * 512
			if stripes := binary.BigEndian.Uint32(s[44:]); stripes != 4000 || binary.BigEndian.Uint32(s[4:]) == 0 {
				return Result{}, false
			}
			if material+int64(keyBytes)*4000 <= int64(len(h)) && !cipherLike(h[material:material+int64(keyBytes)*4000]) {
				return Result{}, false
			}
		case 0x0000dead:
		default:
			return Result{}, false
		}
	}
	if active == 0 || !luksDataLooksEncrypted(b, payload) {
		return Result{}, false
	}
	return Result{Verdict: Encrypted, Format: FormatLUKS1, Cipher: name + "-" + mode}, true
}

// luks2 checks the binary header (magic, version, header size, checksum algorithm)
// and reads the JSON area for the segment's encryption and the data offset.
func luks2(b *Blob) (Result, bool) {
	h := b.Head
	hdrSize := binary.BigEndian.Uint64(h[8:16])
	if hdrSize <= 4096 || hdrSize > 4<<20 || cstr(h[72:104]) == "" {
		return Result{}, false
	}
	area, err := b.At(4096, int(min(hdrSize-4096, 64<<10)))
	if err != nil && len(area) == 0 {
		return Result{}, false
	}
	if i := bytes.IndexByte(area, 0); i >= 0 {
		area = area[:i]
	}
	var meta struct {
		Keyslots map[string]json.RawMessage `json:"keyslots"`
		Segments map[string]struct {
			Encryption string `json:"encryption"`
			Offset     string `json:"offset"`
		} `json:"segments"`
	}
	if json.Unmarshal(area, &meta) != nil || len(meta.Segments) == 0 {
		return Result{}, false
	}
	r := Result{Verdict: Encrypted, Format: FormatLUKS2}
	for _, s := range meta.Segments {
		r.Cipher = cstr([]byte(s.Encryption[:min(len(s.Encryption), 48)]))
		var off int64
		for _, c := range s.Offset {
			if c < '0' || c > '9' || off > 1<<50 {
				return Result{}, false
			}
			off = off*10 + int64(c-'0')
		}
		if s.Encryption == "cipher_null-ecb" || !luksDataLooksEncrypted(b, off) {
			return Result{}, false
		}
		break
	}
	if len(meta.Keyslots) == 0 {
		return Result{}, false
	}
	return r, true
}

// luksCipher reports whether name is a cipher cryptsetup uses.
func luksCipher(name string) bool {
	switch strings.ToLower(name) {
	case "aes", "twofish", "serpent", "cast5", "cast6", "camellia", "sm4", "xchacha12,aes-adiantum-plain64", "xchacha20,aes-adiantum-plain64":
		return true
	}
	return strings.HasPrefix(name, "capi:")
}

// luksDataLooksEncrypted samples the data area at off when the file holds it: a
// volume that was never written reads as zeros, one that was written as ciphertext;
// text there means the data is in clear.
func luksDataLooksEncrypted(b *Blob, off int64) bool {
	if off <= 0 || off >= b.Size {
		return true
	}
	d, err := b.At(off, 4096)
	if err != nil && len(d) == 0 {
		return true
	}
	return !(LooksText(d) && len(bytes.Trim(d, "\x00")) > 0)
}

// cstr returns the NUL-terminated printable string at the start of b.
func cstr(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e {
			return -1
		}
		return r
	}, string(b))
}
