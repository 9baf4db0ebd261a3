package container

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"encoding/hex"

	"golang.org/x/crypto/argon2"
)

// KeePass signatures: signature 1 then signature 2 (KDBX 2-4, or the old KDB).
const (
	keepassSig1 = 0x9AA2D903
	kdbxSig2    = 0xB54BFB67
	kdbSig2     = 0xB54BFB65
)

var kdbxCiphers = map[string]string{
	"31c1f2e6bf714350be5805216afc5aff": "AES-256",
	"d6038a2b8b6f4cb5a524339a31dbb59a": "ChaCha20",
	"ad68f29f576f4bb9a36ad47af965346c": "Twofish",
}

// KDF identifiers of KDBX 4 ($UUID of the KDF parameters).
const (
	kdfAES      = "c9d9f39a628a4460bf740d08c18a4fea"
	kdfArgon2d  = "ef636ddf8c29444b91f7a9a403e30a0c"
	kdfArgon2id = "9e298b1956db4773b23dfc3ec6f0a1e6"
)

// The work the inspector spends trying the empty master password: AES-KDF rounds and
// Argon2 memory passes (memory × iterations) beyond which it says it did not try.
const (
	maxAESKDFRounds   = 1 << 24 // about 0.6 s of one core
	maxArgon2Memory   = 256 << 20
	maxArgon2Passes   = 1 << 30
	kdbxMaxHeaderSize = 64 << 10
)

// kdbxHeader is what the probe reads of a KDBX header.
type kdbxHeader struct {
	major                      uint16
	cipher                     string
	masterSeed                 []byte
	iv                         []byte
	transformSeed, streamStart []byte // KDBX 3
	rounds                     uint64 // KDBX 3, and KDBX 4 with AES-KDF
	kdf                        string // KDBX 4: kdfAES, kdfArgon2d, kdfArgon2id
	kdfParams                  map[string][]byte
	end                        int // offset just after the header fields
	ok                         bool
}

// probeKDBX recognises KeePass databases. The header must parse (the cipher, the
// seeds and IV of the right sizes, the end-of-header field; for KDBX 4 the SHA-256 of
// the header that follows it) and the database must not open with an empty master
// password: one that does is weak, it opens for anyone.
func probeKDBX(b *Blob) (Result, bool) {
	h := b.Head
	if len(h) < 12 || binary.LittleEndian.Uint32(h) != keepassSig1 {
		return Result{}, false
	}
	switch binary.LittleEndian.Uint32(h[4:]) {
	case kdbSig2:
		if len(h) < 124 || !cipherLike(h[124:min(len(h), RandomWindow)]) {
			return Result{}, false
		}
		return Result{Verdict: Encrypted, Format: FormatKeePass, Detail: "KDB"}, true
	case kdbxSig2:
	default:
		return Result{}, false
	}
	k := parseKDBX(h)
	if !k.ok {
		return Result{}, false
	}
	r := Result{Verdict: Encrypted, Format: FormatKeePass, Detail: "KDBX " + itoa(int(k.major)), Cipher: k.cipher}
	payload := h[k.end:]
	if k.major >= 4 {
		if len(payload) < 64 {
			return Result{}, false
		}
		if sum := sha256.Sum256(h[:k.end]); !bytes.Equal(sum[:], payload[:32]) {
			return Result{}, false // the header's own checksum does not hold
		}
		payload = payload[64:]
	}
	if len(payload) < 16 || !cipherLike(payload[:min(len(payload), RandomWindow)]) {
		return Result{}, false
	}
	switch opens, tried := k.opensEmpty(h); {
	case opens:
		r.Verdict = Weak
		r.Note(NoteEmptyMasterPassword)
	case !tried:
		r.Note(NoteKDFNotTried)
	}
	return r, true
}

// parseKDBX reads the header fields (KDBX 3 has 2-byte field lengths, KDBX 4 has
// 4-byte ones).
func parseKDBX(h []byte) kdbxHeader {
	k := kdbxHeader{major: binary.LittleEndian.Uint16(h[10:])}
	if k.major < 2 || k.major > 4 {
		return k
	}
	lenSize := 2
	if k.major >= 4 {
		lenSize = 4
	}
	p := 12
	for range 64 {
		if p+1+lenSize > len(h) {
			return k
		}
		id := h[p]
		var n int
		if lenSize == 2 {
			n = int(binary.LittleEndian.Uint16(h[p+1:]))
		} else {
			n = int(min(binary.LittleEndian.Uint32(h[p+1:]), kdbxMaxHeaderSize))
		}
		p += 1 + lenSize
		if p+n > len(h) {
			return k
		}
		v := h[p : p+n]
		p += n
		switch id {
		case 0:
			k.end = p
			k.ok = k.cipher != "" && len(k.masterSeed) == 32 && (len(k.iv) == 16 || len(k.iv) == 12) &&
				(k.major >= 4 && k.kdf != "" || k.major < 4 && len(k.transformSeed) == 32 && len(k.streamStart) == 32)
			return k
		case 2:
			if n != 16 {
				return k
			}
			k.cipher = kdbxCiphers[hex.EncodeToString(v)]
		case 3:
			if n != 4 || binary.LittleEndian.Uint32(v) > 1 {
				return k
			}
		case 4:
			k.masterSeed = v
		case 5:
			k.transformSeed = v
		case 6:
			if n != 8 {
				return k
			}
			k.rounds = binary.LittleEndian.Uint64(v)
		case 7:
			k.iv = v
		case 9:
			k.streamStart = v
		case 11:
			k.kdfParams = variantDictionary(v)
			if k.kdfParams == nil {
				return k
			}
			k.kdf = hex.EncodeToString(k.kdfParams["$UUID"])
			if r := k.kdfParams["R"]; len(r) == 8 {
				k.rounds = binary.LittleEndian.Uint64(r)
			}
		}
	}
	return k
}

// variantDictionary decodes the KDBX 4 KDF parameters: version 0x01xx, then entries
// of type, key and value until type 0.
func variantDictionary(d []byte) map[string][]byte {
	if len(d) < 2 || d[1] != 1 {
		return nil
	}
	m := map[string][]byte{}
	p := 2
	for range 64 {
		if p >= len(d) {
			return nil
		}
		typ := d[p]
		if typ == 0 {
			return m
		}
		if p+5 > len(d) {
			return nil
		}
		kl := int(binary.LittleEndian.Uint32(d[p+1:]))
		p += 5
		if kl < 0 || kl > 256 || p+kl+4 > len(d) {
			return nil
		}
		key := string(d[p : p+kl])
		p += kl
		vl := int(binary.LittleEndian.Uint32(d[p:]))
		p += 4
		if vl < 0 || vl > 1024 || p+vl > len(d) {
			return nil
		}
		m[key] = d[p : p+vl]
		p += vl
	}
	return nil
}

// opensEmpty tries the empty master password as KeePass 2 and KeePassXC write it: a
// password key of the empty string, SHA-256(SHA-256("")) as the composite key (neither
// program makes a database with no key at all). tried is false when the key derivation
// costs more than the inspector spends, or is one it does not run.
func (k kdbxHeader) opensEmpty(h []byte) (opens, tried bool) {
	if k.major < 4 && k.cipher != "AES-256" {
		return false, false
	}
	empty := sha256.Sum256(nil)
	composite := sha256.Sum256(empty[:])
	key, ok := k.transform(composite[:])
	if !ok {
		return false, false
	}
	return k.checkKey(h, key), true
}

// transform runs the key derivation on a composite key.
func (k kdbxHeader) transform(composite []byte) ([]byte, bool) {
	if k.major < 4 || k.kdf == kdfAES {
		seed := k.transformSeed
		if k.major >= 4 {
			seed = k.kdfParams["S"]
		}
		if len(seed) != 32 || k.rounds > maxAESKDFRounds {
			return nil, false
		}
		block, err := aes.NewCipher(seed)
		if err != nil {
			return nil, false
		}
		out := append([]byte(nil), composite...)
		for range k.rounds {
			block.Encrypt(out[:16], out[:16])
			block.Encrypt(out[16:], out[16:])
		}
		sum := sha256.Sum256(out)
		return sum[:], true
	}
	if k.kdf != kdfArgon2id { // Argon2d is not in the Go library
		return nil, false
	}
	u32 := func(name string) (uint64, bool) {
		v := k.kdfParams[name]
		switch len(v) {
		case 4:
			return uint64(binary.LittleEndian.Uint32(v)), true
		case 8:
			return binary.LittleEndian.Uint64(v), true
		}
		return 0, false
	}
	mem, ok1 := u32("M")
	iter, ok2 := u32("I")
	par, ok3 := u32("P")
	salt := k.kdfParams["S"]
	if !ok1 || !ok2 || !ok3 || len(salt) < 8 || mem < 8<<10 || mem > maxArgon2Memory || iter == 0 || mem*iter > maxArgon2Passes || par == 0 || par > 255 {
		return nil, false
	}
	if len(k.kdfParams["K"]) > 0 || len(k.kdfParams["A"]) > 0 {
		return nil, false
	}
	return argon2.IDKey(composite, salt, uint32(iter), uint32(mem>>10), uint8(par), 32), true
}

// checkKey verifies a transformed key: KDBX 3 decrypts the first block of the payload
// and compares it with the stream start bytes of the header; KDBX 4 checks the HMAC of
// the header.
func (k kdbxHeader) checkKey(h, transformed []byte) bool {
	if k.major >= 4 {
		hk := sha512.New()
		hk.Write(k.masterSeed)
		hk.Write(transformed)
		hk.Write([]byte{1})
		blockKey := sha512.New()
		blockKey.Write([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
		blockKey.Write(hk.Sum(nil))
		mac := hmac.New(sha256.New, blockKey.Sum(nil))
		mac.Write(h[:k.end])
		return len(h) >= k.end+64 && hmac.Equal(mac.Sum(nil), h[k.end+32:k.end+64])
	}
	if k.cipher != "AES-256" || len(k.iv) != 16 || len(h) < k.end+32 {
		return false
	}
	key := sha256.New()
	key.Write(k.masterSeed)
	key.Write(transformed)
	block, err := aes.NewCipher(key.Sum(nil))
	if err != nil {
		return false
	}
	out := make([]byte, 32)
	cipher.NewCBCDecrypter(block, k.iv).CryptBlocks(out, h[k.end:k.end+32])
	return bytes.Equal(out, k.streamStart)
}
