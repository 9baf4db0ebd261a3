package container

import (
	"bytes"
	"encoding/binary"
	"unicode/utf16"
)

const oleMagic = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

// cfb is a minimal, bounded reader of Compound File Binary (OLE) containers: enough
// to list the directory and read small streams. Only the 109 FAT sectors listed in
// the header are followed (the first 7 MiB or 436 MiB of the file), which covers the
// directory and the small streams that encryption leaves near the start.
type cfb struct {
	b        *Blob
	shift    uint
	difat    []uint32
	miniCut  uint32
	miniFAT  uint32
	rootSect uint32
	rootSize uint64
}

type cfbEntry struct {
	name  string
	typ   byte
	start uint32
	size  uint64
}

func (c *cfb) sectorOff(sid uint32) int64 { return int64(sid+1) << c.shift }

// next follows the FAT from sid.
func (c *cfb) next(sid uint32) (uint32, bool) {
	per := uint32(1) << (c.shift - 2)
	i := sid / per
	if int(i) >= len(c.difat) || c.difat[i] >= 0xfffffffa {
		return 0, false
	}
	v, err := c.b.At(c.sectorOff(c.difat[i])+int64(sid%per)*4, 4)
	if err != nil || len(v) < 4 {
		return 0, false
	}
	return binary.LittleEndian.Uint32(v), true
}

// chain reads up to max bytes of the regular sector chain starting at sid.
func (c *cfb) chain(sid uint32, max int) []byte {
	var out []byte
	size := 1 << c.shift
	for n := 0; sid < 0xfffffffa && len(out) < max && n < 4096; n++ {
		s, err := c.b.At(c.sectorOff(sid), size)
		if err != nil && len(s) == 0 {
			break
		}
		out = append(out, s...)
		var ok bool
		if sid, ok = c.next(sid); !ok {
			break
		}
	}
	return out[:min(len(out), max)]
}

func newCFB(b *Blob) (*cfb, bool) {
	h := b.Head
	if !hasPrefix(h, oleMagic) || len(h) < 512 {
		return nil, false
	}
	c := &cfb{b: b, shift: uint(binary.LittleEndian.Uint16(h[0x1e:]))}
	if c.shift != 9 && c.shift != 12 {
		return nil, false
	}
	nFAT := binary.LittleEndian.Uint32(h[0x2c:])
	for i := 0; i < 109 && uint32(i) < nFAT; i++ {
		c.difat = append(c.difat, binary.LittleEndian.Uint32(h[0x4c+4*i:]))
	}
	c.miniCut = binary.LittleEndian.Uint32(h[0x38:])
	c.miniFAT = binary.LittleEndian.Uint32(h[0x3c:])
	return c, true
}

// entries reads the directory (bounded to 256 KiB, about 2000 entries).
func (c *cfb) entries() []cfbEntry {
	dir := c.chain(binary.LittleEndian.Uint32(c.b.Head[0x30:]), 256<<10)
	var out []cfbEntry
	for p := 0; p+128 <= len(dir); p += 128 {
		e := dir[p : p+128]
		n := int(binary.LittleEndian.Uint16(e[64:]))
		if n < 2 || n > 64 || e[66] == 0 {
			continue
		}
		u := make([]uint16, (n-2)/2)
		for i := range u {
			u[i] = binary.LittleEndian.Uint16(e[2*i:])
		}
		ent := cfbEntry{
			name:  string(utf16.Decode(u)),
			typ:   e[66],
			start: binary.LittleEndian.Uint32(e[116:]),
			size:  binary.LittleEndian.Uint64(e[120:]),
		}
		if c.shift == 9 {
			ent.size &= 0xffffffff
		}
		if ent.typ == 5 {
			c.rootSect, c.rootSize = ent.start, ent.size
		}
		out = append(out, ent)
	}
	return out
}

// stream reads up to max bytes of a stream, from the mini stream when it is small.
func (c *cfb) stream(e cfbEntry, max int) []byte {
	max = int(min(uint64(max), e.size))
	if e.size >= uint64(c.miniCut) {
		return c.chain(e.start, max)
	}
	mini := c.chain(c.rootSect, int(min(c.rootSize, 1<<20)))
	mfat := c.chain(c.miniFAT, 64<<10)
	var out []byte
	sid := e.start
	for n := 0; sid < 0xfffffffa && len(out) < max && n < 16384; n++ {
		off := int(sid) * 64
		if off+64 > len(mini) {
			break
		}
		out = append(out, mini[off:off+64]...)
		if int(sid)*4+4 > len(mfat) {
			break
		}
		sid = binary.LittleEndian.Uint32(mfat[sid*4:])
	}
	return out[:min(len(out), max)]
}

// probeOLE recognises OLE compound files: encrypted Office documents (OOXML inside
// EncryptionInfo + EncryptedPackage), legacy Word and Excel files with their own RC4
// encryption, and plain legacy documents.
func probeOLE(b *Blob) (Result, bool) {
	c, ok := newCFB(b)
	if !ok {
		return Result{}, false
	}
	ents := c.entries()
	byName := map[string]cfbEntry{}
	for _, e := range ents {
		byName[e.name] = e
	}
	info, hasInfo := byName["EncryptionInfo"]
	if _, hasPkg := byName["EncryptedPackage"]; hasInfo && hasPkg {
		return officeEncryption(c.stream(info, 8<<10)), true
	}
	if w, ok := byName["WordDocument"]; ok {
		fib := c.stream(w, 32)
		r := Result{Verdict: Plain, Format: FormatWord97, Content: ContentOLE}
		if len(fib) >= 12 && binary.LittleEndian.Uint16(fib) == 0xa5ec {
			if flags := binary.LittleEndian.Uint16(fib[10:]); flags&0x0100 != 0 {
				r.Verdict, r.Cipher = Weak, "RC4"
				if flags&0x8000 != 0 {
					r.Cipher = "XOR"
					r.Note(NoteObfuscation)
				}
			}
		}
		return r, true
	}
	for _, name := range []string{"Workbook", "Book"} {
		if w, ok := byName[name]; ok {
			r := Result{Verdict: Plain, Format: FormatExcel97, Content: ContentOLE}
			if xlsFilePass(c.stream(w, 4096)) {
				r.Verdict, r.Cipher = Weak, "RC4"
			}
			return r, true
		}
	}
	if _, ok := byName["PowerPoint Document"]; ok {
		r := Result{Verdict: Plain, Format: FormatPPT97, Content: ContentOLE}
		if cu, ok := byName["Current User"]; ok && pptEncrypted(c.stream(cu, 64)) {
			// [MS-PPT] 2.3.2: the CurrentUserAtom's header token says the document
			// is encrypted (RC4 CryptoAPI, the only encryption PowerPoint 97-2003 has)
			r.Verdict, r.Cipher = Weak, "RC4"
			r.Note(NoteCryptoAPI)
		}
		return r, true
	}
	return Result{Verdict: Plain, Format: FormatOLE, Content: ContentOLE}, true
}

// pptEncrypted reads the CurrentUserAtom ([MS-PPT] 2.3.2): record header (8 bytes),
// size (4 bytes, 0x14), then headerToken: 0xF3D1C4DF for an encrypted document,
// 0xE391C05F for one in clear.
func pptEncrypted(cu []byte) bool {
	return len(cu) >= 16 && binary.LittleEndian.Uint16(cu[2:]) == 0x0ff6 &&
		binary.LittleEndian.Uint32(cu[12:]) == 0xf3d1c4df
}

// xlsFilePass walks the first BIFF records for FILEPASS (0x002F), which marks an
// encrypted workbook.
func xlsFilePass(d []byte) bool {
	for i := 0; i < 64 && len(d) >= 4; i++ {
		typ := binary.LittleEndian.Uint16(d)
		n := int(binary.LittleEndian.Uint16(d[2:]))
		if typ == 0x002f {
			return true
		}
		if 4+n > len(d) {
			return false
		}
		d = d[4+n:]
	}
	return false
}

// officeEncryption names the cipher from the EncryptionInfo stream ([MS-OFFCRYPTO]):
// version 4.4 is Agile encryption (an XML descriptor), x.2 Standard encryption (AES
// with the algorithm id in a binary header), x.3 Extensible.
func officeEncryption(info []byte) Result {
	r := Result{Verdict: Encrypted, Format: FormatOfficeEnc}
	if len(info) < 8 {
		return r
	}
	major, minor := binary.LittleEndian.Uint16(info), binary.LittleEndian.Uint16(info[2:])
	switch {
	case major == 4 && minor == 4:
		r.Note(NoteAgile)
		xml := info[8:]
		if i := bytes.Index(xml, []byte("<keyData")); i >= 0 {
			kd := xml[i:]
			algo := xmlAttr(kd, "cipherAlgorithm")
			bits := xmlAttr(kd, "keyBits")
			if algo != "" {
				r.Cipher = algo
				if bits != "" {
					r.Cipher += "-" + bits
				}
			}
		}
	case minor == 2 && len(info) >= 28:
		r.Note(NoteStandard)
		switch binary.LittleEndian.Uint32(info[20:]) { // header: flags, size extra, AlgID
		case 0x660e:
			r.Cipher = "AES-128"
		case 0x660f:
			r.Cipher = "AES-192"
		case 0x6610:
			r.Cipher = "AES-256"
		case 0x6801:
			r.Verdict, r.Cipher = Weak, "RC4"
		}
	}
	return r
}

func xmlAttr(d []byte, name string) string {
	i := bytes.Index(d, []byte(name+`="`))
	if i < 0 {
		return ""
	}
	v := d[i+len(name)+2:]
	j := bytes.IndexByte(v, '"')
	if j < 0 || j > 32 {
		return ""
	}
	return cstr(v[:j])
}
