package docstore

import (
	"bytes"
	"compress/bzip2"
	"compress/flate"
	"compress/gzip"
	"context"
	"encoding/base64"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/trustreflex/trustreflex/docstore/internal/container"
	"github.com/trustreflex/trustreflex/docstore/pii"
	"github.com/ulikunitz/xz"
)

// scan gathers the personal data of one file: it reads what an ordinary reader would
// open (text, UTF-16, gzip/xz/bzip2, ZIP entries and office XML, PDF streams) within
// the inspector's budgets.
type scan struct {
	in       *Inspector
	ctx      context.Context
	scanLeft int64 // bytes that may still be scanned
	expand   int64 // bytes that decompression may still produce
	matches  []pii.Match
	err      error
}

func (in *Inspector) newScan(ctx context.Context) *scan {
	return &scan{in: in, ctx: ctx, scanLeft: in.maxScan, expand: in.maxExpand}
}

// text scans b (UTF-8 or ASCII text) for personal data.
func (s *scan) text(b []byte) {
	if s.scanLeft <= 0 || s.err != nil {
		return
	}
	if err := s.ctx.Err(); err != nil {
		s.err = err
		return
	}
	b = b[:min(int64(len(b)), s.scanLeft)]
	s.scanLeft -= int64(len(b))
	s.matches = append(s.matches, pii.ScanBytes(b)...)
}

// read returns up to the scan budget of the blob's bytes.
func (s *scan) read(b *container.Blob) []byte {
	n := min(b.Size, s.scanLeft)
	if n <= int64(len(b.Head)) {
		return b.Head[:n]
	}
	data, err := container.ReadAt(b.R, 0, int(n))
	if err != nil && len(data) == 0 {
		s.err = err
	}
	return data
}

// inflate reads up to the expansion budget from a decompressor, and no more than
// maxRatio times the compressed size (at least 1 MiB, for small files).
func (s *scan) inflate(r io.Reader, compressed int64) []byte {
	limit := min(s.expand, max(compressed*s.in.maxRatio, 1<<20))
	if limit <= 0 {
		return nil
	}
	out, _ := io.ReadAll(io.LimitReader(r, limit)) // a cut stream still gives its start
	s.expand -= int64(len(out))
	return out
}

// blob scans a blob according to how its content is read; depth counts nested
// containers.
func (s *scan) blob(b *container.Blob, r container.Result, depth int) {
	switch r.Content {
	case container.ContentEmpty, container.ContentOpaque:
		// nothing to read without OCR or a decoder of its own
	case container.ContentUTF16:
		s.text(decodeUTF16(s.read(b)))
	case container.ContentGzip, container.ContentXz, container.ContentBzip2:
		s.compressed(b, r.Content, depth)
	case container.ContentZip:
		s.zip(b, depth)
	case container.ContentSevenZip:
		s.sevenZip(b, depth)
	case container.ContentPDF:
		s.pdf(s.read(b), nil)
	case container.ContentOLE:
		data := s.read(b)
		s.text(data)
		s.text(squeezeUTF16LE(data))
	case container.ContentOpenPGP:
		// signed or compressed, not encrypted: the literal data is readable
		lit := container.OpenPGPLiteral(s.read(b), min(s.expand, s.in.maxScan))
		s.expand -= int64(len(lit))
		s.nested(lit, depth)
	case container.ContentJWS:
		data := bytes.TrimSpace(s.read(b))
		if parts := bytes.Split(data, []byte(".")); len(parts) == 3 {
			payload, _ := base64.RawURLEncoding.DecodeString(string(parts[1]))
			s.text(payload)
		}
	default: // text, and binary layouts whose text may sit in the raw bytes
		data := s.read(b)
		s.text(data)
		if r.Content == container.ContentText && (bytes.Contains(data, []byte("ransfer-Encoding:")) || bytes.Contains(data, []byte("ransfer-encoding:"))) {
			// an e-mail: attachments and encoded text parts are read too
			for _, part := range container.MIMEParts(data, min(s.expand, s.in.maxScan)) {
				s.expand -= int64(len(part))
				s.nested(part, depth)
			}
		}
		if t := bytes.TrimLeft(data[:min(len(data), 512)], "\xef\xbb\xbf \t\r\n"); r.Content == container.ContentText && len(t) > 0 && t[0] == '<' {
			// HTML or XML: numbers may be split by tags or written with entities
			s.text(xmlText(data))
		}
	}
}

// nested inspects decompressed bytes as a file of their own.
func (s *scan) nested(data []byte, depth int) {
	if depth >= s.in.maxDepth {
		s.text(data)
		return
	}
	b, err := container.NewBlob(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return
	}
	r := container.Sniff(b)
	switch r.Verdict {
	case container.Encrypted, container.Weak:
		if r.PlainEntries == 0 {
			return
		}
	case container.Unknown:
		if container.Uniform(b.Head) {
			return
		}
	}
	s.blob(b, r, depth+1)
}

// sevenZip scans the folders of a 7z archive stored in clear.
func (s *scan) sevenZip(b *container.Blob, depth int) {
	for _, data := range container.SevenZipContent(b, min(s.expand, s.in.maxScan)) {
		s.expand -= int64(len(data))
		s.nested(data, depth)
	}
}

func (s *scan) compressed(b *container.Blob, c container.Content, depth int) {
	src := io.NewSectionReader(b.R, 0, b.Size)
	var rd io.Reader
	var err error
	switch c {
	case container.ContentGzip:
		var zr *gzip.Reader
		if zr, err = gzip.NewReader(src); err == nil {
			zr.Multistream(true)
			rd = zr
		}
	case container.ContentXz:
		rd, err = xz.ReaderConfig{DictCap: 8 << 20}.NewReader(src)
	case container.ContentBzip2:
		rd = bzip2.NewReader(src)
	}
	if err != nil || rd == nil {
		return
	}
	s.nested(s.inflate(rd, b.Size), depth)
}

// zip scans the entries stored in clear: office XML with its tags removed, other
// entries as files of their own.
func (s *scan) zip(b *container.Blob, depth int) {
	entries, ok := container.ZipEntries(b)
	if !ok {
		return
	}
	for i, e := range entries {
		if i >= 1000 || s.expand <= 0 || s.scanLeft <= 0 || s.err != nil {
			return
		}
		if e.Encrypted() || e.Dir() || e.Method != 0 && e.Method != 8 || skipEntry(e.Name) {
			continue
		}
		limit := min(s.expand, int64(e.Size)+1)
		data, err := container.OpenZipEntry(b, e, limit, s.in.maxRatio)
		if err != nil && len(data) == 0 {
			continue
		}
		s.expand -= int64(len(data))
		lower := strings.ToLower(e.Name)
		switch {
		case strings.HasSuffix(lower, ".xml") || strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm"):
			s.text(xmlText(data))
		default:
			s.nested(data, depth)
		}
	}
}

// skipEntry leaves out entries that hold no document text: relationships, styles,
// fonts, thumbnails and media.
func skipEntry(name string) bool {
	lower := strings.ToLower(name)
	for _, suffix := range []string{".rels", ".png", ".jpg", ".jpeg", ".gif", ".emf", ".wmf", ".ttf", ".odttf", ".bin"} {
		if strings.HasSuffix(lower, suffix) {
			return true
		}
	}
	return strings.HasSuffix(lower, "styles.xml") || strings.HasSuffix(lower, "fonttable.xml") ||
		strings.HasSuffix(lower, "settings.xml") || strings.HasPrefix(lower, "word/theme/") || strings.HasPrefix(lower, "xl/theme/")
}

// pdf scans the text of a PDF: the strings shown by its content streams (Flate
// streams inflated within the budget; hex strings through each ToUnicode CMap) and
// the raw bytes for uncompressed text.
//
// decrypt, when not nil, decrypts each stream first: a PDF whose user password is
// empty opens for anyone, so its text counts as readable.
func (s *scan) pdf(data []byte, decrypt func(num, gen int, data []byte) []byte) {
	var text bytes.Buffer
	var contents [][]byte
	var cmaps []*toUnicode
	for off := 0; off < len(data) && s.expand > 0; {
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
		body := data[start : start+end]
		off = start + end + 9
		dictStart := bytes.LastIndex(data[max(0, i-2048):i], []byte("obj"))
		dict := data[max(0, i-2048)+max(dictStart, 0) : i]
		if bytes.Contains(dict, []byte("/Image")) || bytes.Contains(dict, []byte("/FontFile")) || bytes.Contains(dict, []byte("/Length1")) {
			continue
		}
		content := body
		if decrypt != nil {
			num, gen, ok := objectNumber(data[:max(0, i-2048)+max(dictStart, 0)])
			if !ok || bytes.Contains(dict, []byte("/XRef")) {
				continue // cross-reference streams are not encrypted
			}
			if content = decrypt(num, gen, body); content == nil {
				continue
			}
		}
		if bytes.Contains(dict, []byte("/FlateDecode")) {
			zr := flate.NewReader(bytes.NewReader(trimZlibHeader(content)))
			content = s.inflate(zr, int64(len(content)))
			zr.Close()
		} else if bytes.Contains(dict, []byte("/Filter")) {
			continue // other filters (images, fonts) hold no text we read
		}
		if bytes.Contains(content, []byte("begincmap")) {
			if cm := parseToUnicode(content); cm != nil && len(cmaps) < 16 {
				cmaps = append(cmaps, cm)
			}
			continue
		}
		pdfShownText(&text, content)
		if bytes.IndexByte(content, '<') >= 0 && len(contents) < 4096 {
			contents = append(contents, content)
		}
		if int64(text.Len()) > s.scanLeft {
			break
		}
	}
	s.text(text.Bytes())
	for _, cm := range cmaps {
		text.Reset()
		for _, c := range contents {
			pdfHexText(&text, c, cm)
		}
		s.text(text.Bytes())
	}
	if decrypt == nil {
		s.text(data)
	}
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

// trimZlibHeader drops the 2-byte zlib header so that a stream with a bad checksum
// still inflates.
func trimZlibHeader(b []byte) []byte {
	if len(b) >= 2 && b[0]&0x0f == 8 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0 {
		return b[2:]
	}
	return b
}

// xmlText removes the tags of office XML: block ends (paragraphs, cells, rows,
// shared strings, breaks) become line breaks, other tags vanish so that text split
// in runs joins up; the five entities and numeric references are decoded.
func xmlText(x []byte) []byte {
	out := make([]byte, 0, len(x)/2)
	for i := 0; i < len(x); i++ {
		switch c := x[i]; c {
		case '<':
			j := bytes.IndexByte(x[i:], '>')
			if j < 0 {
				return out
			}
			if blockTag(x[i+1 : i+j]) {
				out = append(out, '\n')
			}
			i += j
		case '&':
			j := bytes.IndexByte(x[i:min(len(x), i+12)], ';')
			if j < 0 {
				out = append(out, c)
				continue
			}
			out = appendEntity(out, x[i+1:i+j])
			i += j
		default:
			out = append(out, c)
		}
	}
	return out
}

func blockTag(t []byte) bool {
	t = bytes.TrimPrefix(t, []byte("/"))
	if i := bytes.IndexAny(t, " /\t\r\n"); i >= 0 {
		t = t[:i]
	}
	if i := bytes.IndexByte(t, ':'); i >= 0 {
		t = t[i+1:]
	}
	switch string(t) {
	case "p", "tr", "tc", "si", "row", "c", "br", "tab", "line-break", "table-cell", "h", "list-item", "div", "li", "td", "th", "title", "cr":
		return true
	}
	return false
}

func appendEntity(out, name []byte) []byte {
	switch string(name) {
	case "amp":
		return append(out, '&')
	case "lt":
		return append(out, '<')
	case "gt":
		return append(out, '>')
	case "quot":
		return append(out, '"')
	case "apos":
		return append(out, '\'')
	case "nbsp":
		return utf8.AppendRune(out, 0xa0)
	}
	if len(name) > 1 && name[0] == '#' {
		var r rune
		digits, base := name[1:], rune(10)
		if digits[0] == 'x' || digits[0] == 'X' {
			digits, base = digits[1:], 16
		}
		for _, d := range digits {
			var v rune
			switch {
			case d >= '0' && d <= '9':
				v = rune(d - '0')
			case base == 16 && d >= 'a' && d <= 'f':
				v = rune(d-'a') + 10
			case base == 16 && d >= 'A' && d <= 'F':
				v = rune(d-'A') + 10
			default:
				return out
			}
			r = r*base + v
			if r > utf8.MaxRune {
				return out
			}
		}
		return utf8.AppendRune(out, r)
	}
	return out
}

// decodeUTF16 decodes UTF-16 text with its byte-order mark into UTF-8.
func decodeUTF16(b []byte) []byte {
	if len(b) < 2 {
		return nil
	}
	big := b[0] == 0xfe && b[1] == 0xff
	b = b[2:]
	u := make([]uint16, len(b)/2)
	for i := range u {
		if big {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]byte, 0, len(u))
	for _, r := range utf16.Decode(u) {
		out = utf8.AppendRune(out, r)
	}
	return out
}

// squeezeUTF16LE keeps the low byte of each ASCII/Latin-1 code unit of little-endian
// UTF-16 text embedded in binary files (legacy Word and Excel store text so), so that
// digits and letters read as ASCII; other bytes become spaces.
func squeezeUTF16LE(b []byte) []byte {
	out := make([]byte, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if b[i+1] == 0 && b[i] >= 0x20 && b[i] < 0x7f || b[i+1] == 0 && (b[i] == '\n' || b[i] == '\r') {
			out = append(out, b[i])
		} else {
			out = append(out, ' ')
		}
	}
	return out
}
