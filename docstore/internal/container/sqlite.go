package container

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// A SQLite database keeps its rows in b-tree pages, in a format documented by the
// SQLite project ("Database File Format"): SQLiteText reads the values of the records
// page by page, as a file-format reader, with bounded work, never running anything the
// file holds. The text of an HR or customer table (names, IBANs, social security
// numbers) comes out one record a line, values separated by tabs, as cells.

const sqliteMagic = "SQLite format 3\x00"

// SQLite b-tree page types.
const (
	sqliteIndexLeaf = 0x0a
	sqliteTableLeaf = 0x0d
)

// SQLiteText returns the text values (and the fifteen-digit integers) of the records
// of the database, up
// to limit bytes of output; it reads at most about twice limit bytes of pages. Leaf
// pages of tables and of indexes (WITHOUT ROWID tables live there) are read in file
// order, with their overflow chains; freed pages that still hold old records are read
// too, as anyone could.
func SQLiteText(b *Blob, limit int64) []byte {
	h := b.Head
	if !hasPrefix(h, sqliteMagic) || len(h) < 100 || limit <= 0 {
		return nil
	}
	pageSize := int(binary.BigEndian.Uint16(h[16:]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return nil
	}
	usable := pageSize - int(h[20])
	if usable < 480 {
		return nil
	}
	r := sqliteReader{b: b, pageSize: pageSize, usable: usable, encoding: binary.BigEndian.Uint32(h[56:]), limit: limit,
		cells: limit/8 + 4096, work: 4*limit + 1<<20}
	pages := b.Size / int64(pageSize)
	budget := limit*2/int64(pageSize) + 1
	for p := int64(1); p <= pages && p <= budget && int64(r.out.Len()) < limit && r.cells > 0 && r.work > 0; p++ {
		page, err := b.At((p-1)*int64(pageSize), pageSize)
		if err != nil || len(page) < pageSize {
			break
		}
		r.page(page, p == 1)
	}
	out := r.out.Bytes()
	return out[:min(int64(len(out)), limit)]
}

type sqliteReader struct {
	b        *Blob
	pageSize int
	usable   int
	encoding uint32 // 1 UTF-8, 2 UTF-16le, 3 UTF-16be
	limit    int64
	cells    int64 // cells that may still be read: a page may list thousands, twice over
	work     int64 // payload bytes that may still be assembled (overflow chains loop)
	out      bytes.Buffer
}

// page reads the cells of one leaf page.
func (r *sqliteReader) page(page []byte, first bool) {
	hdr := 0
	if first {
		hdr = 100
	}
	typ := page[hdr]
	if typ != sqliteTableLeaf && typ != sqliteIndexLeaf {
		return
	}
	cells := int(binary.BigEndian.Uint16(page[hdr+3:]))
	ptrs := hdr + 8
	if ptrs+2*cells > len(page) {
		return
	}
	for i := range cells {
		if r.cells--; r.cells < 0 || r.work <= 0 {
			return
		}
		off := int(binary.BigEndian.Uint16(page[ptrs+2*i:]))
		if off < ptrs || off >= r.usable {
			continue
		}
		payload := r.cell(page[:r.usable], off, typ)
		r.work -= int64(len(payload)) + 16
		if payload != nil {
			r.record(payload)
		}
		if int64(r.out.Len()) >= r.limit {
			return
		}
	}
}

// cell returns the payload of the cell at off, its overflow pages joined (bounded).
func (r *sqliteReader) cell(page []byte, off int, typ byte) []byte {
	size, n := sqliteVarint(page[off:])
	if n == 0 || size > uint64(min(r.limit, r.work))+uint64(r.pageSize) {
		return nil
	}
	off += n
	if typ == sqliteTableLeaf {
		if _, n = sqliteVarint(page[off:]); n == 0 { // the rowid
			return nil
		}
		off += n
	}
	u := r.usable
	x := u - 35
	if typ == sqliteIndexLeaf {
		x = (u-12)*64/255 - 23
	}
	local := int(size)
	if int(size) > x {
		m := (u-12)*32/255 - 23
		k := m + (int(size)-m)%(u-4)
		local = m
		if k <= x {
			local = k
		}
	}
	if off+local > len(page) {
		return nil
	}
	payload := append([]byte(nil), page[off:off+local]...)
	if local == int(size) {
		return payload
	}
	if off+local+4 > len(page) {
		return payload
	}
	next := binary.BigEndian.Uint32(page[off+local:])
	for hops := 0; next != 0 && len(payload) < int(size) && hops < 4096; hops++ {
		pg, err := r.b.At(int64(next-1)*int64(r.pageSize), r.usable)
		if err != nil || len(pg) <= 4 {
			break
		}
		next = binary.BigEndian.Uint32(pg)
		payload = append(payload, pg[4:min(len(pg), 4+int(size)-len(payload))]...)
	}
	return payload
}

// record decodes a record (header of serial types, then values) and writes its text
// and integer values as one line.
func (r *sqliteReader) record(p []byte) {
	hsize, n := sqliteVarint(p)
	if n == 0 || hsize > uint64(len(p)) || hsize < uint64(n) {
		return
	}
	types := p[n:hsize]
	body := p[hsize:]
	wrote := false
	for len(types) > 0 {
		t, n := sqliteVarint(types)
		if n == 0 {
			break
		}
		types = types[n:]
		size := sqliteSerialSize(t)
		if size < 0 || size > len(body) {
			break
		}
		v := body[:size]
		body = body[size:]
		var text []byte
		switch {
		case t >= 5 && t <= 6:
			// only integers of fifteen digits: a social security number kept as a
			// number; other integers (counts, ids, timestamps) are not read, their
			// digits would only give chance matches
			if n := sqliteInt(v); n >= 1e14 && n < 1e15 {
				text = strconv.AppendInt(nil, n, 10)
			}
		case t >= 13 && t%2 == 1:
			text = r.decode(v)
		}
		if len(text) == 0 {
			continue
		}
		if wrote {
			r.out.WriteByte('\t')
		}
		r.out.Write(text)
		wrote = true
	}
	if wrote {
		r.out.WriteByte('\n')
	}
}

// decode turns a text value into UTF-8 according to the database's encoding.
func (r *sqliteReader) decode(v []byte) []byte {
	if r.encoding != 2 && r.encoding != 3 {
		return v
	}
	u := make([]uint16, len(v)/2)
	for i := range u {
		if r.encoding == 2 {
			u[i] = binary.LittleEndian.Uint16(v[2*i:])
		} else {
			u[i] = binary.BigEndian.Uint16(v[2*i:])
		}
	}
	out := make([]byte, 0, len(u))
	for _, c := range utf16.Decode(u) {
		out = utf8.AppendRune(out, c)
	}
	return out
}

// sqliteSerialSize is the size in bytes of a value of serial type t (-1: reserved).
func sqliteSerialSize(t uint64) int {
	switch {
	case t <= 4:
		return [...]int{0, 1, 2, 3, 4}[t]
	case t == 5:
		return 6
	case t == 6 || t == 7:
		return 8
	case t == 8 || t == 9:
		return 0
	case t >= 12 && t < 1<<40:
		return int((t - 12) / 2)
	}
	return -1
}

// sqliteInt decodes a big-endian two's-complement integer of 1 to 8 bytes.
func sqliteInt(v []byte) int64 {
	var n int64
	if len(v) > 0 && v[0]&0x80 != 0 {
		n = -1
	}
	for _, c := range v {
		n = n<<8 | int64(c)
	}
	return n
}

// sqliteVarint decodes SQLite's big-endian varint (1 to 9 bytes); n is 0 when b is
// too short.
func sqliteVarint(b []byte) (v uint64, n int) {
	for i := 0; i < 9; i++ {
		if i >= len(b) {
			return 0, 0
		}
		if i == 8 {
			return v<<8 | uint64(b[i]), 9
		}
		v = v<<7 | uint64(b[i]&0x7f)
		if b[i]&0x80 == 0 {
			return v, i + 1
		}
	}
	return v, 9
}
