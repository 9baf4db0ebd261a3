package docstore

// Fixtures built from the format specifications, for the formats no tool installable
// here can write: RAR (rar is not free software), BitLocker (no Linux writer),
// encrypted Office documents (msoffcrypto-tool 5.0 only decrypts), legacy Word and
// Excel encryption flags, JOSE tokens. testdata/README.md lists them.

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"crypto/aes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	mathrand "math/rand/v2"
	"strings"
	"unicode/utf16"
)

// randomBytes returns n random-looking bytes from a fixed seed, so that tests on
// "random" input are repeatable: structure probes and the chi-square test are right on
// all but a few random inputs in 10^4, and a test must not depend on the draw.
// The seed is the length, so concurrent tests get the same bytes in any order.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	seed := [32]byte{'t', 'r', 'u', 's', 't', 'r', 'e', 'f', 'l', 'e', 'x', byte(n), byte(n >> 8), byte(n >> 16)}
	mathrand.NewChaCha8(seed).Read(b)
	return b
}

// --- RAR (RARLAB technote: RAR 5.0 archive format; RAR 4.x unrar sources) ---

func vint(v uint64) []byte {
	var out []byte
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			out = append(out, c|0x80)
			continue
		}
		return append(out, c)
	}
}

// rar5Block frames a RAR5 header: CRC32, size, then the header fields.
func rar5Block(fields ...[]byte) []byte {
	body := bytes.Join(fields, nil)
	blk := append(vint(uint64(len(body))), body...)
	crc := make([]byte, 4)
	binary.LittleEndian.PutUint32(crc, crc32.ChecksumIEEE(blk))
	return append(crc, blk...)
}

// makeRAR5 builds an archive with one file; encryptFile adds the file encryption
// record, encryptHeaders puts the archive encryption header first.
func makeRAR5(encryptFile, encryptHeaders bool) []byte {
	out := []byte("Rar!\x1a\x07\x01\x00")
	if encryptHeaders {
		out = append(out, rar5Block(vint(4), vint(0), vint(0), vint(0), vint(15), randomBytes(16), []byte{0})...)
		return append(out, randomBytes(256)...) // everything after is encrypted
	}
	out = append(out, rar5Block(vint(1), vint(0), vint(0))...) // main header
	data := randomBytes(64)
	name := []byte("releve.pdf")
	var extra []byte
	if encryptFile {
		rec := bytes.Join([][]byte{vint(1), vint(0), vint(0), {15}, randomBytes(16), randomBytes(16)}, nil)
		extra = append(vint(uint64(len(rec))), rec...)
	}
	flags := uint64(0x02)
	fields := [][]byte{vint(2), nil}
	if len(extra) > 0 {
		flags |= 0x01
		fields = append(fields, vint(uint64(len(extra))))
	}
	fields[1] = vint(flags)
	fields = append(fields, vint(uint64(len(data))), vint(0), vint(uint64(len(data))), vint(0x20), vint(0), vint(0),
		vint(uint64(len(name))), name, extra)
	out = append(out, rar5Block(fields...)...)
	out = append(out, data...)
	return append(out, rar5Block(vint(5), vint(0), vint(0))...)
}

// makeRAR4 builds a RAR 4 archive with one file, encrypted or not; encryptHeaders
// sets the main header's "block headers encrypted" flag.
func makeRAR4(encryptFile, encryptHeaders bool) []byte {
	out := []byte("Rar!\x1a\x07\x00")
	main := make([]byte, 13)
	main[2] = 0x73
	if encryptHeaders {
		binary.LittleEndian.PutUint16(main[3:], 0x0080)
	}
	binary.LittleEndian.PutUint16(main[5:], 13)
	out = append(out, main...)
	if encryptHeaders {
		return append(out, randomBytes(128)...)
	}
	name := []byte("releve.pdf")
	data := randomBytes(48)
	fh := make([]byte, 32)
	fh[2] = 0x74
	flags := uint16(0x8000)
	if encryptFile {
		flags |= 0x0004
	}
	binary.LittleEndian.PutUint16(fh[3:], flags)
	binary.LittleEndian.PutUint16(fh[5:], uint16(32+len(name)))
	binary.LittleEndian.PutUint32(fh[7:], uint32(len(data)))
	binary.LittleEndian.PutUint32(fh[11:], uint32(len(data)))
	binary.LittleEndian.PutUint16(fh[26:], uint16(len(name)))
	out = append(out, fh...)
	out = append(out, name...)
	out = append(out, data...)
	end := []byte{0, 0, 0x7b, 0, 0x40, 7, 0}
	return append(out, end...)
}

// --- BitLocker (boot sector with the "-FVE-FS-" signature, and To Go's GUID) ---

func makeBitLocker(toGo bool) []byte {
	s := make([]byte, 4096)
	copy(s, []byte{0xeb, 0x58, 0x90})
	if toGo {
		copy(s[3:], "MSWIN4.1")
		copy(s[0x1a0:], []byte{0x3b, 0xd6, 0x67, 0x49, 0x29, 0x2e, 0xd8, 0x4a, 0x83, 0x99, 0xf6, 0xa3, 0x39, 0xe3, 0xd0, 0x01})
	} else {
		copy(s[3:], "-FVE-FS-")
	}
	s[510], s[511] = 0x55, 0xaa
	copy(s[512:], randomBytes(len(s)-512))
	return s
}

// --- Compound File Binary ([MS-CFB]), version 3, 512-byte sectors ---

// makeCFB writes a compound file whose root holds the given streams (in order).
// Streams under 4096 bytes go to the mini stream, as the format requires.
func makeCFB(names []string, streams [][]byte) []byte {
	const sect, end, free, fatSect = 512, 0xfffffffe, 0xffffffff, 0xfffffffd
	var mini []byte
	miniStart := make([]uint32, len(streams))
	var miniFAT []uint32
	for i, s := range streams {
		if len(s) >= 4096 {
			continue
		}
		miniStart[i] = uint32(len(mini) / 64)
		n := (len(s) + 63) / 64
		for k := range n {
			next := uint32(len(mini)/64 + k + 1)
			if k == n-1 {
				next = end
			}
			miniFAT = append(miniFAT, next)
		}
		padded := make([]byte, n*64)
		copy(padded, s)
		mini = append(mini, padded...)
	}
	// sectors: 0 FAT, 1 directory, 2 mini FAT, then the mini stream, then big streams
	var fat []uint32
	fat = append(fat, fatSect, end, end)
	var body []byte
	chain := func(data []byte) uint32 {
		start := uint32(len(fat))
		n := (len(data) + sect - 1) / sect
		for k := range n {
			if k == n-1 {
				fat = append(fat, end)
			} else {
				fat = append(fat, uint32(len(fat)+1))
			}
		}
		padded := make([]byte, n*sect)
		copy(padded, data)
		body = append(body, padded...)
		return start
	}
	rootStart := uint32(end)
	if len(mini) > 0 {
		rootStart = chain(mini)
	}
	start := make([]uint32, len(streams))
	for i, s := range streams {
		if len(s) >= 4096 {
			start[i] = chain(s)
		} else {
			start[i] = miniStart[i]
		}
	}
	for len(fat) < sect/4 {
		fat = append(fat, free)
	}
	entry := func(name string, typ byte, child, right uint32, st uint32, size uint64) []byte {
		e := make([]byte, 128)
		u := utf16.Encode([]rune(name))
		for i, c := range u {
			binary.LittleEndian.PutUint16(e[2*i:], c)
		}
		binary.LittleEndian.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1
		binary.LittleEndian.PutUint32(e[68:], free)
		binary.LittleEndian.PutUint32(e[72:], right)
		binary.LittleEndian.PutUint32(e[76:], child)
		binary.LittleEndian.PutUint32(e[116:], st)
		binary.LittleEndian.PutUint64(e[120:], size)
		return e
	}
	dir := entry("Root Entry", 5, 1, free, rootStart, uint64(len(mini)))
	for i, n := range names {
		right := uint32(free)
		if i+1 < len(names) {
			right = uint32(i + 2)
		}
		dir = append(dir, entry(n, 2, free, right, start[i], uint64(len(streams[i])))...)
	}
	for len(dir)%sect != 0 {
		dir = append(dir, make([]byte, 128)...)
	}
	hdr := make([]byte, sect)
	copy(hdr, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	binary.LittleEndian.PutUint16(hdr[0x18:], 0x3e)
	binary.LittleEndian.PutUint16(hdr[0x1a:], 3)
	binary.LittleEndian.PutUint16(hdr[0x1c:], 0xfffe)
	binary.LittleEndian.PutUint16(hdr[0x1e:], 9)
	binary.LittleEndian.PutUint16(hdr[0x20:], 6)
	binary.LittleEndian.PutUint32(hdr[0x2c:], 1)
	binary.LittleEndian.PutUint32(hdr[0x30:], 1)
	binary.LittleEndian.PutUint32(hdr[0x38:], 4096)
	binary.LittleEndian.PutUint32(hdr[0x3c:], 2)
	binary.LittleEndian.PutUint32(hdr[0x40:], 1)
	binary.LittleEndian.PutUint32(hdr[0x44:], end)
	for i := 0; i < 109; i++ {
		binary.LittleEndian.PutUint32(hdr[0x4c+4*i:], free)
	}
	binary.LittleEndian.PutUint32(hdr[0x4c:], 0)
	out := append([]byte{}, hdr...)
	for _, v := range fat[:sect/4] {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	out = append(out, dir[:sect]...)
	mf := make([]byte, sect)
	for i := range sect / 4 {
		v := uint32(free)
		if i < len(miniFAT) {
			v = miniFAT[i]
		}
		binary.LittleEndian.PutUint32(mf[4*i:], v)
	}
	out = append(out, mf...)
	return append(out, body...)
}

// makeEncryptedOffice builds an OOXML document encrypted with Agile (4.4) or
// Standard (3.2, AES-128) encryption ([MS-OFFCRYPTO] 2.3.4.10 and 2.3.4.5).
func makeEncryptedOffice(agile bool) []byte {
	var info []byte
	if agile {
		info = []byte{4, 0, 4, 0, 0x40, 0, 0, 0}
		info = append(info, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="`+base64.StdEncoding.EncodeToString(randomBytes(16))+`"/></encryption>`...)
	} else {
		info = []byte{3, 0, 2, 0, 0x24, 0, 0, 0, 0x24, 0, 0, 0} // version, flags, header size
		hdr := make([]byte, 32)
		binary.LittleEndian.PutUint32(hdr[0:], 0x24)
		binary.LittleEndian.PutUint32(hdr[8:], 0x660e) // AES-128
		binary.LittleEndian.PutUint32(hdr[12:], 0x8004)
		binary.LittleEndian.PutUint32(hdr[16:], 128)
		info = append(info, hdr...)
		info = append(info, randomBytes(60)...)
	}
	pkg := binary.LittleEndian.AppendUint64(nil, 5000)
	pkg = append(pkg, randomBytes(5008)...)
	return makeCFB([]string{"EncryptionInfo", "EncryptedPackage"}, [][]byte{info, pkg})
}

// makeLegacyWord builds a Word 97 file whose FIB says encrypted (RC4) or not, with
// text (as Word stores it, 8-bit) in the WordDocument stream.
func makeLegacyWord(encrypted bool, text string) []byte {
	wd := make([]byte, 4608)
	binary.LittleEndian.PutUint16(wd, 0xa5ec)
	if encrypted {
		binary.LittleEndian.PutUint16(wd[10:], 0x0100)
		copy(wd[1024:], randomBytes(3000))
	} else {
		copy(wd[1024:], text)
	}
	return makeCFB([]string{"WordDocument", "1Table"}, [][]byte{wd, make([]byte, 600)})
}

// makeLegacyExcel builds an Excel 97 workbook with (or without) a FILEPASS record.
func makeLegacyExcel(encrypted bool) []byte {
	var wb []byte
	rec := func(typ uint16, data []byte) {
		wb = binary.LittleEndian.AppendUint16(wb, typ)
		wb = binary.LittleEndian.AppendUint16(wb, uint16(len(data)))
		wb = append(wb, data...)
	}
	rec(0x0809, make([]byte, 16)) // BOF
	if encrypted {
		rec(0x002f, append([]byte{1, 0, 1, 0, 1, 0}, randomBytes(48)...)) // FILEPASS, RC4
	}
	rec(0x0042, []byte{0xe4, 0x04}) // CODEPAGE
	for len(wb) < 4200 {
		rec(0x0000, make([]byte, 100))
	}
	return makeCFB([]string{"Workbook"}, [][]byte{wb})
}

// --- JOSE (RFC 7516 compact JWE, RFC 7515 compact JWS) ---

func b64u(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func makeJWE() []byte {
	return []byte(b64u([]byte(`{"alg":"dir","enc":"A256GCM"}`)) + ".." + b64u(randomBytes(12)) + "." +
		b64u(randomBytes(80)) + "." + b64u(randomBytes(16)) + "\n")
}

func makeJWS() []byte { return makeJWSWith(`{"sub":"jean.martin"}`) }

func makeJWSWith(payload string) []byte {
	return []byte(b64u([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + b64u([]byte(payload)) + "." + b64u(randomBytes(32)))
}

// makeGocryptfsFile builds a gocryptfs content file: version 2, a file id, then one
// block (nonce, ciphertext, tag) — what gocryptfs writes, for tests that need one
// outside the committed folder.
func makeGocryptfsFile(n int) []byte {
	out := []byte{0, 2}
	out = append(out, randomBytes(16)...)
	return append(out, randomBytes(16+n+16)...)
}

// --- OpenDocument (ODF 1.2 part 3, 3.4: encrypted entries listed in the manifest) ---

func makeODF(encrypted bool, text string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte("application/vnd.oasis.opendocument.text"))
	manifest := `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="1024">`
	if encrypted {
		manifest += `
  <manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">
   <manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/>
   <manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/>
  </manifest:encryption-data>`
	}
	manifest += "\n </manifest:file-entry>\n</manifest:manifest>\n"
	w, _ = zw.Create("META-INF/manifest.xml")
	w.Write([]byte(manifest))
	w, _ = zw.Create("content.xml")
	if encrypted {
		w.Write(randomBytes(1024))
	} else {
		w.Write([]byte(`<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>` + text + `</text:p></office:text></office:body></office:document-content>`))
	}
	zw.Close()
	return buf.Bytes()
}

// --- PDF with a subset font: text as glyph codes, readable through /ToUnicode ---

// makeSubsetFontPDF writes text the way word processors do: each distinct character
// gets an arbitrary code (twoByte: 2-byte codes, as Identity-H), the content stream
// shows hex strings in TJ arrays with kerning, and a ToUnicode CMap maps them back.
func makeSubsetFontPDF(text string, twoByte bool) []byte {
	codes := map[rune]int{}
	var order []rune
	var hexs []string
	for _, r := range text {
		if _, ok := codes[r]; !ok {
			codes[r] = 7 + 3*len(codes)
			order = append(order, r)
		}
		if twoByte {
			hexs = append(hexs, fmt.Sprintf("%04x", codes[r]))
		} else {
			hexs = append(hexs, fmt.Sprintf("%02x", codes[r]))
		}
	}
	var content bytes.Buffer
	content.WriteString("BT /F1 11 Tf 72 720 Td [")
	for i, h := range hexs {
		content.WriteString("<" + h + ">")
		if i%3 == 2 {
			content.WriteString("-12")
		}
	}
	content.WriteString("]TJ ET")
	var cm bytes.Buffer
	width := 2
	if twoByte {
		width = 4
	}
	fmt.Fprintf(&cm, "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange\n<%0*x> <%0*x>\nendcodespacerange\n%d beginbfchar\n", width, 0, width, 1<<(4*width)-1, len(order))
	for _, r := range order {
		fmt.Fprintf(&cm, "<%0*x> <%04x>\n", width, codes[r], r)
	}
	cm.WriteString("endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n")
	flateBytes := func(b []byte) []byte {
		var out bytes.Buffer
		zw := zlib.NewWriter(&out)
		zw.Write(b)
		zw.Close()
		return out.Bytes()
	}
	c, m := flateBytes(content.Bytes()), flateBytes(cm.Bytes())
	var pdf bytes.Buffer
	pdf.WriteString("%PDF-1.4\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(c), c),
		"<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+LiberationSans /ToUnicode 6 0 R >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(m), m),
	}
	for i, o := range objs {
		fmt.Fprintf(&pdf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	pdf.WriteString("trailer\n<< /Size 7 /Root 1 0 R >>\n%%EOF\n")
	return pdf.Bytes()
}

// --- PowerPoint 97-2003 ([MS-PPT] 2.3.2 CurrentUserAtom) ---

// makeLegacyPowerPoint builds a presentation whose Current User stream says whether
// it is encrypted (RC4 CryptoAPI: headerToken 0xF3D1C4DF) or not (0xE391C05F).
func makeLegacyPowerPoint(encrypted bool) []byte {
	cu := make([]byte, 40)
	binary.LittleEndian.PutUint16(cu[2:], 0x0ff6) // recType RT_CurrentUserAtom
	binary.LittleEndian.PutUint32(cu[4:], 32)     // recLen
	binary.LittleEndian.PutUint32(cu[8:], 0x14)   // size
	token := uint32(0xe391c05f)
	doc := make([]byte, 4608)
	if encrypted {
		token = 0xf3d1c4df
		copy(doc[512:], randomBytes(4000))
	}
	binary.LittleEndian.PutUint32(cu[12:], token)
	return makeCFB([]string{"Current User", "PowerPoint Document"}, [][]byte{cu, doc})
}

// --- OpenPGP ---

// withPKESKAlgorithm rewrites the public-key algorithm of the first PKESK packet of a
// binary message (a v3 PKESK: version, key id, algorithm): a message encrypted to a
// key algorithm the reader does not know (SM2, a post-quantum one).
func withPKESKAlgorithm(msg []byte, algo byte) []byte {
	out := append([]byte(nil), msg...)
	hdr := 2 // new or old format with a one-byte length
	if out[0]&0x40 == 0 && out[0]&3 == 1 {
		hdr = 3
	}
	out[hdr+9] = algo
	return out
}

// --- PDF with an /Encrypt dictionary over content in clear ---

// withDecoyEncrypt adds to a plain PDF an encryption dictionary that says RC4 128 with
// a non-empty password, and leaves every stream in clear.
func withDecoyEncrypt(pdf []byte) []byte {
	enc := "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <" + strings.Repeat("7a", 32) + "> /U <" + strings.Repeat("3c", 32) + "> >>"
	i := bytes.LastIndex(pdf, []byte("trailer"))
	j := bytes.Index(pdf[i:], []byte("<<")) + i
	out := append([]byte(nil), pdf[:j+2]...)
	out = append(out, " /Encrypt "+enc+" /ID [<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>]"...)
	return append(out, pdf[j+2:]...)
}

// --- headers over plain text (issue 16: a header is not a proof) ---

const attackText = "Virement du loyer\nIBAN : FR76 3000 6000 0112 3456 7890 189\nCarte : 4970 1012 3456 7893\n"

func fakeAgeHeader() []byte {
	return []byte("age-encryption.org/v1\n-> X25519 " + strings.Repeat("A", 43) + "\n" + strings.Repeat("B", 43) + "\n--- " + strings.Repeat("C", 43) + "\n" + attackText)
}

func fakeLUKS() []byte {
	return append([]byte("LUKS\xba\xbe\x00\x01"), attackText...)
}

func fakeKDBX() []byte {
	h := []byte{0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5, 0x01, 0x00, 0x04, 0x00}
	return append(h, attackText...)
}

// --- KeePass KDBX 4 with AES-KDF (KeePass "KDBX File Format Specification") ---

// makeKDBX4 builds a KDBX 4 header with AES-KDF parameters, its SHA-256 and its HMAC
// for the master password given (empty: opens for anyone), then random "blocks".
func makeKDBX4(password string) []byte {
	field := func(id byte, v []byte) []byte {
		return append(binary.LittleEndian.AppendUint32([]byte{id}, uint32(len(v))), v...)
	}
	vd := []byte{0x00, 0x01}
	entry := func(typ byte, key string, v []byte) {
		vd = append(vd, typ)
		vd = binary.LittleEndian.AppendUint32(vd, uint32(len(key)))
		vd = append(vd, key...)
		vd = binary.LittleEndian.AppendUint32(vd, uint32(len(v)))
		vd = append(vd, v...)
	}
	uuid, _ := hex.DecodeString("c9d9f39a628a4460bf740d08c18a4fea")
	seed := randomBytes(32)
	entry(0x42, "$UUID", uuid)
	entry(0x05, "R", binary.LittleEndian.AppendUint64(nil, 1000))
	entry(0x42, "S", seed)
	vd = append(vd, 0)
	cipherID, _ := hex.DecodeString("31c1f2e6bf714350be5805216afc5aff")
	master := randomBytes(32)[:32]
	master[0] ^= 0x55
	h := []byte{0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5, 0x00, 0x00, 0x04, 0x00}
	h = append(h, field(2, cipherID)...)
	h = append(h, field(3, []byte{1, 0, 0, 0})...)
	h = append(h, field(4, master)...)
	h = append(h, field(7, randomBytes(16))...)
	h = append(h, field(11, vd)...)
	h = append(h, field(0, []byte("\r\n\r\n"))...)
	// composite key, AES-KDF, HMAC key (KDBX 4)
	p := sha256.Sum256([]byte(password))
	c := sha256.Sum256(p[:])
	composite := c[:]
	block, _ := aes.NewCipher(seed)
	for range 1000 {
		block.Encrypt(composite[:16], composite[:16])
		block.Encrypt(composite[16:], composite[16:])
	}
	transformed := sha256.Sum256(composite)
	hk := sha512.New()
	hk.Write(master)
	hk.Write(transformed[:])
	hk.Write([]byte{1})
	bk := sha512.New()
	bk.Write([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	bk.Write(hk.Sum(nil))
	mac := hmac.New(sha256.New, bk.Sum(nil))
	mac.Write(h)
	sum := sha256.Sum256(h)
	out := append(h, sum[:]...)
	out = append(out, mac.Sum(nil)...)
	return append(out, randomBytes(2048)...)
}

// --- PDF text strings (form fields, document information) ---

// utf16Hex writes s as a PDF text string in hex: the byte-order mark FEFF, then
// UTF-16BE, with a space every four digits when spaced (as some producers write it).
func utf16Hex(s string, spaced bool) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		if spaced {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String() + ">"
}

// makeFormPDF builds an uncompressed PDF with a page of text, document information
// and a form field whose value is value, all as UTF-16 hex strings; dates, amounts and
// references fill the rest.
func makeFormPDF(value string) []byte {
	info := "<< /Title " + utf16Hex("Formulaire 2024-118 du 12/03/2024", true) + " /Author " + utf16Hex("Service 0123456789", false) +
		" /Subject " + utf16Hex("Montant 1 234,56 € TTC réf. 20240312093000", false) + " >>"
	field := "<< /FT /Tx /T " + utf16Hex("Numéro", false) + " /V " + utf16Hex(value, true) + " /Rect [0 0 100 20] >>"
	content := "BT /F1 11 Tf 72 720 Td (Formulaire 12/03/2024 - 1 234,56 EUR) Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		field,
		info,
	}
	var pdf bytes.Buffer
	pdf.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, pdf.Len())
		fmt.Fprintf(&pdf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := pdf.Len()
	fmt.Fprintf(&pdf, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&pdf, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&pdf, "trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R /ID [<3031323334353637383930313233343536><3031323334353637383930313233343536>] >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return pdf.Bytes()
}

// zipOf stores data as the one entry name of a new ZIP archive.
func zipOf(t interface{ Fatal(...any) }, name string, data []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
