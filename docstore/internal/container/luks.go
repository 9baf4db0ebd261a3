package container

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strings"
)

// probeLUKS recognises LUKS1 and LUKS2 volume headers and names the cipher: LUKS1
// stores cipher name and mode in the binary header, LUKS2 in its JSON area.
func probeLUKS(b *Blob) (Result, bool) {
	h := b.Head
	if !hasPrefix(h, "LUKS\xba\xbe") || len(h) < 8 {
		return Result{}, false
	}
	r := Result{Verdict: Encrypted, Format: "LUKS"}
	switch binary.BigEndian.Uint16(h[6:8]) {
	case 1:
		r.Format = "LUKS1"
		if len(h) >= 104 {
			r.Cipher = cstr(h[8:40]) + "-" + cstr(h[40:72])
		}
	case 2:
		r.Format = "LUKS2"
		r.Cipher = luks2Cipher(b)
	}
	return r, true
}

// luks2Cipher reads the JSON area (at 4096, hdr_size-4096 bytes long) for the
// encryption of the first segment.
func luks2Cipher(b *Blob) string {
	if len(b.Head) < 16 {
		return ""
	}
	hdrSize := binary.BigEndian.Uint64(b.Head[8:16])
	if hdrSize <= 4096 || hdrSize > 4<<20 {
		return ""
	}
	area, err := b.At(4096, int(min(hdrSize-4096, 64<<10)))
	if err != nil && len(area) == 0 {
		return ""
	}
	if i := bytes.IndexByte(area, 0); i >= 0 {
		area = area[:i]
	}
	var meta struct {
		Segments map[string]struct {
			Encryption string `json:"encryption"`
		} `json:"segments"`
	}
	if json.Unmarshal(area, &meta) != nil {
		return ""
	}
	for _, s := range meta.Segments {
		return s.Encryption
	}
	return ""
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
