package docstore

import (
	"bytes"
	"compress/bzip2"
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

// maxDepth bounds the containers opened inside one another (a ZIP in a ZIP in a gzip):
// the work is bounded by the budgets of bytes read and inflated, which every level
// draws on; the depth only keeps the stack small against archives that hold
// themselves. Past it, the scan says it read the file only in part.
const maxDepth = 16

// scan gathers the personal data of one file: it reads what an ordinary reader would
// open (text, UTF-16, gzip/xz/bzip2, ZIP entries and office XML, PDF text, mails,
// address books, SQLite records) within the inspector's budgets.
type scan struct {
	in       *Inspector
	ctx      context.Context
	scanLeft int64 // bytes that may still be scanned
	expand   int64 // bytes that decompression may still produce
	matches  []pii.Match
	partial  bool // a limit stopped the scan before the end of what is readable
	err      error
}

func (in *Inspector) newScan(ctx context.Context) *scan {
	return &scan{in: in, ctx: ctx, scanLeft: in.maxScan, expand: in.maxExpand}
}

// text scans b (UTF-8 or ASCII text) for personal data.
func (s *scan) text(b []byte) {
	if s.err != nil || len(b) == 0 {
		return
	}
	if s.scanLeft <= 0 {
		s.partial = true
		return
	}
	if err := s.ctx.Err(); err != nil {
		s.err = err
		return
	}
	if int64(len(b)) > s.scanLeft {
		b, s.partial = b[:s.scanLeft], true
	}
	s.scanLeft -= int64(len(b))
	s.matches = append(s.matches, pii.ScanBytes(b)...)
}

// read returns up to the scan budget of the blob's bytes.
func (s *scan) read(b *container.Blob) []byte {
	n := min(b.Size, s.scanLeft)
	if n < b.Size {
		s.partial = true
	}
	if n <= int64(len(b.Head)) {
		return b.Head[:n]
	}
	data, err := container.ReadAt(b.R, 0, int(n))
	if err != nil && len(data) == 0 {
		s.err = err
	}
	return data
}

// span scans a range of the blob that is readable beside an encrypted part: the text
// around an armored message, data appended to a ciphertext, a payload in clear behind
// a header. It is read as a file of its own.
func (s *scan) span(b *container.Blob, sp container.Span) {
	n := min(sp.Len, s.scanLeft, b.Size-sp.Off)
	if n <= 0 || sp.Off < 0 {
		return
	}
	data, err := container.ReadAt(b.R, sp.Off, int(n))
	if err != nil && len(data) == 0 {
		return
	}
	s.nested(data, 0)
}

// inflate reads up to the expansion budget from a decompressor, and no more than
// maxRatio times the compressed size (at least 1 MiB, for small files).
func (s *scan) inflate(r io.Reader, compressed int64) []byte {
	limit := min(s.expand, max(compressed*s.in.maxRatio, 1<<20))
	if limit <= 0 {
		s.partial = true
		return nil
	}
	out, _ := io.ReadAll(io.LimitReader(r, limit)) // a cut stream still gives its start
	if int64(len(out)) == limit {
		s.partial = true
	}
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
		s.pdf(s.read(b), nil, depth)
	case container.ContentOLE:
		data := s.read(b)
		s.text(data)
		s.text(squeezeUTF16LE(data))
	case container.ContentSQLite:
		s.text(container.SQLiteText(b, s.scanLeft))
	case container.ContentMail:
		data := s.read(b)
		s.text(data)
		s.text(container.EncodedWords(data, 1<<20))
		s.mimeParts(data, depth)
	case container.ContentVCard:
		s.text(container.ContentLines(s.read(b)))
	case container.ContentOpenPGP:
		// signed or compressed, not encrypted: the literal data is readable
		data := s.read(b)
		lit := container.OpenPGPLiteral(data, min(s.expand, s.in.maxScan))
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
			s.mimeParts(data, depth) // a message without the usual headers, a signed one
		}
		if t := bytes.TrimLeft(data[:min(len(data), 512)], "\xef\xbb\xbf \t\r\n"); r.Content == container.ContentText && len(t) > 0 && t[0] == '<' {
			// HTML or XML: numbers may be split by tags or written with entities
			s.text(xmlText(data))
		}
	}
}

// mimeParts reads the attachments and encoded text parts of a mail as files of their
// own.
func (s *scan) mimeParts(data []byte, depth int) {
	for _, part := range container.MIMEParts(data, min(s.expand, s.in.maxScan)) {
		s.expand -= int64(len(part))
		s.nested(part, depth)
	}
}

// nested inspects decompressed bytes as a file of their own.
func (s *scan) nested(data []byte, depth int) {
	if len(data) == 0 || s.err != nil {
		return
	}
	if depth >= maxDepth {
		s.partial = true
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
		for _, sp := range r.Clear {
			if sp.Off >= 0 && sp.Off+sp.Len <= int64(len(data)) {
				s.nested(data[sp.Off:sp.Off+sp.Len], depth+1)
			}
		}
		if r.PlainEntries == 0 {
			return
		}
	case container.Unknown:
		if container.Uniform(b.Head) || r.Format != "" {
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
		if s.err != nil {
			return
		}
		if i >= 1000 || s.expand <= 0 || s.scanLeft <= 0 {
			s.partial = true
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
