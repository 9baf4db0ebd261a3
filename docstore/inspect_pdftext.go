package docstore

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/trustreflex/trustreflex/docstore/internal/container"
)

// PDF text in embedded subset fonts (what LibreOffice and most word processors
// write) is a run of glyph codes in hex strings, readable only through the font's
// /ToUnicode CMap. The inspector does not resolve which font shows which string: it
// decodes the hex strings of the page content with each CMap of the file in turn and
// scans every result, which finds the numbers without a full PDF object model.

// toUnicode is a parsed ToUnicode CMap.
type toUnicode struct {
	codeLen int // bytes per code, from the codespace range
	m       map[uint32][]rune
}

const maxCMapEntries = 1 << 16

// parseToUnicode reads the bfchar and bfrange sections of a CMap stream.
func parseToUnicode(b []byte) *toUnicode {
	cm := &toUnicode{codeLen: 1, m: map[uint32][]rune{}}
	if i := bytes.Index(b, []byte("begincodespacerange")); i >= 0 {
		if h, _, ok := nextHex(b[i:]); ok && len(h) >= 1 && len(h) <= 4 {
			cm.codeLen = len(h)
		}
	}
	for _, sec := range sections(b, "beginbfchar", "endbfchar") {
		for len(cm.m) < maxCMapEntries {
			src, rest, ok := nextHex(sec)
			if !ok {
				break
			}
			dst, rest2, ok := nextHex(rest)
			if !ok {
				break
			}
			cm.m[codeOf(src)] = utf16Runes(dst)
			sec = rest2
		}
	}
	for _, sec := range sections(b, "beginbfrange", "endbfrange") {
		for len(cm.m) < maxCMapEntries {
			lo, rest, ok := nextHex(sec)
			if !ok {
				break
			}
			hi, rest, ok := nextHex(rest)
			if !ok {
				break
			}
			l, h := codeOf(lo), codeOf(hi)
			if h < l || h-l > 0xffff {
				break
			}
			rest = bytes.TrimLeft(rest, " \t\r\n")
			if hasPrefixB(rest, "[") { // one destination per code
				end := bytes.IndexByte(rest, ']')
				if end < 0 {
					break
				}
				arr := rest[1:end]
				for c := l; c <= h && len(cm.m) < maxCMapEntries; c++ {
					d, r, ok := nextHex(arr)
					if !ok {
						break
					}
					cm.m[c] = utf16Runes(d)
					arr = r
				}
				sec = rest[end+1:]
				continue
			}
			dst, rest, ok := nextHex(rest)
			if !ok {
				break
			}
			base := utf16Runes(dst)
			for c := l; c <= h && len(cm.m) < maxCMapEntries; c++ {
				if len(base) == 0 {
					break
				}
				rs := append([]rune(nil), base...)
				rs[len(rs)-1] += rune(c - l) // the last character counts up
				cm.m[c] = rs
			}
			sec = rest
		}
	}
	if len(cm.m) == 0 {
		return nil
	}
	return cm
}

func hasPrefixB(b []byte, p string) bool { return len(b) >= len(p) && string(b[:len(p)]) == p }

// sections returns the bodies between begin and end keywords.
func sections(b []byte, begin, end string) [][]byte {
	var out [][]byte
	for len(out) < 256 {
		i := bytes.Index(b, []byte(begin))
		if i < 0 {
			return out
		}
		b = b[i+len(begin):]
		j := bytes.Index(b, []byte(end))
		if j < 0 {
			return append(out, b)
		}
		out = append(out, b[:j])
		b = b[j+len(end):]
	}
	return out
}

// nextHex decodes the next <hex> token of b.
func nextHex(b []byte) (val, rest []byte, ok bool) {
	i := bytes.IndexByte(b, '<')
	if i < 0 {
		return nil, nil, false
	}
	j := bytes.IndexByte(b[i:], '>')
	if j < 0 || j > 2+2*64 {
		return nil, nil, false
	}
	return container.PDFHexDecode(b[i+1 : i+j]), b[i+j+1:], true
}

func codeOf(b []byte) uint32 {
	var c uint32
	for _, x := range b[:min(len(b), 4)] {
		c = c<<8 | uint32(x)
	}
	return c
}

func utf16Runes(b []byte) []rune {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return utf16.Decode(u)
}

// pdfHexText appends the hex strings of a content stream decoded through cm, with
// the same joining rules as the literal strings.
func pdfHexText(out *bytes.Buffer, c []byte, cm *toUnicode) {
	walkPDFText(out, c, nil, func(codes []byte) {
		for k := 0; k+cm.codeLen <= len(codes); k += cm.codeLen {
			for _, r := range cm.m[codeOf(codes[k:k+cm.codeLen])] {
				var buf [utf8.UTFMax]byte
				out.Write(buf[:utf8.EncodeRune(buf[:], r)])
			}
		}
	})
}

// pdfShownText appends the literal strings of a content stream.
func pdfShownText(out *bytes.Buffer, c []byte) {
	walkPDFText(out, c, func(lit []byte) { out.Write(container.PDFLiteral(lit)) }, nil)
}

// walkPDFText walks the text operators of a content stream: strings of one TJ array
// are joined as they are (kerning splits words), separate show operators are joined by
// a space, text objects end with a line break. literal gets what follows the "(" of
// each literal string, hex the decoded bytes of each hex string; either may be nil
// to pass over that kind of string.
func walkPDFText(out *bytes.Buffer, c []byte, literal, hex func([]byte)) {
	for i := 0; i < len(c); i++ {
		switch c[i] {
		case '<':
			if hex == nil {
				continue
			}
			if i+1 < len(c) && c[i+1] == '<' { // a dictionary
				i++
				continue
			}
			j := bytes.IndexByte(c[i:], '>')
			if j < 0 {
				return
			}
			hex(container.PDFHexDecode(c[i+1 : i+j]))
			i += j
		case '(':
			if literal != nil {
				literal(c[i+1:])
			}
			i = closingParen(c, i)
		case 'T':
			if i+1 < len(c) && (c[i+1] == 'j' || c[i+1] == 'J' || c[i+1] == '*') {
				out.WriteByte(' ')
			}
		case 'E':
			if i+1 < len(c) && c[i+1] == 'T' {
				out.WriteByte('\n')
			}
		}
	}
}

// closingParen returns the index of the ")" that closes the literal string opened at
// c[i] (or len(c) when it is not closed), honouring escapes and nested brackets.
func closingParen(c []byte, i int) int {
	depth := 0
	for ; i < len(c); i++ {
		if c[i] == '\\' {
			i++
			continue
		}
		if c[i] == '(' {
			depth++
		} else if c[i] == ')' {
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return i
}
