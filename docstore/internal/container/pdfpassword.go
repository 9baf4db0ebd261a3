package container

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"hash"
)

// pdfPad is the padding string of the PDF standard security handler (ISO 32000-1,
// 7.6.3.3, Algorithm 2).
var pdfPad = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

// pdfEmptyPassword tries the empty password on the standard security handler, as a
// reader does when it opens a file: first as the user password, then as the owner
// password (an empty owner password opens the file too, with every right). It returns
// the file key and which password was empty (NoteEmptyUserPassword or
// NoteEmptyOwnerPassword), or "" when neither opens the file. id0 is the first element
// of the trailer /ID (revisions 2 to 4 need it).
func pdfEmptyPassword(enc, id0 []byte) ([]byte, Note) {
	if enc == nil {
		return nil, ""
	}
	if f := pdfValue(enc, "/Filter"); f != nil && string(f) != "/Standard" {
		return nil, ""
	}
	if key, ok := pdfUserKey(enc, id0, pdfPad); ok {
		return key, NoteEmptyUserPassword
	}
	if key, ok := pdfOwnerKey(enc, id0); ok {
		return key, NoteEmptyOwnerPassword
	}
	return nil, ""
}

// pdfRC4KeyLen is the length in bytes of the RC4 or AES-128 file key (revisions 2 to 4).
func pdfRC4KeyLen(enc []byte, rev int) int {
	if rev == 2 {
		return 5
	}
	n := pdfInt(enc, "/Length", 40) / 8
	if n < 5 || n > 16 {
		n = 16
	}
	return n
}

// pdfUserKey authenticates padded (a 32-byte padded password) as the user password of
// revisions 2 to 4 (ISO 32000-1, Algorithms 2, 4 and 5), or the empty password as the
// user password of revisions 5 and 6, and returns the file key.
func pdfUserKey(enc, id0, padded []byte) ([]byte, bool) {
	rev := pdfInt(enc, "/R", 0)
	u, ok := pdfString(pdfValue(enc, "/U"))
	if !ok {
		return nil, false
	}
	switch {
	case rev >= 2 && rev <= 4:
		o, ok := pdfString(pdfValue(enc, "/O"))
		if !ok || len(o) < 32 || len(u) < 16 || id0 == nil {
			return nil, false
		}
		n := pdfRC4KeyLen(enc, rev)
		h := md5.New()
		h.Write(padded)
		h.Write(o[:32])
		var p [4]byte
		binary.LittleEndian.PutUint32(p[:], uint32(int32(pdfInt(enc, "/P", 0))))
		h.Write(p[:])
		h.Write(id0)
		if rev == 4 && string(pdfValue(enc, "/EncryptMetadata")) == "false" {
			h.Write([]byte{0xff, 0xff, 0xff, 0xff})
		}
		key := h.Sum(nil)
		if rev >= 3 {
			for range 50 {
				s := md5.Sum(key[:n])
				key = s[:]
			}
		}
		key = key[:n]
		if rev == 2 {
			c, _ := rc4.NewCipher(key)
			out := make([]byte, 32)
			c.XORKeyStream(out, pdfPad)
			return key, len(u) >= 32 && bytes.Equal(out, u[:32])
		}
		h = md5.New()
		h.Write(pdfPad)
		h.Write(id0)
		out := h.Sum(nil)
		pdfRC4Rounds(key, out, false)
		return key, bytes.Equal(out[:16], u[:16])
	case rev == 5 || rev == 6:
		ue, ok := pdfString(pdfValue(enc, "/UE"))
		if len(u) < 48 || !ok || len(ue) < 32 {
			return nil, false
		}
		return pdfAESKey(rev, u[32:40], u[40:48], nil, u[:32], ue[:32])
	}
	return nil, false
}

// pdfOwnerKey authenticates the empty owner password (Algorithms 3 and 7 for
// revisions 2 to 4: the owner key decrypts /O into the user password, which must then
// authenticate; Algorithm 2.A for revisions 5 and 6) and returns the file key.
func pdfOwnerKey(enc, id0 []byte) ([]byte, bool) {
	rev := pdfInt(enc, "/R", 0)
	o, ok := pdfString(pdfValue(enc, "/O"))
	if !ok {
		return nil, false
	}
	switch {
	case rev >= 2 && rev <= 4:
		if len(o) < 32 {
			return nil, false
		}
		n := pdfRC4KeyLen(enc, rev)
		s := md5.Sum(pdfPad)
		key := s[:]
		if rev >= 3 {
			for range 50 {
				s := md5.Sum(key)
				key = s[:]
			}
		}
		key = key[:n]
		user := append([]byte(nil), o[:32]...)
		if rev == 2 {
			c, _ := rc4.NewCipher(key)
			c.XORKeyStream(user, user)
		} else {
			pdfRC4Rounds(key, user, true)
		}
		return pdfUserKey(enc, id0, user)
	case rev == 5 || rev == 6:
		u, ok1 := pdfString(pdfValue(enc, "/U"))
		oe, ok2 := pdfString(pdfValue(enc, "/OE"))
		if !ok1 || !ok2 || len(o) < 48 || len(u) < 48 || len(oe) < 32 {
			return nil, false
		}
		return pdfAESKey(rev, o[32:40], o[40:48], u[:48], o[:32], oe[:32])
	}
	return nil, false
}

// pdfRC4Rounds runs the 20 RC4 passes of revisions 3 and 4 over data in place, with
// the key XORed with the pass number: 0 to 19, or 19 down to 0 when reverse.
func pdfRC4Rounds(key, data []byte, reverse bool) {
	k := make([]byte, len(key))
	for i := range 20 {
		x := i
		if reverse {
			x = 19 - i
		}
		for j := range key {
			k[j] = key[j] ^ byte(x)
		}
		c, _ := rc4.NewCipher(k)
		c.XORKeyStream(data, data)
	}
}

// pdfAESKey checks the empty password against the validation salt and hash of
// revisions 5 and 6 (udata is the /U string for the owner password, nil for the
// user's) and decrypts the file key from /UE or /OE with the key salt.
func pdfAESKey(rev int, validation, keySalt, udata, hash, wrapped []byte) ([]byte, bool) {
	var got, inter []byte
	if rev == 5 {
		h := sha256.New()
		h.Write(validation)
		h.Write(udata)
		got = h.Sum(nil)
		h = sha256.New()
		h.Write(keySalt)
		h.Write(udata)
		inter = h.Sum(nil)
	} else {
		got = pdfHash2B(nil, validation, udata)
		inter = pdfHash2B(nil, keySalt, udata)
	}
	if !bytes.Equal(got, hash) {
		return nil, false
	}
	block, err := aes.NewCipher(inter)
	if err != nil {
		return nil, false
	}
	key := make([]byte, 32)
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, wrapped)
	return key, true
}

// PDFDecrypter returns, for a PDF that opens with the empty user password, a
// function that decrypts the data of a stream of object num, generation gen
// (Algorithm 1 of ISO 32000: RC4 or AES-128 with a per-object key, AES-256 with the
// file key). ok is false for any other PDF.
func PDFDecrypter(b *Blob) (decrypt func(num, gen int, data []byte) []byte, ok bool) {
	x := readPDFXref(b)
	enc, encrypted := pdfEncryptDict(b, x)
	if !encrypted {
		return nil, false
	}
	key, how := pdfEmptyPassword(enc, pdfID0(x.trailer()))
	if how == "" {
		return nil, false
	}
	v := pdfInt(enc, "/V", 0)
	cfm := string(bytes.TrimPrefix(pdfValue(pdfValue(enc, "/CF"), "/CFM"), []byte("/")))
	aesV2 := v == 4 && cfm == "AESV2"
	aesV3 := v == 5
	return func(num, gen int, data []byte) []byte {
		k := key
		if !aesV3 {
			h := md5.New()
			h.Write(key)
			h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), byte(gen), byte(gen >> 8)})
			if aesV2 {
				h.Write([]byte("sAlT"))
			}
			k = h.Sum(nil)[:min(len(key)+5, 16)]
		}
		if !aesV2 && !aesV3 {
			c, err := rc4.NewCipher(k)
			if err != nil {
				return nil
			}
			out := make([]byte, len(data))
			c.XORKeyStream(out, data)
			return out
		}
		if len(data) < 32 || len(data)%16 != 0 {
			return nil
		}
		block, err := aes.NewCipher(k)
		if err != nil {
			return nil
		}
		out := make([]byte, len(data)-16)
		cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(out, data[16:])
		if pad := int(out[len(out)-1]); pad >= 1 && pad <= 16 {
			out = out[:len(out)-pad]
		}
		return out
	}, true
}

// pdfHash2B is Algorithm 2.B of ISO 32000-2 (revision 6 password hash).
func pdfHash2B(password, salt, udata []byte) []byte {
	h := sha256.New()
	h.Write(password)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	for i := 0; ; i++ {
		seq := make([]byte, 0, len(password)+len(k)+len(udata))
		seq = append(append(append(seq, password...), k...), udata...)
		k1 := bytes.Repeat(seq, 64)
		block, err := aes.NewCipher(k[:16])
		if err != nil {
			return nil
		}
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, c := range e[:16] {
			sum += int(c)
		}
		var next hash.Hash
		switch sum % 3 {
		case 0:
			next = sha256.New()
		case 1:
			next = sha512.New384()
		default:
			next = sha512.New()
		}
		next.Write(e)
		k = next.Sum(nil)
		if i >= 63 && int(e[len(e)-1]) <= i-31 {
			break
		}
	}
	return k[:32]
}
