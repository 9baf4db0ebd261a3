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

// pdfEmptyUserPassword reports whether the empty string opens the document: the
// standard security handler's user password check succeeds with no password. id0 is
// the first element of the trailer /ID (revisions 2 to 4 need it).
func pdfEmptyUserPassword(enc, id0 []byte) bool {
	_, ok := pdfEmptyKey(enc, id0)
	return ok
}

// pdfEmptyKey returns the file key when the empty user password opens the document.
func pdfEmptyKey(enc, id0 []byte) ([]byte, bool) {
	if enc == nil {
		return nil, false
	}
	if f := pdfValue(enc, "/Filter"); f != nil && string(f) != "/Standard" {
		return nil, false
	}
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
		n := 5
		if rev >= 3 {
			n = pdfInt(enc, "/Length", 40) / 8
			if n < 5 || n > 16 {
				n = 16
			}
		}
		h := md5.New()
		h.Write(pdfPad)
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
		k := make([]byte, n)
		for i := range 20 {
			for j := range key {
				k[j] = key[j] ^ byte(i)
			}
			c, _ := rc4.NewCipher(k)
			c.XORKeyStream(out, out)
		}
		return key, bytes.Equal(out[:16], u[:16])
	case rev == 5 || rev == 6:
		ue, ok := pdfString(pdfValue(enc, "/UE"))
		if len(u) < 48 || !ok || len(ue) < 32 {
			return nil, false
		}
		var got, inter []byte
		if rev == 5 {
			s := sha256.Sum256(u[32:40])
			got = s[:]
			k := sha256.Sum256(u[40:48])
			inter = k[:]
		} else {
			got = pdfHash2B(nil, u[32:40], nil)
			inter = pdfHash2B(nil, u[40:48], nil)
		}
		if !bytes.Equal(got, u[:32]) {
			return nil, false
		}
		block, err := aes.NewCipher(inter)
		if err != nil {
			return nil, false
		}
		key := make([]byte, 32)
		cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, ue[:32])
		return key, true
	}
	return nil, false
}

// PDFDecrypter returns, for a PDF that opens with the empty user password, a
// function that decrypts the data of a stream of object num, generation gen
// (Algorithm 1 of ISO 32000: RC4 or AES-128 with a per-object key, AES-256 with the
// file key). ok is false for any other PDF.
func PDFDecrypter(b *Blob) (decrypt func(num, gen int, data []byte) []byte, ok bool) {
	trailer := pdfTrailer(b)
	enc, encrypted := pdfEncryptDict(b, trailer)
	if !encrypted {
		return nil, false
	}
	var id0 []byte
	if id := pdfValue(trailer, "/ID"); id != nil {
		id0 = pdfFirstString(id)
	}
	key, ok := pdfEmptyKey(enc, id0)
	if !ok {
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
