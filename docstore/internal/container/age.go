package container

import (
	"bytes"
	"encoding/base64"
)

const (
	ageMagic     = "age-encryption.org/v1\n"
	ageArmorHead = "-----BEGIN AGE ENCRYPTED FILE-----"
)

// probeAge recognises age files, binary and armored, and names the recipient types
// from the header stanzas ("-> X25519 ...", "-> scrypt ...").
func probeAge(b *Blob) (Result, bool) {
	head := b.Head
	if t := trimLeadingSpace(head); hasPrefix(t, ageArmorHead) {
		body := t[len(ageArmorHead):]
		if end := bytes.Index(body, []byte("-----END")); end >= 0 {
			body = body[:end]
		}
		body = bytes.Join(bytes.Fields(body), nil)
		body = body[:min(len(body), 8<<10)&^3]
		dec := make([]byte, base64.StdEncoding.DecodedLen(len(body)))
		n, _ := base64.StdEncoding.Decode(dec, body)
		r := ageHeader(dec[:n])
		r.Note = joinNote(r.Note, "armored")
		return r, true
	}
	if !hasPrefix(head, ageMagic) {
		return Result{}, false
	}
	return ageHeader(head), true
}

// ageHeader reads the recipient stanzas of a binary age header.
func ageHeader(h []byte) Result {
	r := Result{Verdict: Encrypted, Format: "age", Cipher: "ChaCha20-Poly1305"}
	if !hasPrefix(h, ageMagic) {
		r.Note = "header not decoded"
		return r
	}
	var kinds []string
	for _, line := range bytes.Split(h[len(ageMagic):], []byte("\n")) {
		if bytes.HasPrefix(line, []byte("---")) {
			break
		}
		if f := bytes.Fields(line); len(f) >= 2 && string(f[0]) == "->" {
			k := string(f[1])
			if len(k) > 24 {
				k = k[:24]
			}
			if k == "scrypt" {
				k = "passphrase (scrypt)"
			}
			kinds = appendUnique(kinds, k)
		}
		if len(kinds) >= 4 {
			break
		}
	}
	for _, k := range kinds {
		r.Note = joinNote(r.Note, k)
	}
	return r
}

func appendUnique(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

func joinNote(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + ", " + b
}
