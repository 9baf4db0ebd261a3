package docstore

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/trustreflex/trustreflex/docstore/internal/container"
)

// A PDF is read as a reader shows it, never as raw bytes: hex strings such as
// <FEFF0031003200330034> hold runs of digits that are not text, and scanning them
// found numbers that nobody can see. What is scanned:
//
//   - the text shown by the content streams (literal strings, and hex strings through
//     the ToUnicode maps of the fonts, see inspect_pdftext.go);
//   - the text strings outside content streams (form field values, annotations, the
//     document information, bookmarks), in objects and in object streams, decoded as
//     PDF text strings (UTF-16 with its byte-order mark, else PDFDocEncoding);
//   - XMP metadata as XML text;
//   - embedded files (attachments) as files of their own.

// pdf scans the text of a PDF. decrypt, when not nil, decrypts each stream first: a
// PDF that opens with an empty password opens for anyone, so its text counts as
// readable (its strings outside streams, encrypted one by one, are left out).
func (s *scan) pdf(data []byte, decrypt func(num, gen int, data []byte) []byte, depth int) {
	streams, outside := container.PDFStreams(data)
	var shown, strs bytes.Buffer
	var contents [][]byte
	var cmaps []*toUnicode
	type0 := bytes.Contains(data, []byte("/Type0"))
	for _, st := range streams {
		if s.expand <= 0 || int64(shown.Len()+strs.Len()) > s.scanLeft {
			s.partial = true
			break
		}
		d := st.Dict
		if bytes.Contains(d, []byte("/Image")) || bytes.Contains(d, []byte("/FontFile")) || bytes.Contains(d, []byte("/Length1")) || bytes.Contains(d, []byte("/XRef")) {
			continue
		}
		body := st.Body
		if decrypt != nil {
			if !st.Numbered {
				continue
			}
			if body = decrypt(st.Num, st.Gen, body); body == nil {
				continue
			}
		}
		content, ok := s.pdfDecode(d, body)
		if !ok {
			continue
		}
		switch {
		case bytes.Contains(d, []byte("/ObjStm")):
			pdfStrings(&strs, content)
		case bytes.Contains(d, []byte("/EmbeddedFile")):
			s.nested(content, depth)
		case bytes.Contains(d, []byte("/Metadata")) || bytes.Contains(d, []byte("/XML")):
			s.text(xmlText(content))
		case bytes.Contains(content, []byte("begincmap")):
			if cm := parseToUnicode(content); cm != nil && len(cmaps) < 16 {
				cmaps = append(cmaps, cm)
			}
		default:
			pdfShownText(&shown, content)
			if bytes.IndexByte(content, '<') >= 0 && len(contents) < 4096 {
				contents = append(contents, content)
			}
		}
	}
	s.text(shown.Bytes())
	for _, cm := range cmaps {
		shown.Reset()
		for _, c := range contents {
			pdfHexText(&shown, c, cm)
		}
		s.text(shown.Bytes())
	}
	if len(cmaps) == 0 && !type0 {
		// simple fonts without maps: hex strings are the bytes of the text
		shown.Reset()
		for _, c := range contents {
			walkPDFText(&shown, c, nil, func(b []byte) { shown.Write(pdfDocText(b)) })
		}
		s.text(shown.Bytes())
	}
	if decrypt == nil {
		pdfStrings(&strs, outside)
	}
	s.text(strs.Bytes())
}

// pdfDecode applies the stream's filters: Flate (within the budget), ASCIIHex and
// ASCII85. ok is false for a filter it does not decode (images, LZW).
func (s *scan) pdfDecode(dict, body []byte) ([]byte, bool) {
	f := container.PDFFilters(dict)
	for _, name := range f {
		switch name {
		case "FlateDecode", "Fl":
			zr := flate.NewReader(bytes.NewReader(trimZlibHeader(body)))
			body = s.inflate(zr, int64(len(body)))
			zr.Close()
		case "ASCIIHexDecode", "AHx":
			body = container.PDFHexDecode(bytes.TrimSuffix(bytes.TrimSpace(body), []byte(">")))
		case "ASCII85Decode", "A85":
			body = container.ASCII85Decode(body)
		default:
			return nil, false
		}
	}
	return body, true
}

// pdfStrings appends the text strings of PDF objects, one a line: literal (...) and
// hex <...> strings, decoded as PDF text strings. Binary strings (the file /ID, the
// encryption hashes, signatures) are left out.
func pdfStrings(out *bytes.Buffer, b []byte) {
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '%': // a comment, to the end of the line
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case '(':
			if key := pdfKeyBefore(b[:i]); !pdfBinaryKey(key) {
				out.Write(pdfDocText(container.PDFLiteral(b[i+1:])))
				out.WriteByte('\n')
			}
			i = closingParen(b, i)
		case '<':
			if i+1 < len(b) && b[i+1] == '<' {
				i++
				continue
			}
			j := bytes.IndexByte(b[i:], '>')
			if j < 0 {
				return
			}
			if key := pdfKeyBefore(b[:i]); !pdfBinaryKey(key) && j < 8192 {
				out.Write(pdfDocText(container.PDFHexDecode(b[i+1 : i+j])))
				out.WriteByte('\n')
			}
			i += j
		}
	}
}

// pdfKeyBefore returns the name just before a value ("/Title" for "/Title (...)").
func pdfKeyBefore(b []byte) string {
	b = bytes.TrimRight(b[max(0, len(b)-64):], " \t\r\n[")
	i := bytes.LastIndexByte(b, '/')
	if i < 0 || bytes.ContainsAny(b[i:], " \t\r\n()<>[]") {
		return ""
	}
	return string(b[i:])
}

// pdfBinaryKey names the keys whose strings are bytes, not text.
func pdfBinaryKey(key string) bool {
	switch key {
	case "/ID", "/O", "/U", "/OE", "/UE", "/Perms", "/Cert":
		return true
	}
	return false // /Contents of an annotation is its text (a signature's, a long hex, is cut)
}

// pdfDocText decodes a PDF text string: UTF-16BE or UTF-16LE with a byte-order mark,
// UTF-8 with its mark, else PDFDocEncoding (Latin-1 for the characters that matter).
func pdfDocText(b []byte) []byte {
	switch {
	case len(b) >= 2 && (b[0] == 0xfe && b[1] == 0xff || b[0] == 0xff && b[1] == 0xfe):
		le := b[0] == 0xff
		u := make([]uint16, (len(b)-2)/2)
		for i := range u {
			if le {
				u[i] = binary.LittleEndian.Uint16(b[2+2*i:])
			} else {
				u[i] = binary.BigEndian.Uint16(b[2+2*i:])
			}
		}
		out := make([]byte, 0, len(u))
		for _, r := range utf16.Decode(u) {
			out = utf8.AppendRune(out, r)
		}
		return out
	case len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf:
		return b[3:]
	}
	if utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+len(b)/4)
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}

// trimZlibHeader drops the 2-byte zlib header so that a stream with a bad checksum
// still inflates.
func trimZlibHeader(b []byte) []byte {
	if len(b) >= 2 && b[0]&0x0f == 8 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0 {
		return b[2:]
	}
	return b
}
