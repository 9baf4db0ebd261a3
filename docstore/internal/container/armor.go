package container

import (
	"bytes"
	"encoding/base64"
	"strings"
)

// probeArmor recognises PEM and OpenPGP ASCII armor at the start of a text file and
// decodes what needs decoding: an armored OpenPGP message is walked like a binary
// one; a signed message, a public key or a signature is not encrypted.
func probeArmor(b *Blob) (Result, bool) {
	h := trimLeadingSpace(b.Head)
	// PEM bundles made by "openssl pkcs12" start with "Bag Attributes" lines.
	if !hasPrefix(h, "-----BEGIN ") {
		i := bytes.Index(h[:min(len(h), 2048)], []byte("\n-----BEGIN "))
		if i < 0 || !hasPrefix(h, "Bag Attributes") {
			return Result{}, false
		}
		h = h[i+1:]
	}
	label, body, ok := armorBlock(h)
	if !ok {
		return Result{}, false
	}
	switch label {
	case "PGP MESSAGE":
		r, ok := walkOpenPGP(decodeArmorBody(body))
		if !ok {
			r = Result{Verdict: Encrypted, Format: "OpenPGP", Note: "packets not decoded"}
		}
		r.Note = joinNote(r.Note, "armored")
		return r, true
	case "PGP SIGNED MESSAGE":
		return Result{Verdict: Plain, Format: "OpenPGP signed text", Note: "signed, not encrypted", Content: ContentText}, true
	case "PGP SIGNATURE":
		return Result{Verdict: Plain, Format: "OpenPGP signature", Content: ContentOpaque}, true
	case "PGP PUBLIC KEY BLOCK":
		return Result{Verdict: Plain, Format: "OpenPGP public key", Content: ContentOpaque}, true
	case "PGP PRIVATE KEY BLOCK":
		r, ok := walkOpenPGP(decodeArmorBody(body))
		if !ok {
			r = Result{Verdict: Plain, Format: "OpenPGP private key", Note: "protection not decoded", Content: ContentOpaque}
		}
		return r, true
	case "ENCRYPTED PRIVATE KEY":
		r := Result{Verdict: Encrypted, Format: "encrypted PKCS#8 key"}
		r.Cipher, _ = derCipher(decodeArmorBody(body))
		return r, true
	case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY":
		return pemKey(label, body), true
	case "OPENSSH PRIVATE KEY":
		return opensshKey(decodeArmorBody(body)), true
	case "PKCS7", "CMS":
		r, ok := parseDER(decodeArmorBody(body))
		if !ok {
			r = Result{Verdict: Plain, Format: "PEM " + label, Content: ContentOpaque}
		}
		return r, true
	}
	return Result{Verdict: Plain, Format: "PEM " + label, Content: ContentText}, true
}

// armorBlock splits "-----BEGIN LABEL-----\n...body..." and returns the label and the
// body (headers included, up to the END line or the end of the window).
func armorBlock(h []byte) (label string, body []byte, ok bool) {
	rest := h[len("-----BEGIN "):]
	end := bytes.Index(rest, []byte("-----"))
	if end <= 0 || end > 64 {
		return "", nil, false
	}
	label = string(rest[:end])
	body = rest[end+5:]
	if i := bytes.Index(body, []byte("-----END")); i >= 0 {
		body = body[:i]
	}
	return label, body, true
}

// decodeArmorBody drops armor headers ("Key: value" lines up to a blank line) and the
// OpenPGP CRC line, then decodes the base64 (as much as decodes cleanly).
func decodeArmorBody(body []byte) []byte {
	lines := strings.Split(strings.ReplaceAll(string(body), "\r", ""), "\n")
	var b64 strings.Builder
	headers := true
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if headers && strings.Contains(l, ":") {
			continue
		}
		headers = false
		if l == "" || strings.HasPrefix(l, "=") && len(l) == 5 { // OpenPGP CRC-24 line
			continue
		}
		b64.WriteString(l)
		if b64.Len() > maxRead {
			break
		}
	}
	s := b64.String()
	s = s[:len(s)&^3]
	out, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		// keep what decodes: the packets we need are at the start
		for len(s) > 0 && err != nil {
			s = s[:(len(s)/2)&^3]
			out, err = base64.StdEncoding.DecodeString(s)
		}
	}
	return out
}

// pemKey tells a legacy encrypted PEM key (Proc-Type: 4,ENCRYPTED with DEK-Info) from
// a key in clear.
func pemKey(label string, body []byte) Result {
	if !bytes.Contains(body[:min(len(body), 512)], []byte("Proc-Type: 4,ENCRYPTED")) {
		return Result{Verdict: Plain, Format: "PEM " + label, Note: "private key in clear", Content: ContentOpaque}
	}
	r := Result{Verdict: Encrypted, Format: "PEM " + label, Note: "legacy Proc-Type encryption"}
	if i := bytes.Index(body, []byte("DEK-Info:")); i >= 0 {
		v := body[i+len("DEK-Info:"):]
		if j := bytes.IndexAny(v, ",\r\n"); j >= 0 {
			v = v[:j]
		}
		r.Cipher = cstr(bytes.TrimSpace(v[:min(len(v), 32)]))
		if strings.HasPrefix(r.Cipher, "DES-CBC") || strings.HasPrefix(r.Cipher, "RC2") {
			r.Verdict = Weak
		}
	}
	return r
}

// opensshKey reads the cipher name of an "openssh-key-v1" private key.
func opensshKey(d []byte) Result {
	const magic = "openssh-key-v1\x00"
	r := Result{Verdict: Plain, Format: "OpenSSH private key", Note: "private key in clear", Content: ContentOpaque}
	if !hasPrefix(d, magic) || len(d) < len(magic)+4 {
		return r
	}
	p := d[len(magic):]
	n := int(uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3]))
	if n <= 0 || n > 64 || 4+n > len(p) {
		return r
	}
	if c := string(p[4 : 4+n]); c != "none" {
		return Result{Verdict: Encrypted, Format: "OpenSSH private key", Cipher: cstr([]byte(c))}
	}
	return r
}
