package container

import (
	"bytes"
	"compress/zlib"
	"io"
	"strconv"
)

// probePDF recognises PDF files and reads their encryption dictionary: it names the
// cipher from /V, /R, /Length and the crypt filter, and checks whether the user
// password is empty (the file then opens without any secret).
func probePDF(b *Blob) (Result, bool) {
	i := bytes.Index(b.Head[:min(len(b.Head), 1024)], []byte("%PDF-"))
	if i < 0 {
		return Result{}, false
	}
	trailer := pdfTrailer(b)
	enc, encrypted := pdfEncryptDict(b, trailer)
	if !encrypted {
		return Result{Verdict: Plain, Format: "PDF", Content: ContentPDF}, true
	}
	r := pdfEncryption(enc)
	if id := pdfValue(trailer, "/ID"); id != nil && r.Verdict == Encrypted {
		if pdfEmptyUserPassword(enc, pdfFirstString(id)) {
			r.Verdict = Weak
			r.Note = joinNote(r.Note, "empty user password: opens without a secret")
		}
	} else if r.Verdict == Encrypted && pdfInt(enc, "/R", 0) >= 5 && pdfEmptyUserPassword(enc, nil) {
		r.Verdict = Weak
		r.Note = joinNote(r.Note, "empty user password: opens without a secret")
	}
	return r, true
}

// pdfTrailer returns the last trailer dictionary: the "trailer" keyword in the tail
// window, or the dictionary of the cross-reference stream that startxref points at.
func pdfTrailer(b *Blob) []byte {
	tail := b.Tail()
	if i := bytes.LastIndex(tail, []byte("trailer")); i >= 0 {
		if d := pdfDict(tail[i+7:]); d != nil {
			return d
		}
	}
	off, ok := pdfStartXref(tail)
	if !ok {
		return nil
	}
	obj, err := b.At(off, 4096)
	if err != nil && len(obj) == 0 {
		return nil
	}
	if i := bytes.Index(obj, []byte("<<")); i >= 0 && i < 64 {
		return pdfDict(obj[i:])
	}
	return nil
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

// pdfObject finds object num through the cross-reference table or stream that
// startxref points at, and returns its dictionary.
func pdfObject(b *Blob, trailer []byte, num int) []byte {
	off, ok := pdfStartXref(b.Tail())
	if !ok {
		return nil
	}
	head, err := b.At(off, 64)
	if err != nil && len(head) == 0 {
		return nil
	}
	var objOff int64 = -1
	if hasPrefix(bytes.TrimLeft(head, " \r\n\t"), "xref") {
		objOff = pdfXrefTable(b, off, num)
	} else {
		objOff = pdfXrefStream(b, off, num)
	}
	if objOff < 0 {
		return nil
	}
	obj, err := b.At(objOff, 4096)
	if err != nil && len(obj) == 0 {
		return nil
	}
	if i := bytes.Index(obj, []byte("<<")); i >= 0 && i < 64 {
		return pdfDict(obj[i:])
	}
	return nil
}

// pdfXrefTable reads the classic table: subsections "start count" of 20-byte rows.
func pdfXrefTable(b *Blob, off int64, num int) int64 {
	pos := off
	line := func() []byte {
		d, _ := b.At(pos, 128)
		i := bytes.IndexAny(d, "\r\n")
		if i < 0 {
			return nil
		}
		l := d[:i]
		for i < len(d) && (d[i] == '\r' || d[i] == '\n') {
			i++
		}
		pos += int64(i)
		return l
	}
	if l := line(); !bytes.HasPrefix(bytes.TrimSpace(l), []byte("xref")) {
		return -1
	}
	for range 1000 {
		f := bytes.Fields(line())
		if len(f) != 2 {
			return -1
		}
		start, err1 := strconv.Atoi(string(f[0]))
		count, err2 := strconv.Atoi(string(f[1]))
		if err1 != nil || err2 != nil || start < 0 || count < 0 {
			return -1
		}
		if num >= start && num < start+count {
			row, err := b.At(pos+int64(num-start)*20, 20)
			if err != nil {
				return -1
			}
			f := bytes.Fields(row)
			if len(f) < 3 || string(f[2]) != "n" {
				return -1
			}
			n, err := strconv.ParseInt(string(f[0]), 10, 64)
			if err != nil {
				return -1
			}
			return n
		}
		pos += int64(count) * 20
	}
	return -1
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
	r := Result{Verdict: Encrypted, Format: "PDF", Content: ContentPDF}
	if enc == nil {
		r.Note = "encryption dictionary not found"
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
		r.Cipher = "RC4 " + itoa(length) + "-bit"
	case v == 4 && cfm == "AESV2":
		r.Cipher = "AES-128"
	case v == 5 || cfm == "AESV3":
		r.Cipher = "AES-256"
		if rev == 5 {
			r.Note = "revision 5 (deprecated)"
		}
	case v == 4:
		r.Cipher = "crypt filter " + cstr([]byte(cfm[:min(len(cfm), 16)]))
	}
	r.Note = joinNote("/V "+itoa(v)+" /R "+itoa(rev), r.Note)
	if filter != "" && filter != "Standard" {
		r.Note = joinNote(r.Note, cstr([]byte(filter[:min(len(filter), 32)]))+" (certificate)")
	}
	return r
}

// pdfEncryptDict returns the /Encrypt dictionary that trailer names: inline, through
// its object reference, or, when the reference cannot be followed (damaged xref), the
// first encryption dictionary in the file. encrypted is false when the trailer has no
// /Encrypt; dict may then still be nil for a damaged file.
func pdfEncryptDict(b *Blob, trailer []byte) (dict []byte, encrypted bool) {
	ref := pdfValue(trailer, "/Encrypt")
	if ref == nil {
		return nil, false
	}
	if hasPrefix(ref, "<<") {
		dict = ref
	} else if num, ok := pdfRef(ref); ok {
		dict = pdfObject(b, trailer, num)
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
