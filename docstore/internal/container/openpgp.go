package container

import "unicode/utf8"

// OpenPGP packet tags (RFC 9580).
const (
	pgpPKESK      = 1
	pgpSig        = 2
	pgpSKESK      = 3
	pgpOnePass    = 4
	pgpSecretKey  = 5
	pgpPublicKey  = 6
	pgpCompressed = 8
	pgpSED        = 9
	pgpMarker     = 10
	pgpLiteral    = 11
	pgpSEIPD      = 18
	pgpAEAD       = 20
)

var pgpCiphers = map[byte]string{
	1: "IDEA", 2: "3DES", 3: "CAST5", 4: "Blowfish", 7: "AES-128", 8: "AES-192", 9: "AES-256",
	10: "Twofish", 11: "Camellia-128", 12: "Camellia-192", 13: "Camellia-256",
}

// probeOpenPGP recognises binary OpenPGP data by walking its first packets.
func probeOpenPGP(b *Blob) (Result, bool) {
	if len(b.Head) < 2 || b.Head[0]&0x80 == 0 {
		return Result{}, false
	}
	r, end, ok := walkOpenPGPEnd(b.Head)
	if !ok || r.Verdict != Encrypted {
		return r, ok
	}
	if end > 0 && end < b.Size {
		// the encrypted packet has a definite length: whatever follows is not in it,
		// and is read when it starts as text
		r.Trailing = b.Size - end
		if start, err := b.At(end, 4096); err == nil || len(start) > 0 {
			if LooksText(start) {
				r.Clear = []Span{{Off: end, Len: r.Trailing}}
			}
		}
		return r, true
	}
	return withTrailing(r, b, 0), true
}

type pgpPacket struct {
	tag     byte
	body    []byte // possibly cut at the end of the window
	partial bool
	whole   bool // the body is all there (not cut by the window, not partial)
	hdr     int  // header length
	length  int  // declared body length (of the first chunk when partial)
}

// nextPacket parses one packet header. ok is false on a malformed header.
func nextPacket(d []byte) (p pgpPacket, rest []byte, ok bool) {
	if len(d) < 2 || d[0]&0x80 == 0 {
		return p, nil, false
	}
	var n, hdr int
	if d[0]&0x40 != 0 { // new format
		p.tag = d[0] & 0x3f
		o := int(d[1])
		switch {
		case o < 192:
			n, hdr = o, 2
		case o < 224:
			if len(d) < 3 {
				return p, nil, false
			}
			n, hdr = (o-192)<<8+int(d[2])+192, 3
		case o == 255:
			if len(d) < 6 {
				return p, nil, false
			}
			n, hdr = int(uint32(d[2])<<24|uint32(d[3])<<16|uint32(d[4])<<8|uint32(d[5])), 6
		default:
			n, hdr, p.partial = 1<<(o&0x1f), 2, true
		}
	} else {
		p.tag = (d[0] >> 2) & 0x0f
		switch d[0] & 3 {
		case 0:
			n, hdr = int(d[1]), 2
		case 1:
			if len(d) < 3 {
				return p, nil, false
			}
			n, hdr = int(d[1])<<8|int(d[2]), 3
		case 2:
			if len(d) < 5 {
				return p, nil, false
			}
			n, hdr = int(uint32(d[1])<<24|uint32(d[2])<<16|uint32(d[3])<<8|uint32(d[4])), 5
		default:
			n, hdr, p.partial = len(d)-1, 1, true
		}
	}
	if n < 0 || hdr > len(d) {
		return p, nil, false
	}
	p.hdr, p.length = hdr, n
	end := hdr + n
	p.whole = !p.partial && end <= len(d) && end >= hdr
	if end > len(d) || end < hdr {
		end = len(d)
	}
	p.body = d[hdr:end]
	return p, d[end:], true
}

// walkOpenPGP reads the first packets of an OpenPGP stream. Encryption shows as
// session key packets (PKESK, SKESK) followed by encrypted data (SEIPD, AEAD, SED)
// whose bytes look like ciphertext.
func walkOpenPGP(d []byte) (Result, bool) {
	r, _, ok := walkOpenPGPEnd(d)
	return r, ok
}

// walkOpenPGPEnd is walkOpenPGP that also gives, for an encrypted message whose data
// packet has a definite length, the offset just after that packet (else 0).
func walkOpenPGPEnd(d []byte) (r Result, end int64, ok bool) {
	var keys []Note
	off := int64(0)
	r.Format = FormatOpenPGP
	for i := 0; i < 16 && len(d) > 0; i++ {
		p, rest, ok := nextPacket(d)
		if !ok || len(p.body) == 0 {
			return Result{}, 0, false
		}
		switch p.tag {
		case pgpMarker:
			if string(p.body) != "PGP" {
				return Result{}, 0, false
			}
		case pgpPKESK:
			if !p.whole || !pgpPKESKFields(p.body) {
				return Result{}, 0, false
			}
			keys = appendUniqueNote(keys, NotePublicKeyRecipient)
		case pgpSKESK:
			v := p.body[0]
			if !p.whole || !pgpSKESKFields(p.body) {
				return Result{}, 0, false
			}
			keys = appendUniqueNote(keys, NotePassphrase)
			if v == 6 {
				r.Cipher = pgpCiphers[p.body[2]]
			} else {
				r.Cipher = pgpCiphers[p.body[1]]
			}
		case pgpSEIPD, pgpAEAD, pgpSED:
			if len(keys) == 0 {
				// Encrypted data needs a session key packet before it. A bare SED
				// packet (PGP 2 conventional encryption) is also what one random
				// byte in 64 looks like, so it is left to the statistics.
				return Result{}, 0, false
			}
			data, ok := pgpEncryptedData(p, &r)
			if !ok || !cipherLike(data[:min(len(data), RandomWindow)]) {
				return Result{}, 0, false
			}
			r.Verdict = Encrypted
			r.Notes = append(r.Notes, keys...)
			if p.tag == pgpSED {
				r.Note(NoteNoIntegrity)
			}
			if !p.partial {
				end = off + int64(p.hdr) + int64(p.length)
			}
			return r, end, true
		case pgpCompressed:
			if p.body[0] > 3 && (p.body[0] < 100 || p.body[0] > 110) {
				return Result{}, 0, false
			}
			// a compressed packet outside any encrypted one: readable by anyone
			return Result{Verdict: Plain, Format: FormatOpenPGP, Notes: []Note{NoteSignedOrCompressed}, Content: ContentOpenPGP}, 0, true
		case pgpOnePass, pgpSig, pgpLiteral:
			if !pgpPlainPacket(p.tag, p.body) {
				return Result{}, 0, false
			}
			return Result{Verdict: Plain, Format: FormatOpenPGP, Notes: []Note{NoteSignedOrCompressed}, Content: ContentOpenPGP}, 0, true
		case pgpPublicKey:
			if !pgpKeyPacket(p.body) {
				return Result{}, 0, false
			}
			return publicKey(FormatPGPPublicKey), 0, true
		case pgpSecretKey:
			if !pgpKeyPacket(p.body) {
				return Result{}, 0, false
			}
			return pgpSecretKeyResult(p.body), 0, true
		default:
			return Result{}, 0, false
		}
		if p.partial {
			break
		}
		off += int64(len(d) - len(rest))
		d = rest
	}
	// Session key packets are small and whole in the window, so the encrypted data
	// packet that must follow them is in the window too: without it, no claim.
	return Result{}, 0, false
}

// pgpEncryptedData checks the fixed fields of an encrypted data packet (RFC 9580 5.7,
// 5.13; LibrePGP's AEAD packet) and returns its ciphertext as far as the window goes.
func pgpEncryptedData(p pgpPacket, r *Result) ([]byte, bool) {
	b := p.body
	switch {
	case p.tag == pgpSED:
		return b, true
	case p.tag == pgpSEIPD && b[0] == 1:
		return b[1:], true
	case p.tag == pgpSEIPD && b[0] == 2 && len(b) >= 36: // version, cipher, AEAD mode, chunk size, 32-byte salt
		r.Cipher = pgpCiphers[b[1]]
		return b[36:], b[2] >= 1 && b[2] <= 3 && b[3] <= 16
	case p.tag == pgpAEAD && b[0] == 1 && len(b) >= 4: // version, cipher, AEAD mode, chunk size, IV
		r.Cipher = pgpCiphers[b[1]]
		return b[4:], b[2] >= 1 && b[2] <= 3 && b[3] <= 56
	}
	return nil, false
}

func appendUniqueNote(s []Note, n Note) []Note {
	for _, x := range s {
		if x == n {
			return s
		}
	}
	return append(s, n)
}

// pgpPKESKFields checks a public-key encrypted session key packet (RFC 9580 5.1):
// v3: version, 8-byte key id, algorithm, then the algorithm's fields; v6: version,
// length of the key fields (0, or key version and fingerprint), algorithm, fields.
// The algorithm may be one this reader does not know (SM2, the post-quantum ones): the
// packet's structure, followed by encrypted data, says "encrypted" whatever it is.
// Session keys of any algorithm fit in a few KiB.
func pgpPKESKFields(b []byte) bool {
	if len(b) > 4096 {
		return false
	}
	switch {
	case len(b) >= 12 && b[0] == 3:
		return b[9] != 0
	case len(b) >= 4 && b[0] == 6:
		n := int(b[1])
		return (n == 0 || n == 21 || n == 33) && 3+n < len(b) && b[2+n] != 0 && (n == 0 || b[2] == 4 || b[2] == 6)
	}
	return false
}

// pgpSKESKFields checks a symmetric-key encrypted session key packet (RFC 9580 5.3):
// v4: version, cipher, S2K; v5/v6: version, count, cipher, AEAD mode, S2K.
func pgpSKESKFields(b []byte) bool {
	if len(b) > 512 {
		return false
	}
	switch {
	case len(b) >= 4 && b[0] == 4:
		return pgpCiphers[b[1]] != "" && pgpS2K(b[2])
	case len(b) >= 5 && b[0] == 5: // LibrePGP: version, cipher, AEAD mode, S2K
		return pgpCiphers[b[1]] != "" && b[2] >= 1 && b[2] <= 3 && pgpS2K(b[3])
	case len(b) >= 7 && b[0] == 6: // RFC 9580: version, count, cipher, AEAD mode, S2K length, S2K
		return int(b[1]) < len(b) && pgpCiphers[b[2]] != "" && b[3] >= 1 && b[3] <= 3 && pgpS2K(b[5])
	}
	return false
}

// pgpS2K reports whether t is a string-to-key specifier type: simple, salted,
// iterated and salted, Argon2.
func pgpS2K(t byte) bool { return t == 0 || t == 1 || t == 3 || t == 4 }

// pgpSecretKeyResult skips the public part of a v4 secret key packet to read its S2K
// usage byte: 0 means the secret key is stored in clear.
func pgpSecretKeyResult(k []byte) Result {
	r := Result{Verdict: Plain, Format: FormatPGPPrivateKey, Notes: []Note{NoteProtectionNotDecoded}, Content: ContentOpaque, Role: RolePrivateKey}
	if k[0] != 4 || len(k) < 6 {
		return r
	}
	p := 6 // version, 4-byte time, algorithm
	mpi := func() bool {
		if p+2 > len(k) {
			return false
		}
		bits := int(k[p])<<8 | int(k[p+1])
		p += 2 + (bits+7)/8
		return p <= len(k)
	}
	oid := func() bool {
		if p >= len(k) {
			return false
		}
		p += 1 + int(k[p])
		return p <= len(k)
	}
	mpis := func(n int) bool {
		for range n {
			if !mpi() {
				return false
			}
		}
		return true
	}
	ok := true
	switch k[5] {
	case 1, 2, 3: // RSA: n, e
		ok = mpis(2)
	case 16: // ElGamal: p, g, y
		ok = mpis(3)
	case 17: // DSA: p, q, g, y
		ok = mpis(4)
	case 19, 22: // ECDSA, EdDSA: curve OID, point
		ok = oid() && mpi()
	case 18: // ECDH: curve OID, point, KDF parameters
		ok = oid() && mpi() && oid()
	default:
		return r
	}
	if !ok || p >= len(k) {
		return r
	}
	if k[p] == 0 {
		return Result{Verdict: Plain, Format: FormatPGPPrivateKey, Notes: []Note{NotePrivateKeyInClear}, Content: ContentOpaque, Role: RolePrivateKey}
	}
	r = Result{Verdict: Encrypted, Format: FormatPGPPrivateKey, Notes: []Note{NotePassphraseProtected}, Role: RolePrivateKey}
	if (k[p] == 254 || k[p] == 255) && p+1 < len(k) {
		r.Cipher = pgpCiphers[k[p+1]]
	}
	return r
}

// pgpPlainPacket checks the fixed fields of a signature, one-pass signature or literal
// data packet (RFC 9580 5.2, 5.4, 5.9), to tell OpenPGP from binary data that only
// starts like a packet: random bytes pass the version byte alone about once in 50.
func pgpPlainPacket(tag byte, b []byte) bool {
	switch tag {
	case pgpSig:
		switch {
		case len(b) >= 7 && b[0] == 3: // v3: hashed length 5, type, time, key id...
			return b[1] == 5 && pgpSigTypes[b[2]]
		case len(b) >= 4 && b[0] >= 4 && b[0] <= 6:
			return pgpSigTypes[b[1]] && pgpPubKeyAlgos[b[2]] && pgpHashAlgos[b[3]]
		}
		return false
	case pgpOnePass:
		switch {
		case len(b) >= 13 && b[0] == 3: // version, type, hash, key algorithm, key id, nested
			return pgpSigTypes[b[1]] && pgpHashAlgos[b[2]] && pgpPubKeyAlgos[b[3]] && b[12] <= 1
		case len(b) >= 5 && b[0] == 6:
			return pgpSigTypes[b[1]] && pgpHashAlgos[b[2]] && pgpPubKeyAlgos[b[3]]
		}
		return false
	}
	// literal data: format, file name length, file name, 4-byte date
	if len(b) < 6 || !(b[0] == 'b' || b[0] == 't' || b[0] == 'u' || b[0] == 'l' || b[0] == '1' || b[0] == 'm') {
		return false
	}
	n := int(b[1])
	if 2+n+4 > len(b) {
		return false
	}
	name := b[2 : 2+n]
	if !utf8.Valid(name) {
		return false
	}
	for _, c := range name {
		if c < 0x20 || c == 0x7f {
			return false // file names are printable text
		}
	}
	return true
}

// pgpKeyPacket checks the version and public-key algorithm of a key packet (RFC 9580
// 5.5.2): version, 4-byte creation time, (v3: 2-byte validity,) algorithm.
func pgpKeyPacket(b []byte) bool {
	switch {
	case len(b) >= 8 && b[0] == 3:
		return pgpPubKeyAlgos[b[7]]
	case len(b) >= 6 && b[0] >= 4 && b[0] <= 6:
		return pgpPubKeyAlgos[b[5]]
	}
	return false
}

// Known values of the fields pgpPlainPacket and pgpKeyPacket read (RFC 9580 9.1, 9.5, 5.2.1).
var (
	pgpSigTypes    = byteSet(0x00, 0x01, 0x02, 0x10, 0x11, 0x12, 0x13, 0x18, 0x19, 0x1f, 0x20, 0x28, 0x30, 0x40, 0x50)
	pgpPubKeyAlgos = byteSet(1, 2, 3, 16, 17, 18, 19, 20, 22, 25, 26, 27, 28)
	pgpHashAlgos   = byteSet(1, 2, 3, 8, 9, 10, 11, 12, 14)
)

func byteSet(values ...byte) (set [256]bool) {
	for _, v := range values {
		set[v] = true
	}
	return set
}
