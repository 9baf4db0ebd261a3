package container

import "encoding/binary"

const (
	rar4Sig = "Rar!\x1a\x07\x00"
	rar5Sig = "Rar!\x1a\x07\x01\x00"
)

// probeRAR recognises RAR archives. RAR4 marks encrypted headers in the main header
// flags and encrypted files in each file header; RAR5 has an archive encryption
// header, or an encryption record in each file header's extra area.
func probeRAR(b *Blob) (Result, bool) {
	switch {
	case hasPrefix(b.Head, rar5Sig):
		return rar5(b), true
	case hasPrefix(b.Head, rar4Sig):
		return rar4(b), true
	}
	return Result{}, false
}

func rar4(b *Blob) Result {
	r := Result{Verdict: Plain, Format: FormatRAR4, Content: ContentOpaque}
	off := int64(len(rar4Sig))
	for range 2000 {
		h, err := b.At(off, 11)
		if err != nil || len(h) < 7 {
			break
		}
		typ := h[2]
		flags := binary.LittleEndian.Uint16(h[3:])
		size := int64(binary.LittleEndian.Uint16(h[5:]))
		if size < 7 {
			break
		}
		switch typ {
		case 0x73: // main header
			if flags&0x0080 != 0 {
				return Result{Verdict: Encrypted, Format: FormatRAR4, Cipher: "AES-128", Notes: []Note{NoteNamesEncrypted}}
			}
		case 0x74: // file header
			if len(h) < 11 {
				return r
			}
			if flags&0xe0 != 0xe0 { // not a directory
				r.Entries++
				if flags&0x04 == 0 {
					r.PlainEntries++
				}
			}
			size += int64(binary.LittleEndian.Uint32(h[7:]))
		case 0x7b: // end of archive
			return rar4Verdict(r)
		default:
			if flags&0x8000 != 0 && len(h) >= 11 {
				size += int64(binary.LittleEndian.Uint32(h[7:]))
			}
		}
		off += size
	}
	return rar4Verdict(r)
}

func rar4Verdict(r Result) Result {
	if r.Entries > r.PlainEntries {
		r.Verdict, r.Cipher = Encrypted, "AES-128"
		if r.Format == "RAR5" {
			r.Cipher = "AES-256"
		}
		r.Note(NoteNamesVisible)
	}
	return r
}

// rarVint reads a RAR5 variable-length integer (7 bits per byte, low first).
func rarVint(d []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(d) && i < 10; i++ {
		v |= uint64(d[i]&0x7f) << (7 * i)
		if d[i]&0x80 == 0 {
			return v, i + 1
		}
	}
	return 0, 0
}

func rar5(b *Blob) Result {
	r := Result{Verdict: Plain, Format: FormatRAR5, Content: ContentOpaque}
	off := int64(len(rar5Sig))
	for range 2000 {
		h, _ := b.At(off, 64)
		if len(h) < 8 {
			break
		}
		p := 4 // CRC32
		hsize, n := rarVint(h[p:])
		if n == 0 || hsize == 0 || hsize > 1<<21 {
			break
		}
		p += n
		bodyStart := p
		hdr, err := b.At(off+int64(bodyStart), int(hsize))
		if err != nil {
			break
		}
		q := 0
		next := func() uint64 {
			if q >= len(hdr) {
				q = len(hdr) + 1
				return 0
			}
			v, n := rarVint(hdr[q:])
			if n == 0 {
				q = len(hdr) + 1
				return 0
			}
			q += n
			return v
		}
		typ := next()
		flags := next()
		var extraSize, dataSize uint64
		if flags&1 != 0 {
			extraSize = next()
		}
		if flags&2 != 0 {
			dataSize = next()
		}
		if q > len(hdr) {
			break
		}
		switch typ {
		case 4: // archive encryption header: everything after it is encrypted
			return Result{Verdict: Encrypted, Format: FormatRAR5, Cipher: "AES-256", Notes: []Note{NoteNamesEncrypted}}
		case 2: // file header
			fileFlags := next()
			next() // unpacked size
			next() // attributes
			if fileFlags&2 != 0 {
				q += 4
			}
			if fileFlags&4 != 0 {
				q += 4
			}
			next() // compression
			next() // host OS
			nameLen := next()
			if q > len(hdr) || extraSize > uint64(len(hdr)) {
				return rar4Verdict(r)
			}
			if fileFlags&1 == 0 { // not a directory
				r.Entries++
				if !rar5ExtraEncrypted(hdr[len(hdr)-int(extraSize):]) {
					r.PlainEntries++
				}
			}
			_ = nameLen
		case 5: // end of archive
			return rar4Verdict(r)
		}
		off += int64(bodyStart) + int64(hsize) + int64(min(dataSize, 1<<50))
	}
	return rar4Verdict(r)
}

// rar5ExtraEncrypted reports whether a file header's extra area has an encryption
// record (type 1).
func rar5ExtraEncrypted(x []byte) bool {
	for len(x) > 0 {
		size, n := rarVint(x)
		if n == 0 || size == 0 || uint64(len(x)-n) < size {
			return false
		}
		rec := x[n : n+int(size)]
		if typ, m := rarVint(rec); m > 0 && typ == 1 {
			return true
		}
		x = x[n+int(size):]
	}
	return false
}
