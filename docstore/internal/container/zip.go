package container

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"io"
	"strings"
)

// ZipEntry is one file of a ZIP archive, from its central directory (or its local
// header when the directory is missing).
type ZipEntry struct {
	Name         string
	Flags        uint16
	Method       uint16
	CompSize     uint64
	Size         uint64
	HeaderOffset uint64
	AESBits      int // WinZip AES strength in bits, 0 when not AES
}

// Encrypted reports whether the entry's data is encrypted.
func (e ZipEntry) Encrypted() bool { return e.Flags&1 != 0 }

// Dir reports whether the entry is a folder.
func (e ZipEntry) Dir() bool { return strings.HasSuffix(e.Name, "/") }

const maxZipEntries = 10000

// ZipEntries lists the entries of a ZIP archive; ok is false when b is not one.
func ZipEntries(b *Blob) (entries []ZipEntry, ok bool) {
	if !hasPrefix(b.Head, "PK\x03\x04") && !hasPrefix(b.Head, "PK\x05\x06") {
		return nil, false
	}
	if entries, ok := zipCentral(b); ok {
		return entries, true
	}
	return zipLocal(b), true
}

// zipCentral reads the central directory located by the end record.
func zipCentral(b *Blob) ([]ZipEntry, bool) {
	tail := b.Tail()
	i := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if i < 0 || len(tail)-i < 22 {
		return nil, false
	}
	eocd := tail[i:]
	count := uint64(binary.LittleEndian.Uint16(eocd[10:]))
	size := uint64(binary.LittleEndian.Uint32(eocd[12:]))
	off := uint64(binary.LittleEndian.Uint32(eocd[16:]))
	if (count == 0xffff || size == 0xffffffff || off == 0xffffffff) && i >= 20 && hasPrefix(tail[i-20:], "PK\x06\x07") {
		z64 := binary.LittleEndian.Uint64(tail[i-20+8:])
		if rec, err := b.At(int64(min(z64, 1<<62)), 56); err == nil && hasPrefix(rec, "PK\x06\x06") && len(rec) == 56 {
			count = binary.LittleEndian.Uint64(rec[32:])
			size = binary.LittleEndian.Uint64(rec[40:])
			off = binary.LittleEndian.Uint64(rec[48:])
		}
	}
	if off > uint64(b.Size) {
		return nil, false
	}
	cd, err := b.At(int64(off), int(min(size, maxRead)))
	if err != nil && len(cd) == 0 {
		return nil, false
	}
	var entries []ZipEntry
	for p := 0; p+46 <= len(cd) && len(entries) < int(min(count, maxZipEntries)); {
		if !hasPrefix(cd[p:], "PK\x01\x02") {
			break
		}
		h := cd[p:]
		e := ZipEntry{
			Flags:        binary.LittleEndian.Uint16(h[8:]),
			Method:       binary.LittleEndian.Uint16(h[10:]),
			CompSize:     uint64(binary.LittleEndian.Uint32(h[20:])),
			Size:         uint64(binary.LittleEndian.Uint32(h[24:])),
			HeaderOffset: uint64(binary.LittleEndian.Uint32(h[42:])),
		}
		nameLen := int(binary.LittleEndian.Uint16(h[28:]))
		extraLen := int(binary.LittleEndian.Uint16(h[30:]))
		commentLen := int(binary.LittleEndian.Uint16(h[32:]))
		end := 46 + nameLen + extraLen
		if end > len(h) {
			break
		}
		e.Name = string(h[46 : 46+nameLen])
		zipExtra(&e, h[46+nameLen:end])
		entries = append(entries, e)
		p += end + commentLen
	}
	return entries, len(entries) > 0 || count == 0
}

// zipExtra reads the ZIP64 sizes and the WinZip AES strength from the extra field.
func zipExtra(e *ZipEntry, x []byte) {
	for len(x) >= 4 {
		id := binary.LittleEndian.Uint16(x)
		n := int(binary.LittleEndian.Uint16(x[2:]))
		if 4+n > len(x) {
			return
		}
		d := x[4 : 4+n]
		switch id {
		case 0x0001: // ZIP64: the fields that overflowed, in order
			if e.Size == 0xffffffff && len(d) >= 8 {
				e.Size, d = binary.LittleEndian.Uint64(d), d[8:]
			}
			if e.CompSize == 0xffffffff && len(d) >= 8 {
				e.CompSize, d = binary.LittleEndian.Uint64(d), d[8:]
			}
			if e.HeaderOffset == 0xffffffff && len(d) >= 8 {
				e.HeaderOffset = binary.LittleEndian.Uint64(d)
			}
		case 0x9901: // WinZip AES: version, "AE", strength, real method
			if len(d) >= 5 && d[4] >= 1 && d[4] <= 3 {
				e.AESBits = 64 + 64*int(d[4])
			}
		}
		x = x[4+n:]
	}
}

// zipLocal walks local headers from the start, for archives without a readable
// central directory (cut files, streamed archives).
func zipLocal(b *Blob) []ZipEntry {
	var entries []ZipEntry
	off := int64(0)
	for len(entries) < 1000 {
		h, err := b.At(off, 30)
		if err != nil || len(h) < 30 || !hasPrefix(h, "PK\x03\x04") {
			break
		}
		e := ZipEntry{
			Flags:        binary.LittleEndian.Uint16(h[6:]),
			Method:       binary.LittleEndian.Uint16(h[8:]),
			CompSize:     uint64(binary.LittleEndian.Uint32(h[18:])),
			Size:         uint64(binary.LittleEndian.Uint32(h[22:])),
			HeaderOffset: uint64(off),
		}
		nameLen := int(binary.LittleEndian.Uint16(h[26:]))
		extraLen := int(binary.LittleEndian.Uint16(h[28:]))
		ne, err := b.At(off+30, nameLen+extraLen)
		if err != nil || len(ne) < nameLen+extraLen {
			break
		}
		e.Name = string(ne[:nameLen])
		zipExtra(&e, ne[nameLen:])
		entries = append(entries, e)
		if e.Flags&8 != 0 {
			break // sizes follow the data: cannot skip without decompressing
		}
		off += 30 + int64(nameLen+extraLen) + int64(e.CompSize)
	}
	return entries
}

// ErrEncryptedEntry is returned by OpenZipEntry for an encrypted entry.
var ErrEncryptedEntry = errorString("container: zip entry is encrypted")

type errorString string

func (e errorString) Error() string { return string(e) }

// OpenZipEntry returns up to maxOut bytes of the entry's content (stored or
// deflated). It stops early on a compression ratio over maxRatio (a bomb).
func OpenZipEntry(b *Blob, e ZipEntry, maxOut int64, maxRatio int64) ([]byte, error) {
	if e.Encrypted() {
		return nil, ErrEncryptedEntry
	}
	h, err := b.At(int64(min(e.HeaderOffset, 1<<62)), 30)
	if err != nil || len(h) < 30 || !hasPrefix(h, "PK\x03\x04") {
		return nil, io.ErrUnexpectedEOF
	}
	start := int64(e.HeaderOffset) + 30 + int64(binary.LittleEndian.Uint16(h[26:])) + int64(binary.LittleEndian.Uint16(h[28:]))
	csize := int64(min(e.CompSize, uint64(b.Size)))
	if start > b.Size {
		return nil, io.ErrUnexpectedEOF
	}
	raw := io.NewSectionReader(b.R, start, min(csize, b.Size-start))
	limit := min(maxOut, max(csize, 1)*maxRatio)
	switch e.Method {
	case 0:
		return io.ReadAll(io.LimitReader(raw, limit))
	case 8:
		fr := flate.NewReader(raw)
		defer fr.Close()
		out, err := io.ReadAll(io.LimitReader(fr, limit))
		if err == io.ErrUnexpectedEOF {
			err = nil // keep what came
		}
		return out, err
	}
	return nil, errorString("container: unsupported zip method")
}

// probeZIP recognises ZIP archives (and the documents built on them), checks every
// entry for encryption (ZipCrypto is weak, WinZip AES is not), and reads the manifest
// of ODF documents, which encrypt entries themselves.
func probeZIP(b *Blob) (Result, bool) {
	entries, ok := ZipEntries(b)
	if !ok {
		return Result{}, false
	}
	r := Result{Verdict: Plain, Format: zipFormat(entries), Content: ContentZip}
	var zipCrypto, aes, strong, aesBits int
	for _, e := range entries {
		if e.Dir() {
			continue
		}
		r.Entries++
		switch {
		case !e.Encrypted():
			r.PlainEntries++
		case e.Method == 99:
			aes++
			aesBits = max(aesBits, e.AESBits)
		case e.Flags&0x40 != 0:
			strong++
		default:
			zipCrypto++
		}
	}
	switch {
	case zipCrypto > 0:
		r.Verdict, r.Cipher = Weak, "ZipCrypto"
	case aes > 0:
		r.Verdict, r.Cipher = Encrypted, "WinZip AES"
		if aesBits > 0 {
			r.Cipher = "AES-" + itoa(aesBits)
		}
	case strong > 0:
		r.Verdict, r.Cipher = Encrypted, "PKWARE SES"
	default:
		if odf, ok := odfEncryption(b, entries); ok {
			return odf, true
		}
	}
	return r, true
}

// zipFormat names the document type an archive carries.
func zipFormat(entries []ZipEntry) Format {
	has := func(prefix string) bool {
		for _, e := range entries {
			if strings.HasPrefix(e.Name, prefix) {
				return true
			}
		}
		return false
	}
	switch {
	case has("word/"):
		return FormatDOCX
	case has("xl/"):
		return FormatXLSX
	case has("ppt/"):
		return FormatPPTX
	case has("mimetype") && has("content.xml") || has("META-INF/manifest.xml"):
		return FormatODF
	}
	return FormatZIP
}

// odfEncryption reads META-INF/manifest.xml: a password-protected OpenDocument lists
// <manifest:encryption-data> for its entries, which are stored encrypted.
func odfEncryption(b *Blob, entries []ZipEntry) (Result, bool) {
	for _, e := range entries {
		if e.Name != "META-INF/manifest.xml" {
			continue
		}
		m, err := OpenZipEntry(b, e, 1<<20, 200)
		if err != nil || !bytes.Contains(m, []byte("encryption-data")) {
			return Result{}, false
		}
		// ODF leaves mimetype, manifest and thumbnail in clear by design: the entry
		// counts would only confuse, the document itself is encrypted
		r := Result{Verdict: Encrypted, Format: FormatODF, Notes: []Note{NotePassphraseProtected}}
		switch {
		case bytes.Contains(m, []byte("aes256-gcm")):
			r.Cipher = "AES-256-GCM"
		case bytes.Contains(m, []byte("aes256-cbc")):
			r.Cipher = "AES-256-CBC"
		case bytes.Contains(m, []byte("Blowfish")):
			r.Cipher = "Blowfish-CFB"
		}
		return r, true
	}
	return Result{}, false
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
