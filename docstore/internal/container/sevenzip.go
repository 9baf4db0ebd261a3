package container

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"

	"github.com/ulikunitz/xz/lzma"
)

// 7z property ids (7zFormat.txt).
const (
	szEnd              = 0x00
	szHeader           = 0x01
	szArchiveProps     = 0x02
	szAdditionalInfo   = 0x03
	szMainStreamsInfo  = 0x04
	szPackInfo         = 0x06
	szUnpackInfo       = 0x07
	szSubStreamsInfo   = 0x08
	szSize             = 0x09
	szCRC              = 0x0a
	szFolderID         = 0x0b
	szCodersUnpackSize = 0x0c
	szEncodedHeader    = 0x17
)

var (
	szAES   = []byte{0x06, 0xf1, 0x07, 0x01}
	szLZMA  = []byte{0x03, 0x01, 0x01}
	szLZMA2 = []byte{0x21}
)

var errSevenZip = errors.New("container: malformed 7z header")

// probeSevenZip recognises 7z archives and looks for the AES coder in their folders.
// With encrypted headers (-mhe) the header itself is AES-encrypted; otherwise the
// header is usually LZMA-compressed and is decoded (bounded) to read the coders.
func probeSevenZip(b *Blob) (Result, bool) {
	h := b.Head
	if !hasPrefix(h, "7z\xbc\xaf\x27\x1c") || len(h) < 32 {
		return Result{}, false
	}
	r := Result{Verdict: Plain, Format: FormatSevenZip, Content: ContentSevenZip}
	nextOff := binary.LittleEndian.Uint64(h[12:])
	nextSize := binary.LittleEndian.Uint64(h[20:])
	if nextSize == 0 {
		return r, true // empty archive
	}
	if nextOff > uint64(b.Size) || nextSize > maxRead {
		r.Note(NoteHeaderNotReadable)
		return r, true
	}
	hdr, err := b.At(32+int64(nextOff), int(nextSize))
	if err != nil || len(hdr) == 0 {
		r.Note(NoteHeaderNotReadable)
		return r, true
	}
	if hdr[0] == szEncodedHeader {
		folders, packPos, packSizes, unpackSizes, err := szStreamsInfo(hdr[1:])
		if err != nil || len(folders) == 0 {
			r.Note(NoteHeaderNotReadable)
			return r, true
		}
		if folders[0].has(szAES) {
			return Result{Verdict: Encrypted, Format: FormatSevenZip, Cipher: "AES-256", Notes: []Note{NoteNamesEncrypted}}, true
		}
		hdr, err = szDecodeHeader(b, folders[0], packPos, packSizes, unpackSizes)
		if err != nil || len(hdr) == 0 {
			r.Note(NoteHeaderNotReadable)
			return r, true
		}
	}
	if hdr[0] != szHeader {
		r.Note(NoteHeaderNotReadable)
		return r, true
	}
	folders, err := szHeaderFolders(hdr[1:])
	if err != nil {
		r.Note(NoteHeaderNotReadable)
		return r, true
	}
	for _, f := range folders {
		r.Entries++
		if !f.has(szAES) {
			r.PlainEntries++
		}
	}
	if r.Entries > r.PlainEntries {
		r.Verdict, r.Cipher = Encrypted, "AES-256"
		r.Note(NoteNamesVisible)
	}
	return r, true
}

type szCoder struct {
	id, props []byte
}

type szFolder struct{ coders []szCoder }

func (f szFolder) has(id []byte) bool {
	for _, c := range f.coders {
		if bytes.Equal(c.id, id) {
			return true
		}
	}
	return false
}

// szReader reads 7z's variable-length numbers and bytes from a buffer.
type szReader struct {
	d   []byte
	err error
}

func (r *szReader) byte() byte {
	if len(r.d) == 0 {
		r.err = errSevenZip
		return 0
	}
	c := r.d[0]
	r.d = r.d[1:]
	return c
}

func (r *szReader) bytes(n uint64) []byte {
	if n > uint64(len(r.d)) {
		r.err = errSevenZip
		r.d = nil
		return nil
	}
	v := r.d[:n]
	r.d = r.d[n:]
	return v
}

// number reads a 7z NUMBER: the count of leading one bits of the first byte says how
// many extra little-endian bytes follow.
func (r *szReader) number() uint64 {
	first := r.byte()
	mask := byte(0x80)
	var v uint64
	for i := 0; i < 8; i++ {
		if first&mask == 0 {
			high := uint64(first & (mask - 1))
			return v | high<<(8*i)
		}
		v |= uint64(r.byte()) << (8 * i)
		mask >>= 1
	}
	return v
}

// small reads a NUMBER that counts things and must stay small.
func (r *szReader) small(limit uint64) int {
	n := r.number()
	if n > limit {
		r.err = errSevenZip
		return 0
	}
	return int(n)
}

// szStreamsInfo reads PackInfo and UnpackInfo (the rest is skipped).
func szStreamsInfo(d []byte) (folders []szFolder, packPos uint64, packSizes, unpackSizes []uint64, err error) {
	r := &szReader{d: d}
	for r.err == nil {
		switch id := r.byte(); id {
		case szEnd:
			return folders, packPos, packSizes, unpackSizes, r.err
		case szPackInfo:
			packPos = r.number()
			n := r.small(1024)
			for r.err == nil {
				t := r.byte()
				if t == szEnd {
					break
				}
				switch t {
				case szSize:
					for range n {
						packSizes = append(packSizes, r.number())
					}
				case szCRC:
					szSkipDigests(r, n)
				default:
					return nil, 0, nil, nil, errSevenZip
				}
			}
		case szUnpackInfo:
			folders, unpackSizes = szUnpackInfoRead(r)
		case szSubStreamsInfo:
			return folders, packPos, packSizes, unpackSizes, r.err
		default:
			return nil, 0, nil, nil, errSevenZip
		}
	}
	return nil, 0, nil, nil, r.err
}

func szSkipDigests(r *szReader, n int) {
	all := r.byte()
	defined := n
	if all == 0 {
		bits := r.bytes(uint64((n + 7) / 8))
		defined = 0
		for i := range n {
			if i/8 < len(bits) && bits[i/8]&(0x80>>(i%8)) != 0 {
				defined++
			}
		}
	}
	r.bytes(uint64(defined) * 4)
}

func szUnpackInfoRead(r *szReader) ([]szFolder, []uint64) {
	if r.byte() != szFolderID {
		r.err = errSevenZip
		return nil, nil
	}
	n := r.small(4096)
	if r.byte() != 0 { // external
		r.err = errSevenZip
		return nil, nil
	}
	folders := make([]szFolder, 0, n)
	outTotal := 0
	for i := 0; i < n && r.err == nil; i++ {
		f, outs := szFolderRead(r)
		if r.err != nil {
			return nil, nil
		}
		folders = append(folders, f)
		outTotal += outs
	}
	var sizes []uint64
	if r.byte() != szCodersUnpackSize {
		r.err = errSevenZip
		return nil, nil
	}
	for i := 0; i < outTotal && r.err == nil; i++ {
		sizes = append(sizes, r.number())
	}
	for r.err == nil {
		t := r.byte()
		if t == szEnd {
			break
		}
		if t != szCRC {
			r.err = errSevenZip
			break
		}
		szSkipDigests(r, n)
	}
	return folders, sizes
}

func szFolderRead(r *szReader) (szFolder, int) {
	var f szFolder
	nCoders := r.small(64)
	ins, outs := 0, 0
	for i := 0; i < nCoders && r.err == nil; i++ {
		flags := r.byte()
		c := szCoder{id: r.bytes(uint64(flags & 0x0f))}
		if flags&0x10 != 0 {
			ins += r.small(64)
			outs += r.small(64)
		} else {
			ins++
			outs++
		}
		if flags&0x20 != 0 {
			c.props = r.bytes(uint64(r.small(1 << 16)))
		}
		if flags&0x80 != 0 {
			r.err = errSevenZip
		}
		f.coders = append(f.coders, c)
	}
	bind := outs - 1
	for range max(bind, 0) {
		r.number()
		r.number()
	}
	if packed := ins - bind; packed > 1 {
		for range packed {
			r.number()
		}
	}
	return f, outs
}

// szHeaderFolders reads a plain Header up to the folders of its main streams.
func szHeaderFolders(d []byte) ([]szFolder, error) {
	info, err := szHeaderStreams(d)
	return info.folders, err
}

// szStreams is what the main streams info of a header says.
type szStreams struct {
	folders                []szFolder
	packPos                uint64
	packSizes, unpackSizes []uint64
}

// szHeaderStreams reads a plain Header up to its main streams info.
func szHeaderStreams(d []byte) (szStreams, error) {
	r := &szReader{d: d}
	id := r.byte()
	if id == szArchiveProps {
		for r.err == nil {
			t := r.byte()
			if t == 0 {
				break
			}
			r.bytes(r.number())
		}
		id = r.byte()
	}
	if id == szAdditionalInfo {
		return szStreams{}, errSevenZip // not written by any current tool
	}
	if id != szMainStreamsInfo {
		if id == 0x05 || id == szEnd { // only FilesInfo: empty files, no data
			return szStreams{}, r.err
		}
		return szStreams{}, errSevenZip
	}
	var st szStreams
	var err error
	st.folders, st.packPos, st.packSizes, st.unpackSizes, err = szStreamsInfo(r.d)
	return st, err
}

// szDecodeHeader decompresses an LZMA or LZMA2 encoded header (bounded).
func szDecodeHeader(b *Blob, f szFolder, packPos uint64, packSizes, unpackSizes []uint64) ([]byte, error) {
	if len(packSizes) == 0 || len(unpackSizes) == 0 || unpackSizes[0] > 4<<20 {
		return nil, ErrTooLarge
	}
	return szDecodeFolder(b, f, 32+packPos, packSizes[0], unpackSizes[0], int64(unpackSizes[0]))
}

// szDecodeFolder decompresses one single-coder folder (copy, LZMA or LZMA2) whose
// packed stream sits at off, producing at most max bytes.
func szDecodeFolder(b *Blob, f szFolder, off, size, out uint64, limit int64) ([]byte, error) {
	if len(f.coders) != 1 {
		return nil, errSevenZip
	}
	if size > maxRead || off > uint64(b.Size) {
		return nil, ErrTooLarge
	}
	packed, err := b.At(int64(off), int(size))
	if err != nil {
		return nil, err
	}
	var rd io.Reader
	c := f.coders[0]
	window := min(out, uint64(max(limit, 0))) // the window never needs to exceed the output
	switch {
	case len(c.id) == 1 && c.id[0] == 0: // copy
		rd = bytes.NewReader(packed)
	case bytes.Equal(c.id, szLZMA) && len(c.props) == 5:
		var hdr [13]byte
		copy(hdr[:], c.props)
		dict := min(binary.LittleEndian.Uint32(hdr[1:]), uint32(max(window, lzma.MinDictCap)))
		binary.LittleEndian.PutUint32(hdr[1:], dict)
		binary.LittleEndian.PutUint64(hdr[5:], out)
		lr, err := lzma.NewReader(io.MultiReader(bytes.NewReader(hdr[:]), bytes.NewReader(packed)))
		if err != nil {
			return nil, err
		}
		rd = lr
	case bytes.Equal(c.id, szLZMA2) && len(c.props) == 1:
		cfg := lzma.Reader2Config{DictCap: min(szLZMA2Dict(c.props[0]), int(max(window, lzma.MinDictCap)))}
		lr, err := cfg.NewReader2(bytes.NewReader(packed))
		if err != nil {
			return nil, err
		}
		rd = lr
	default:
		return nil, errSevenZip
	}
	data, err := io.ReadAll(io.LimitReader(rd, min(int64(min(out, 1<<62)), limit)))
	if len(data) > 0 {
		err = nil // a cut stream still gives its start
	}
	return data, err
}

// SevenZipContent returns the decompressed content of a 7z archive's folders that
// are in clear and use one copy, LZMA or LZMA2 coder (what 7-Zip writes for
// documents), up to max bytes in all; each folder holds its files one after another.
func SevenZipContent(b *Blob, limit int64) [][]byte {
	h := b.Head
	if !hasPrefix(h, "7z\xbc\xaf\x27\x1c") || len(h) < 32 {
		return nil
	}
	nextOff := binary.LittleEndian.Uint64(h[12:])
	nextSize := binary.LittleEndian.Uint64(h[20:])
	if nextSize == 0 || nextOff > uint64(b.Size) || nextSize > maxRead {
		return nil
	}
	hdr, err := b.At(32+int64(nextOff), int(nextSize))
	if err != nil || len(hdr) == 0 {
		return nil
	}
	if hdr[0] == szEncodedHeader {
		folders, packPos, packSizes, unpackSizes, err := szStreamsInfo(hdr[1:])
		if err != nil || len(folders) == 0 || folders[0].has(szAES) {
			return nil
		}
		if hdr, err = szDecodeHeader(b, folders[0], packPos, packSizes, unpackSizes); err != nil || len(hdr) == 0 {
			return nil
		}
	}
	if hdr[0] != szHeader {
		return nil
	}
	st, err := szHeaderStreams(hdr[1:])
	if err != nil || len(st.folders) != len(st.packSizes) || len(st.unpackSizes) < len(st.folders) {
		return nil // only the simple layout: one packed stream and one output per folder
	}
	var out [][]byte
	off := 32 + st.packPos
	for i, f := range st.folders {
		if limit <= 0 {
			break
		}
		if !f.has(szAES) {
			if data, err := szDecodeFolder(b, f, off, st.packSizes[i], st.unpackSizes[i], limit); err == nil {
				out = append(out, data)
				limit -= int64(len(data))
			}
		}
		off += st.packSizes[i]
	}
	return out
}

// szLZMA2Dict decodes the LZMA2 dictionary-size byte, capped at 128 MiB.
func szLZMA2Dict(p byte) int {
	if p >= 40 {
		return 1 << 27
	}
	d := (2 | int(p)&1) << (p/2 + 11)
	return min(max(d, lzma.MinDictCap), 1<<27)
}
