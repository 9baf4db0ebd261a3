package container

import (
	"encoding/base64"
	"encoding/hex"
)

// Encoded decodes a text blob that is nothing but base64 or hex (ignoring white
// space), as "openssl enc -a -nosalt" or "xxd -p" write ciphertext. It returns the
// decoded start (at most 48 KiB) and the encoding's name; ok is false for anything
// else, or for fewer than 128 characters.
func Encoded(head []byte) (decoded []byte, encoding string, ok bool) {
	compact := make([]byte, 0, len(head))
	isHex, isB64 := true, true
	for _, c := range head {
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			continue
		case c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F':
		case c >= 'g' && c <= 'z' || c >= 'G' && c <= 'Z' || c == '+' || c == '/' || c == '=':
			isHex = false
		default:
			return nil, "", false
		}
		compact = append(compact, c)
	}
	if len(compact) < 128 {
		return nil, "", false
	}
	compact = compact[:min(len(compact), 64<<10)]
	if isHex {
		d := make([]byte, len(compact)/2)
		n, err := hex.Decode(d, compact[:len(compact)&^1])
		if err != nil {
			return nil, "", false
		}
		return d[:n], "hex", true
	}
	if !isB64 {
		return nil, "", false
	}
	s := compact[:len(compact)&^3]
	for len(s) > 0 && s[len(s)-1] == '=' { // padding only at the very end
		s = s[:len(s)-1]
	}
	s = s[:len(s)&^3]
	d := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
	n, err := base64.StdEncoding.Decode(d, s)
	if err != nil {
		return nil, "", false
	}
	return d[:n], "base64", true
}
