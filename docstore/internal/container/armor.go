package container

import (
	"bytes"
	"encoding/base64"
)

// probeArmor recognises PEM and OpenPGP ASCII armor at the start of a text file and
// decodes what needs decoding: an armored OpenPGP message is walked like a binary
// one; a signed message, a public key or a signature is not encrypted. A message whose
// packets cannot be decoded is not claimed encrypted (Unknown).
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
		r := pgpArmoredMessage(body)
		if r.Verdict == Encrypted || r.Verdict == Weak {
			r = armorTrailing(r, b, "-----END PGP MESSAGE-----")
		}
		return r, true
	case "PGP SIGNED MESSAGE":
		return Result{Verdict: Plain, Format: FormatPGPSignedText, Notes: []Note{NoteSigned}, Content: ContentText}, true
	case "PGP SIGNATURE":
		return Result{Verdict: Plain, Format: FormatPGPSignature, Content: ContentOpaque}, true
	case "PGP PUBLIC KEY BLOCK":
		return publicKey(FormatPGPPublicKey), true
	case "PGP PRIVATE KEY BLOCK":
		r, ok := walkOpenPGP(decodeArmorBody(body))
		if !ok {
			r = Result{Verdict: Plain, Format: FormatPGPPrivateKey, Notes: []Note{NoteProtectionNotDecoded}, Content: ContentOpaque, Role: RolePrivateKey}
		}
		return r, true
	case "ENCRYPTED PRIVATE KEY":
		r := Result{Verdict: Encrypted, Format: FormatPKCS8, Role: RolePrivateKey, Notes: []Note{NotePassphraseProtected}}
		var weak bool
		r.Cipher, weak = derCipher(decodeArmorBody(body))
		if weak {
			r.Verdict = Weak
		}
		return r, true
	case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY":
		return pemKey(label, body), true
	case "OPENSSH PRIVATE KEY":
		return opensshKey(decodeArmorBody(body)), true
	case "PKCS7", "CMS":
		r, ok := parseDER(decodeArmorBody(body))
		if !ok {
			r = Result{Verdict: Plain, Format: FormatPEM, Detail: label, Content: ContentOpaque}
		}
		return r, true
	case "PUBLIC KEY", "RSA PUBLIC KEY", "EC PUBLIC KEY":
		return publicKey(FormatPEMPublicKey), true
	case "CERTIFICATE", "TRUSTED CERTIFICATE", "X509 CRL", "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST":
		r := publicKey(FormatX509)
		r.Detail = "PEM"
		return r, true
	}
	return Result{Verdict: Plain, Format: FormatPEM, Detail: cstr([]byte(label[:min(len(label), 40)])), Content: ContentText}, true
}

// publicKey is the result of key material that holds nothing secret.
func publicKey(f Format) Result {
	return Result{Verdict: Plain, Format: f, Notes: []Note{NoteNothingSecret}, Content: ContentOpaque, Role: RolePublicKey}
}

// pgpArmoredMessage walks the packets of an armored OpenPGP message.
func pgpArmoredMessage(body []byte) Result {
	r, ok := walkOpenPGP(decodeArmorBody(body))
	if !ok {
		// Without a structure that holds, no claim: it may be encrypted, or not.
		r = Result{Verdict: Unknown, Format: FormatOpenPGP, Notes: []Note{NotePacketsNotDecoded}}
	}
	r.Note(NoteArmored)
	return r
}

// probeArmorInText finds an armored OpenPGP message or age file after text in clear: a
// message pasted into a mail body or a note. The block decides the verdict; the text
// around it is in clear, for the scan of personal data.
func probeArmorInText(b *Blob) (Result, bool) {
	h := b.Head
	if !LooksText(h[:min(len(h), 4096)]) {
		return Result{}, false
	}
	for _, a := range []struct{ head, foot string }{
		{"-----BEGIN PGP MESSAGE-----", "-----END PGP MESSAGE-----"},
		{ageArmorHead, ageArmorFoot},
	} {
		i := bytes.Index(h, []byte("\n"+a.head))
		if i < 0 {
			continue
		}
		begin := int64(i + 1)
		var r Result
		if a.head == ageArmorHead {
			var ok bool
			if r, ok = ageArmored(b, begin); !ok || r.Verdict != Encrypted {
				continue
			}
			r.Clear, r.Trailing = nil, 0
		} else {
			_, body, ok := armorBlock(h[begin:])
			if !ok {
				continue
			}
			if r = pgpArmoredMessage(body); r.Verdict != Encrypted && r.Verdict != Weak {
				continue
			}
		}
		r.Note(NoteAfterText)
		r.Clear = append(r.Clear, Span{Off: 0, Len: begin})
		if end := bytes.Index(h[begin:], []byte(a.foot)); end >= 0 {
			after := begin + int64(end+len(a.foot))
			r.Clear = append(r.Clear, Span{Off: after, Len: b.Size - after})
		}
		r.Content = ContentText
		return r, true
	}
	return Result{}, false
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

// decodeArmorBody drops the armor headers (RFC 9580 6.2: "Key: Value" lines up to the
// blank line; PEM's Proc-Type and DEK-Info too) and the OpenPGP checksum line, then
// decodes the base64. Characters outside the alphabet are skipped; decoding stops at
// padding or at maxRead bytes, and what decoded is kept: the packets needed are at
// the start.
func decodeArmorBody(body []byte) []byte {
	lines := bytes.Split(body, []byte("\n"))
	start := 0
	for i, l := range lines[:min(len(lines), 32)] {
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			if i > 0 || start > 0 {
				start = i + 1
				break
			}
			continue
		}
		if !bytes.Contains(l, []byte(":")) {
			break
		}
		start = i + 1
	}
	b64 := make([]byte, 0, min(len(body), maxRead))
	for _, l := range lines[start:] {
		l = bytes.TrimSpace(l)
		if len(l) == 5 && l[0] == '=' { // the OpenPGP CRC-24 line
			continue
		}
		for _, c := range l {
			if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' {
				b64 = append(b64, c)
			}
		}
		if len(b64) > maxRead || bytes.IndexByte(l, '=') >= 0 {
			break // padding ends the data
		}
	}
	b64 = b64[:len(b64)&^3]
	out := make([]byte, base64.StdEncoding.DecodedLen(len(b64)))
	n, _ := base64.StdEncoding.Decode(out, b64)
	return out[:n]
}

// pemKey tells a legacy encrypted PEM key (Proc-Type: 4,ENCRYPTED with DEK-Info) from
// a key in clear.
func pemKey(label string, body []byte) Result {
	label = map[string]string{"PRIVATE KEY": "PKCS#8", "RSA PRIVATE KEY": "RSA", "EC PRIVATE KEY": "EC", "DSA PRIVATE KEY": "DSA"}[label]
	if !bytes.Contains(body[:min(len(body), 512)], []byte("Proc-Type: 4,ENCRYPTED")) {
		return Result{Verdict: Plain, Format: FormatPEMPrivateKey, Detail: label, Notes: []Note{NotePrivateKeyInClear}, Content: ContentOpaque, Role: RolePrivateKey}
	}
	r := Result{Verdict: Encrypted, Format: FormatPEMPrivateKey, Detail: label, Notes: []Note{NoteLegacyPEM}, Role: RolePrivateKey}
	if i := bytes.Index(body, []byte("DEK-Info:")); i >= 0 {
		v := body[i+len("DEK-Info:"):]
		if j := bytes.IndexAny(v, ",\r\n"); j >= 0 {
			v = v[:j]
		}
		r.Cipher = cstr(bytes.TrimSpace(v[:min(len(v), 32)]))
		if hasPrefix([]byte(r.Cipher), "DES-CBC") || hasPrefix([]byte(r.Cipher), "RC2") {
			r.Verdict = Weak
		}
	}
	return r
}

// opensshKey reads the cipher name of an "openssh-key-v1" private key.
func opensshKey(d []byte) Result {
	const magic = "openssh-key-v1\x00"
	r := Result{Verdict: Plain, Format: FormatOpenSSHKey, Notes: []Note{NotePrivateKeyInClear}, Content: ContentOpaque, Role: RolePrivateKey}
	if !hasPrefix(d, magic) || len(d) < len(magic)+4 {
		return r
	}
	p := d[len(magic):]
	n := int(uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3]))
	if n <= 0 || n > 64 || 4+n > len(p) {
		return r
	}
	if c := string(p[4 : 4+n]); c != "none" {
		return Result{Verdict: Encrypted, Format: FormatOpenSSHKey, Cipher: cstr([]byte(c)), Notes: []Note{NotePassphraseProtected}, Role: RolePrivateKey}
	}
	return r
}
