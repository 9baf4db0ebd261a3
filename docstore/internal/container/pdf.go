package container

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io"
	"strconv"
)

// probePDF recognises PDF files and reads their encryption dictionary: it names the
// cipher from /V, /R, /Length and the crypt filter, and checks whether the empty
// password opens the file (as user or as owner password): it then opens without any
// secret. The trailer is read as a reader reads it, through every cross-reference
// section (the /Prev chain from startxref, hybrid /XRefStm, the first-page trailer of
// a linearized file). An encryption dictionary over content streams in clear is not
// encryption: the content is readable.
func probePDF(b *Blob) (Result, bool) {
	i := bytes.Index(b.Head[:min(len(b.Head), 1024)], []byte("%PDF-"))
	if i < 0 {
		return Result{}, false
	}
	x := readPDFXref(b)
	enc, encrypted := pdfEncryptDict(b, x)
	if !encrypted {
		return Result{Verdict: Plain, Format: FormatPDF, Content: ContentPDF}, true
	}
	r := pdfEncryption(enc)
	if r.Verdict == Encrypted || r.Verdict == Weak {
		if pdfStreamsInClear(b, enc) {
			r.Verdict, r.Cipher = Plain, ""
			r.Note(NoteStreamsInClear)
			return r, true
		}
	}
	if r.Verdict == Encrypted {
		switch _, how := pdfEmptyPassword(enc, pdfID0(x.trailer())); how {
		case NoteEmptyUserPassword, NoteEmptyOwnerPassword:
			r.Verdict = Weak
			r.Note(how)
		}
	}
	return r, true
}

// pdfID0 returns the first string of the trailer's /ID, or nil.
func pdfID0(trailer []byte) []byte {
	if id := pdfValue(trailer, "/ID"); id != nil {
		return pdfFirstString(id)
	}
	return nil
}

// pdfXref is what the cross-reference sections of a file say: their offsets (newest
// first) and their trailer dictionaries.
type pdfXref struct {
	sections []int64
	trailers [][]byte
}

// maxXrefSections bounds the /Prev chain (incremental updates) that is followed.
const maxXrefSections = 64

// readPDFXref follows the chain of cross-reference sections from the last startxref:
// each section's trailer (the dictionary after "trailer", or the xref stream's own
// dictionary) may name an older section by /Prev and, in hybrid files, an xref stream
// by /XRefStm. The first-page trailer of a linearized file is in the chain; it is
// also looked for at the head of the file, where it always is, in case the chain is
// broken.
func readPDFXref(b *Blob) pdfXref {
	var x pdfXref
	seen := map[int64]bool{}
	var queue []int64
	if off, ok := pdfStartXref(b.Tail()); ok {
		queue = append(queue, off)
	}
	for len(queue) > 0 && len(x.sections) < maxXrefSections {
		off := queue[0]
		queue = queue[1:]
		if seen[off] || off < 0 || off >= b.Size {
			continue
		}
		seen[off] = true
		trailer := pdfSectionTrailer(b, off)
		if trailer == nil {
			continue
		}
		x.sections = append(x.sections, off)
		x.trailers = append(x.trailers, trailer)
		if n := pdfInt(trailer, "/XRefStm", -1); n >= 0 {
			queue = append(queue, int64(n))
		}
		if n := pdfInt(trailer, "/Prev", -1); n >= 0 {
			queue = append(queue, int64(n))
		}
	}
	// the trailer keywords a damaged file still has: the last one of the tail, and
	// those of the head (a linearized file's first page)
	tail := b.Tail()
	if i := bytes.LastIndex(tail, []byte("trailer")); i >= 0 {
		if d := pdfDict(tail[i+7:]); d != nil {
			x.trailers = append(x.trailers, d)
		}
	}
	head := b.Head[:min(len(b.Head), 16<<10)]
	for off := 0; off < len(head) && len(x.trailers) < 2*maxXrefSections; {
		i := bytes.Index(head[off:], []byte("trailer"))
		if i < 0 {
			break
		}
		off += i + 7
		if d := pdfDict(head[off:]); d != nil {
			x.trailers = append(x.trailers, d)
		}
	}
	return x
}

// trailer returns the newest trailer that names the document's /Root, else the newest
// one (what a reader takes as "the" trailer; a linearized file's last trailer only
// has /Size).
func (x pdfXref) trailer() []byte {
	for _, t := range x.trailers {
		if pdfValue(t, "/Root") != nil || pdfValue(t, "/Encrypt") != nil {
			return t
		}
	}
	if len(x.trailers) > 0 {
		return x.trailers[0]
	}
	return nil
}

// pdfSectionTrailer returns the trailer dictionary of the cross-reference section at
// off: after the table's subsections for a classic table, the stream's dictionary for
// an xref stream.
func pdfSectionTrailer(b *Blob, off int64) []byte {
	head, err := b.At(off, 64)
	if err != nil && len(head) == 0 {
		return nil
	}
	if !hasPrefix(bytes.TrimLeft(head, " \r\n\t"), "xref") {
		obj, err := b.At(off, 4096)
		if err != nil && len(obj) == 0 {
			return nil
		}
		i := bytes.Index(obj, []byte("<<"))
		if i < 0 || i > 64 {
			return nil
		}
		d := pdfDict(obj[i:])
		if d == nil || !bytes.Contains(d, []byte("/XRef")) {
			return nil
		}
		return d
	}
	end, ok := pdfTableEnd(b, off)
	if !ok {
		return nil
	}
	rest, err := b.At(end, 4096)
	if err != nil && len(rest) == 0 {
		return nil
	}
	t := bytes.TrimLeft(rest, " \r\n\t\f\x00")
	if !hasPrefix(t, "trailer") {
		return nil
	}
	return pdfDict(t[len("trailer"):])
}

func pdfStartXref(tail []byte) (int64, bool) {
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return 0, false
	}
	f := bytes.Fields(tail[i+9 : min(len(tail), i+9+32)])
	if len(f) == 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(string(f[0]), 10, 64)
	return n, err == nil && n >= 0
}

// pdfDict returns the balanced "<< ... >>" dictionary at the start of d (after
// white space), or nil.
func pdfDict(d []byte) []byte {
	d = bytes.TrimLeft(d, " \t\r\n\f\x00")
	if !hasPrefix(d, "<<") {
		return nil
	}
	depth := 0
	for i := 0; i+1 < len(d); i++ {
		switch {
		case d[i] == '<' && d[i+1] == '<':
			depth++
			i++
		case d[i] == '>' && d[i+1] == '>':
			depth--
			i++
			if depth == 0 {
				return d[:i+1]
			}
		case d[i] == '(': // skip literal strings, they may hold brackets
			i = pdfSkipString(d, i)
		}
	}
	return nil
}

func pdfSkipString(d []byte, i int) int {
	depth := 0
	for ; i < len(d); i++ {
		switch d[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return i
}

// pdfValue returns the raw value after key in dict (a name match on a whole token),
// up to the next key at the same level.
func pdfValue(dict []byte, key string) []byte {
	for off := 0; off < len(dict); {
		i := bytes.Index(dict[off:], []byte(key))
		if i < 0 {
			return nil
		}
		i += off
		j := i + len(key)
		if j < len(dict) && isPDFRegular(dict[j]) {
			off = j
			continue
		}
		v := bytes.TrimLeft(dict[j:], " \t\r\n\f")
		switch {
		case hasPrefix(v, "<<"):
			return pdfDict(v)
		case hasPrefix(v, "["):
			if k := bytes.IndexByte(v, ']'); k >= 0 {
				return v[:k+1]
			}
			return v
		case hasPrefix(v, "("):
			return v[:min(len(v), pdfSkipString(v, 0)+1)]
		case hasPrefix(v, "<"):
			if k := bytes.IndexByte(v, '>'); k >= 0 {
				return v[:k+1]
			}
			return v
		}
		end := bytes.IndexAny(v, "/>[]")
		if hasPrefix(v, "/") {
			end = 1 + bytes.IndexAny(v[1:], "/> \r\n\t[]<(")
			if end == 0 {
				end = len(v)
			}
		}
		if end < 0 {
			end = len(v)
		}
		return bytes.TrimSpace(v[:end])
	}
	return nil
}

func isPDFRegular(c byte) bool {
	return c > ' ' && !bytes.ContainsRune([]byte("()<>[]{}/%"), rune(c))
}

func pdfInt(dict []byte, key string, def int) int {
	v := pdfValue(dict, key)
	f := bytes.Fields(v)
	if len(f) == 0 {
		return def
	}
	n, err := strconv.Atoi(string(f[0]))
	if err != nil {
		return def
	}
	return n
}

func pdfRef(v []byte) (int, bool) {
	f := bytes.Fields(v)
	if len(f) < 3 || string(f[2]) != "R" {
		return 0, false
	}
	n, err := strconv.Atoi(string(f[0]))
	return n, err == nil && n >= 0
}

// pdfObject finds object num through the cross-reference sections, newest first,
// and returns its dictionary.
func pdfObject(b *Blob, x pdfXref, num int) []byte {
	for _, off := range x.sections {
		head, err := b.At(off, 64)
		if err != nil && len(head) == 0 {
			continue
		}
		var objOff int64
		if hasPrefix(bytes.TrimLeft(head, " \r\n\t"), "xref") {
			objOff = pdfXrefTable(b, off, num)
		} else {
			objOff = pdfXrefStream(b, off, num)
		}
		if objOff < 0 {
			continue
		}
		obj, err := b.At(objOff, 4096)
		if err != nil && len(obj) == 0 {
			continue
		}
		if i := bytes.Index(obj, []byte("<<")); i >= 0 && i < 64 {
			return pdfDict(obj[i:])
		}
	}
	return nil
}

// pdfTableEnd skips the subsections ("start count" then count rows of 20 bytes) of
// the classic table at off and returns the offset just after them.
func pdfTableEnd(b *Blob, off int64) (int64, bool) {
	return pdfSubsections(b, off, nil)
}

// pdfXrefTable reads the classic table: subsections "start count" of 20-byte rows.
func pdfXrefTable(b *Blob, off int64, num int) int64 {
	found := int64(-1)
	pdfSubsections(b, off, func(first, count int, rows int64) bool {
		if num < first || num >= first+count {
			return true
		}
		row, err := b.At(rows+int64(num-first)*20, 20)
		if err != nil {
			return false
		}
		f := bytes.Fields(row)
		if len(f) < 3 || string(f[2]) != "n" {
			return false
		}
		if n, err := strconv.ParseInt(string(f[0]), 10, 64); err == nil {
			found = n
		}
		return false
	})
	return found
}

// pdfSubsections walks the subsections of the classic table at off, calling fn (when
// not nil) with each one's first object number, its count and the offset of its rows,
// until fn returns false. It returns the offset just after the last subsection.
func pdfSubsections(b *Blob, off int64, fn func(first, count int, rows int64) bool) (int64, bool) {
	pos := off
	line := func() []byte {
		d, _ := b.At(pos, 128)
		i := bytes.IndexAny(d, "\r\n")
		if i < 0 {
			return nil
		}
		l := d[:i]
		for i < len(d) && (d[i] == '\r' || d[i] == '\n' || d[i] == ' ') {
			i++
		}
		pos += int64(i)
		return l
	}
	if l := line(); !bytes.HasPrefix(bytes.TrimSpace(l), []byte("xref")) {
		return 0, false
	}
	for range 10000 {
		start := pos
		f := bytes.Fields(line())
		if len(f) != 2 {
			return start, true
		}
		first, err1 := strconv.Atoi(string(f[0]))
		count, err2 := strconv.Atoi(string(f[1]))
		if err1 != nil || err2 != nil || first < 0 || count < 0 || count > 1<<24 {
			return start, true
		}
		if fn != nil && !fn(first, count, pos) {
			return pos, true
		}
		pos += int64(count) * 20
		if pos > b.Size {
			return 0, false
		}
	}
	return 0, false
}

// pdfXrefStream decodes a cross-reference stream (Flate with an optional PNG
// predictor) and returns the offset of object num.
func pdfXrefStream(b *Blob, off int64, num int) int64 {
	obj, err := b.At(off, 4096)
	if err != nil && len(obj) == 0 {
		return -1
	}
	i := bytes.Index(obj, []byte("<<"))
	if i < 0 {
		return -1
	}
	dict := pdfDict(obj[i:])
	if dict == nil {
		return -1
	}
	s := bytes.Index(obj[i+len(dict):], []byte("stream"))
	if s < 0 {
		return -1
	}
	start := off + int64(i+len(dict)+s+6)
	if c, _ := b.At(start, 2); hasPrefix(c, "\r\n") {
		start += 2
	} else if len(c) > 0 && (c[0] == '\n' || c[0] == '\r') {
		start++
	}
	length := pdfInt(dict, "/Length", -1)
	if length <= 0 || length > maxRead {
		return -1
	}
	raw, err := b.At(start, length)
	if err != nil {
		return -1
	}
	data, err := inflateCapped(raw, 8<<20)
	if err != nil && len(data) == 0 {
		return -1
	}
	var w [3]int
	if f := bytes.Fields(bytes.Trim(pdfValue(dict, "/W"), "[]")); len(f) == 3 {
		for k := range w {
			w[k], _ = strconv.Atoi(string(f[k]))
			if w[k] < 0 || w[k] > 8 {
				return -1
			}
		}
	} else {
		return -1
	}
	rowLen := w[0] + w[1] + w[2]
	if rowLen == 0 {
		return -1
	}
	if parms := pdfValue(dict, "/DecodeParms"); pdfInt(parms, "/Predictor", 1) >= 10 {
		data = pngUnpredict(data, pdfInt(parms, "/Columns", rowLen))
	}
	index := []int{0, pdfInt(dict, "/Size", 0)}
	if f := bytes.Fields(bytes.Trim(pdfValue(dict, "/Index"), "[]")); len(f) >= 2 && len(f)%2 == 0 {
		index = index[:0]
		for _, x := range f {
			n, _ := strconv.Atoi(string(x))
			index = append(index, n)
		}
	}
	row := 0
	for k := 0; k+1 < len(index); k += 2 {
		if num >= index[k] && num < index[k]+index[k+1] {
			row += num - index[k]
			p := row * rowLen
			if p+rowLen > len(data) {
				return -1
			}
			field := func(at, n int, def uint64) uint64 {
				if n == 0 {
					return def
				}
				var v uint64
				for _, c := range data[p+at : p+at+n] {
					v = v<<8 | uint64(c)
				}
				return v
			}
			if field(0, w[0], 1) != 1 {
				return -1
			}
			return int64(min(field(w[0], w[1], 0), 1<<62))
		}
		row += max(index[k+1], 0)
	}
	return -1
}

// pngUnpredict undoes the PNG "Up"/"Sub"/"None" row filters used by xref streams.
func pngUnpredict(d []byte, cols int) []byte {
	if cols <= 0 || cols > 64 {
		return nil
	}
	var out []byte
	prev := make([]byte, cols)
	for len(d) >= cols+1 {
		ft, row := d[0], append([]byte(nil), d[1:cols+1]...)
		for i := range row {
			switch ft {
			case 1:
				if i > 0 {
					row[i] += row[i-1]
				}
			case 2:
				row[i] += prev[i]
			}
		}
		out = append(out, row...)
		prev = row
		d = d[cols+1:]
	}
	return out
}

// inflateCapped decompresses zlib data, producing at most max bytes.
func inflateCapped(raw []byte, max int64) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(io.LimitReader(zr, max))
}

// pdfFindEncryptDict is the fallback when the reference cannot be resolved: the
// encryption dictionary holds /Filter and /O and /U entries.
func pdfFindEncryptDict(b *Blob) []byte {
	for _, w := range [][]byte{b.Tail(), b.Head} {
		for off := 0; off < len(w); {
			i := bytes.Index(w[off:], []byte("/Filter"))
			if i < 0 {
				break
			}
			i += off
			start := bytes.LastIndex(w[max(0, i-512):i], []byte("<<"))
			if start >= 0 {
				if d := pdfDict(w[max(0, i-512)+start:]); d != nil && pdfValue(d, "/O") != nil && pdfValue(d, "/U") != nil {
					return d
				}
			}
			off = i + 7
		}
	}
	return nil
}

// pdfEncryption names the cipher of an encryption dictionary.
func pdfEncryption(enc []byte) Result {
	r := Result{Verdict: Encrypted, Format: FormatPDF, Content: ContentPDF}
	if enc == nil {
		r.Note(NoteEncryptDictMissing)
		return r
	}
	v, rev := pdfInt(enc, "/V", 0), pdfInt(enc, "/R", 0)
	length := pdfInt(enc, "/Length", 40)
	if length < 40 || length > 256 {
		length = 40
	}
	filter := string(bytes.TrimPrefix(pdfValue(enc, "/Filter"), []byte("/")))
	cfm := string(bytes.TrimPrefix(pdfValue(pdfValue(enc, "/CF"), "/CFM"), []byte("/")))
	switch {
	case v == 1 || v == 2 || v == 4 && cfm == "V2":
		r.Verdict = Weak
		if v == 1 {
			length = 40
		} else if v == 4 {
			length = 128
		}
		r.Cipher = "RC4-" + itoa(length)
	case v == 4 && cfm == "AESV2":
		r.Cipher = "AES-128"
	case v == 5 || cfm == "AESV3":
		r.Cipher = "AES-256"
		if rev == 5 {
			r.Note(NoteDeprecatedRevision)
		}
	case v == 4:
		r.Cipher = "/CFM /" + cstr([]byte(cfm[:min(len(cfm), 16)]))
	}
	r.Detail = "/V " + itoa(v) + " /R " + itoa(rev)
	if filter != "" && filter != "Standard" {
		r.Detail += " /Filter /" + cstr([]byte(filter[:min(len(filter), 32)]))
		r.Note(NoteCertificate)
	}
	return r
}

// pdfEncryptDict returns the /Encrypt dictionary that the trailers name (any of
// them: a file once encrypted stays so through its updates, and a linearized file has
// it in its first-page trailer only): inline, through its object reference, or, when
// the reference cannot be followed (damaged xref), the first encryption dictionary in
// the file. encrypted is false when no trailer has /Encrypt; dict may then still be
// nil for a damaged file.
func pdfEncryptDict(b *Blob, x pdfXref) (dict []byte, encrypted bool) {
	var ref []byte
	for _, t := range x.trailers {
		if ref = pdfValue(t, "/Encrypt"); ref != nil {
			break
		}
	}
	if ref == nil {
		return nil, false
	}
	if hasPrefix(ref, "<<") {
		dict = ref
	} else if num, ok := pdfRef(ref); ok {
		dict = pdfObject(b, x, num)
	}
	if dict == nil {
		dict = pdfFindEncryptDict(b)
	}
	return dict, true
}

// pdfFirstString returns the first string of an array like [<hex><hex>].
func pdfFirstString(v []byte) []byte {
	v = bytes.TrimLeft(bytes.TrimPrefix(bytes.TrimSpace(v), []byte("[")), " \r\n\t")
	s, _ := pdfString(v)
	return s
}

// pdfString decodes a hex <...> or literal (...) string at the start of v.
func pdfString(v []byte) ([]byte, bool) {
	switch {
	case hasPrefix(v, "<"):
		end := bytes.IndexByte(v, '>')
		if end < 0 {
			return nil, false
		}
		out := PDFHexDecode(v[1:end])
		return out, true
	case hasPrefix(v, "("):
		return PDFLiteral(v[1:]), true
	}
	return nil, false
}

// PDFHexDecode decodes the inside of a PDF hex string <...>: white space and other
// stray bytes are skipped, an odd final digit counts as followed by 0.
func PDFHexDecode(h []byte) []byte {
	var out []byte
	var hi byte
	odd := false
	for _, c := range h {
		var n byte
		switch {
		case c >= '0' && c <= '9':
			n = c - '0'
		case c >= 'a' && c <= 'f':
			n = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			n = c - 'A' + 10
		default:
			continue
		}
		if odd {
			out = append(out, hi<<4|n)
		} else {
			hi = n
		}
		odd = !odd
	}
	if odd {
		out = append(out, hi<<4)
	}
	return out
}

// PDFLiteral decodes the body of a literal string (after the opening bracket) up to
// its closing bracket, with its escapes.
func PDFLiteral(v []byte) []byte {
	var out []byte
	depth := 1
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		case '\\':
			i++
			if i >= len(v) {
				return out
			}
			switch e := v[i]; e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n':
				if e == '\r' && i+1 < len(v) && v[i+1] == '\n' {
					i++
				}
				continue
			default:
				if e >= '0' && e <= '7' {
					n := 0
					for k := 0; k < 3 && i < len(v) && v[i] >= '0' && v[i] <= '7'; k++ {
						n = n*8 + int(v[i]-'0')
						i++
					}
					i--
					c = byte(n)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// pdfStreamsInClear reports whether the streams of an encrypted PDF are in clear after
// all: the crypt filter for streams is /Identity, or the content streams sampled in the
// first MiB inflate as they are or read as page descriptions. A reader shows such a
// file without any password, whatever its /Encrypt dictionary says.
func pdfStreamsInClear(b *Blob, enc []byte) bool {
	if stmF := pdfValue(enc, "/StmF"); string(stmF) == "/Identity" && pdfInt(enc, "/V", 0) >= 4 {
		return true
	}
	data, err := ReadAt(b.R, 0, int(min(b.Size, maxRead)))
	if err != nil && len(data) == 0 {
		return false
	}
	streams, _ := PDFStreams(data)
	clear, sampled := 0, 0
	for _, st := range streams {
		if sampled == 16 {
			break
		}
		if bytes.Contains(st.Dict, []byte("/XRef")) || bytes.Contains(st.Dict, []byte("/Metadata")) || bytes.Contains(st.Dict, []byte("/Crypt")) || len(st.Body) < 32 {
			continue // never encrypted, in clear by the file's own choice, or too short to tell
		}
		sampled++
		if pdfReadable(st.Dict, st.Body) {
			clear++
		}
	}
	return sampled > 0 && clear*2 > sampled
}

// pdfReadable reports whether a stream body is readable as it is: a Flate stream that
// inflates (a ciphertext fails its zlib header or its first block), or text with the
// operators of a page.
func pdfReadable(dict, body []byte) bool {
	if bytes.Contains(dict, []byte("/FlateDecode")) {
		out, err := inflateCapped(body, 4096)
		return (err == nil || len(out) >= 64) && len(out) > 0
	}
	if bytes.Contains(dict, []byte("/Filter")) {
		return false
	}
	if !LooksText(body[:min(len(body), 4096)]) {
		return false
	}
	for _, op := range []string{" Tj", " TJ", "BT", " Tf", " re", " cm"} {
		if bytes.Contains(body, []byte(op)) {
			return true
		}
	}
	return false
}

// PDFFilters returns the names of the filters of a stream dictionary, in the order
// they apply: "/Filter /FlateDecode" or "/Filter [/ASCII85Decode /FlateDecode]".
func PDFFilters(dict []byte) []string {
	v := pdfValue(dict, "/Filter")
	if v == nil {
		return nil
	}
	var out []string
	for _, f := range bytes.FieldsFunc(v, func(r rune) bool {
		return r == '/' || r == '[' || r == ']' || r == ' ' || r == '\r' || r == '\n' || r == '\t'
	}) {
		if len(out) == 8 {
			break
		}
		out = append(out, cstr(f))
	}
	return out
}

// ASCII85Decode decodes a PDF ASCII85 stream (up to its "~>" end), white space
// skipped, "z" for four zero bytes; what decodes before an error is kept.
func ASCII85Decode(b []byte) []byte {
	out := make([]byte, 0, len(b)*4/5)
	var group [5]byte
	n := 0
	flush := func(k int) {
		var v uint32
		for i := range 5 {
			c := byte('u')
			if i < k {
				c = group[i]
			}
			v = v*85 + uint32(c-'!')
		}
		var w [4]byte
		binary.BigEndian.PutUint32(w[:], v)
		out = append(out, w[:k-1]...)
	}
	for _, c := range b {
		switch {
		case c == '~':
			if n > 1 {
				flush(n)
			}
			return out
		case c == 'z' && n == 0:
			out = append(out, 0, 0, 0, 0)
		case c >= '!' && c <= 'u':
			group[n] = c
			n++
			if n == 5 {
				flush(5)
				n = 0
			}
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
		default:
			return out
		}
	}
	if n > 1 {
		flush(n)
	}
	return out
}

// PDFStream is one stream of a PDF file: its dictionary and its raw data.
type PDFStream struct {
	Dict, Body []byte
	Num, Gen   int  // object number and generation, when known
	Numbered   bool // Num and Gen were read before "obj"
}

// PDFStreams lists the streams of data, found by their "stream" and "endstream"
// keywords (a damaged cross-reference table does not matter), at most 1<<16, and
// returns the bytes outside them, where the objects' own strings are.
func PDFStreams(data []byte) (streams []PDFStream, outside []byte) {
	outside = make([]byte, 0, min(len(data), 1<<20))
	last := 0
	for off := 0; off < len(data) && len(streams) < 1<<16; {
		i := bytes.Index(data[off:], []byte("stream"))
		if i < 0 {
			break
		}
		i += off
		off = i + 6
		if i >= 3 && string(data[i-3:i]) == "end" {
			continue
		}
		start := i + 6
		if start < len(data) && data[start] == '\r' {
			start++
		}
		if start < len(data) && data[start] == '\n' {
			start++
		}
		end := bytes.Index(data[start:], []byte("endstream"))
		if end < 0 {
			break
		}
		from := max(0, i-2048)
		dictStart := bytes.LastIndex(data[from:i], []byte("obj"))
		st := PDFStream{Dict: data[from+max(dictStart, 0) : i], Body: data[start : start+end]}
		if dictStart >= 0 {
			st.Num, st.Gen, st.Numbered = objectNumber(data[:from+dictStart])
		}
		streams = append(streams, st)
		if i > last {
			outside = append(outside, data[last:i]...)
		}
		off = start + end + 9
		last = off
	}
	if last < len(data) {
		outside = append(outside, data[last:]...)
	}
	return streams, outside
}

// objectNumber reads "num gen" just before the "obj" keyword that ends head.
func objectNumber(head []byte) (num, gen int, ok bool) {
	f := bytes.Fields(head[max(0, len(head)-32):])
	if len(f) < 2 {
		return 0, 0, false
	}
	atoi := func(b []byte) (int, bool) {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' || n > 1<<30 {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, len(b) > 0
	}
	num, ok1 := atoi(f[len(f)-2])
	gen, ok2 := atoi(f[len(f)-1])
	return num, gen, ok1 && ok2
}
