package container

import (
	"bytes"
	"encoding/asn1"
)

// Object identifiers, as DER content bytes (without tag and length).
var (
	oidData          = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01}
	oidSignedData    = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02}
	oidEnvelopedData = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x03}
	oidEncryptedData = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x06}
	oidAuthEnveloped = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x01, 0x17}
	oidKeyBag        = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01, 0x01}
)

// derCiphers names content-encryption and password-based-encryption algorithms by
// OID. weak marks those a demanding user should not trust (40-bit RC2, single DES).
var derCiphers = []struct {
	oid  []byte
	name string
	weak bool
}{
	{[]byte{0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x02}, "AES-128-CBC", false},
	{[]byte{0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x16}, "AES-192-CBC", false},
	{[]byte{0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2a}, "AES-256-CBC", false},
	{[]byte{0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x06}, "AES-128-GCM", false},
	{[]byte{0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x1a}, "AES-192-GCM", false},
	{[]byte{0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2e}, "AES-256-GCM", false},
	{[]byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x03, 0x07}, "3DES-CBC", false},
	{[]byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01, 0x03}, "3DES", false},
	{[]byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01, 0x06}, "RC2-40", true},
	{[]byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x03, 0x02}, "RC2-CBC", true},
	{[]byte{0x2b, 0x0e, 0x03, 0x02, 0x07}, "DES-CBC", true},
	{[]byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x03}, "DES", true},
}

// derCipher finds the first known cipher OID in d (the content-encryption algorithm
// comes before any other cipher OID in CMS and PKCS#8 structures).
func derCipher(d []byte) (name string, weak bool) {
	best := -1
	for _, c := range derCiphers {
		pat := append([]byte{0x06, byte(len(c.oid))}, c.oid...)
		if i := bytes.Index(d, pat); i >= 0 && (best < 0 || i < best) {
			best, name, weak = i, c.name, c.weak
		}
	}
	return name, weak
}

// probeDER recognises DER-encoded CMS (PKCS#7), PKCS#12 and encrypted PKCS#8.
// A DER file is one definite-length SEQUENCE that spans the whole file (a line break
// after it is tolerated): checking that keeps text such as "3032..." (hex digits are
// 0x30-0x39) and random bytes from passing for a certificate.
func probeDER(b *Blob) (Result, bool) {
	if len(b.Head) < 8 || b.Head[0] != 0x30 {
		return Result{}, false
	}
	total, ok := derTotalLength(b.Head)
	if !ok {
		return Result{}, false
	}
	if extra := b.Size - total; extra < 0 || extra > 2 {
		return Result{}, false
	}
	return parseDER(b.Head)
}

// parseDER reads the outer structure of d (which may be cut at the window's end).
func parseDER(d []byte) (Result, bool) {
	var outer asn1.RawValue
	if !derHeader(d, &outer) || outer.Tag != asn1.TagSequence {
		return Result{}, false
	}
	var first asn1.RawValue
	if !derHeader(outer.Bytes, &first) {
		return Result{}, false
	}
	switch {
	case first.Tag == asn1.TagOID: // CMS ContentInfo
		return cmsResult(first.Bytes, d)
	case first.Tag == asn1.TagInteger && bytes.Equal(first.Bytes, []byte{3}): // PKCS#12 PFX
		r := Result{Verdict: Encrypted, Format: FormatPKCS12, Role: RolePrivateKey}
		if bytes.Contains(d, append([]byte{0x06, byte(len(oidKeyBag))}, oidKeyBag...)) {
			return Result{Verdict: Plain, Format: FormatPKCS12, Notes: []Note{NotePrivateKeyInClear}, Content: ContentOpaque, Role: RolePrivateKey}, true
		}
		name, weak := derCipher(d)
		r.Cipher = name
		if weak && name == "RC2-40" {
			r.Note(NoteLegacyPKCS12)
		}
		if weak && name != "RC2-40" {
			// legacy files protect certificates (public) with RC2-40; only a weak key
			// encryption makes the whole file weak
			r.Verdict = Weak
		}
		return r, true
	case first.Tag == asn1.TagSequence && first.IsCompound: // encrypted PKCS#8 or X.509
		var algo asn1.RawValue
		if derHeader(first.Bytes, &algo) && algo.Tag == asn1.TagOID {
			name, weak := derCipher(d)
			if name == "" {
				return Result{}, false
			}
			r := Result{Verdict: Encrypted, Format: FormatPKCS8, Cipher: name, Notes: []Note{NotePassphraseProtected}, Role: RolePrivateKey}
			if weak {
				r.Verdict = Weak
			}
			return r, true
		}
		if algo.Class == asn1.ClassContextSpecific || algo.Tag == asn1.TagInteger {
			r := publicKey(FormatX509)
			r.Detail = "DER"
			return r, true
		}
	}
	return Result{}, false
}

func cmsResult(oid, d []byte) (Result, bool) {
	switch {
	case bytes.Equal(oid, oidEnvelopedData), bytes.Equal(oid, oidAuthEnveloped), bytes.Equal(oid, oidEncryptedData):
		r := Result{Verdict: Encrypted, Format: FormatCMSEnveloped}
		if bytes.Equal(oid, oidEncryptedData) {
			r.Format = FormatCMSEncrypted
		}
		name, weak := derCipher(d)
		r.Cipher = name
		if weak {
			r.Verdict = Weak
		}
		return r, true
	case bytes.Equal(oid, oidSignedData):
		return Result{Verdict: Plain, Format: FormatCMSSigned, Notes: []Note{NoteSigned}}, true
	case bytes.Equal(oid, oidData):
		return Result{Verdict: Plain, Format: FormatCMSData}, true
	}
	return Result{}, false
}

// derTotalLength returns the length of the definite-length TLV at the start of d,
// header included.
func derTotalLength(d []byte) (int64, bool) {
	if len(d) < 2 {
		return 0, false
	}
	n, hdr := int64(d[1]), int64(2)
	if n&0x80 != 0 {
		k := int(n & 0x7f)
		if k == 0 || k > 4 || len(d) < 2+k {
			return 0, false
		}
		n = 0
		for _, c := range d[2 : 2+k] {
			n = n<<8 | int64(c)
		}
		hdr += int64(k)
	}
	return hdr + n, true
}

// derHeader parses one TLV whose content may be cut short by the window: the
// returned Bytes hold what is available.
func derHeader(d []byte, v *asn1.RawValue) bool {
	if len(d) < 2 {
		return false
	}
	v.Class = int(d[0] >> 6)
	v.IsCompound = d[0]&0x20 != 0
	v.Tag = int(d[0] & 0x1f)
	if v.Tag == 0x1f {
		return false
	}
	n, hdr := int(d[1]), 2
	if n&0x80 != 0 {
		k := n & 0x7f
		if k == 0 || k > 4 || len(d) < 2+k {
			return false
		}
		n = 0
		for _, c := range d[2 : 2+k] {
			n = n<<8 | int(c)
		}
		hdr = 2 + k
	}
	if n < 0 {
		return false
	}
	end := min(len(d), hdr+n)
	v.Bytes = d[hdr:end]
	return true
}
