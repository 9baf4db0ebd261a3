package container

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
)

// probeJOSE recognises compact JWE (five base64url parts: encrypted) and JWS (three
// parts: signed, payload readable), and the JSON serialisation of JWE.
func probeJOSE(b *Blob) (Result, bool) {
	h := bytes.TrimSpace(b.Head)
	if b.Size > int64(len(b.Head)) || len(h) < 10 {
		// compact tokens are small; a bigger file is something else
		if !(hasPrefix(h, "{") && bytes.Contains(h, []byte(`"ciphertext"`))) {
			return Result{}, false
		}
	}
	if hasPrefix(h, "{") {
		var jwe struct {
			Protected  string `json:"protected"`
			Ciphertext string `json:"ciphertext"`
		}
		if json.Unmarshal(h, &jwe) == nil && jwe.Ciphertext != "" && jwe.Protected != "" {
			r := Result{Verdict: Encrypted, Format: FormatJWE, Detail: "JSON"}
			var alg string
			r.Cipher, alg = joseHeader(jwe.Protected)
			r.Detail += " " + alg
			return r, true
		}
		return Result{}, false
	}
	for _, c := range h {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return Result{}, false
		}
	}
	parts := bytes.Split(h, []byte("."))
	switch len(parts) {
	case 5:
		enc, alg := joseHeader(string(parts[0]))
		if enc == "" {
			return Result{}, false
		}
		return Result{Verdict: Encrypted, Format: FormatJWE, Cipher: enc, Detail: alg}, true
	case 3:
		if _, alg := joseHeader(string(parts[0])); alg == "" {
			return Result{}, false
		}
		return Result{Verdict: Plain, Format: FormatJWS, Notes: []Note{NotePayloadReadable}, Content: ContentJWS}, true
	}
	return Result{}, false
}

// joseHeader decodes a protected header and returns its "enc" and "alg".
func joseHeader(s string) (enc, alg string) {
	d, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return "", ""
	}
	var hdr struct{ Enc, Alg string }
	if json.Unmarshal(d, &hdr) != nil {
		return "", ""
	}
	return cstr([]byte(hdr.Enc[:min(len(hdr.Enc), 32)])), cstr([]byte(hdr.Alg[:min(len(hdr.Alg), 32)]))
}
