package container

import (
	"bytes"
	"compress/bzip2"
	"compress/flate"
	"compress/zlib"
	"io"
)

// OpenPGPLiteral returns the literal data of a signed or compressed (not encrypted)
// OpenPGP message, binary or armored, up to max bytes: what "gpg --sign" wraps is
// readable by anyone, so its text must be scanned like any plaintext.
func OpenPGPLiteral(d []byte, max int64) []byte {
	if t := trimLeadingSpace(d); hasPrefix(t, "-----BEGIN PGP MESSAGE-----") {
		_, body, _ := armorBlock(t)
		d = decodeArmorBody(body)
	}
	return pgpLiteralData(d, max, 0)
}

func pgpLiteralData(d []byte, max int64, depth int) []byte {
	for i := 0; i < 8 && len(d) > 0; i++ {
		p, rest, ok := nextPacket(d)
		if !ok || len(p.body) == 0 {
			return nil
		}
		body := p.body
		if p.partial && d[0]&0x40 != 0 {
			body, rest = pgpPartialBody(d)
		}
		switch p.tag {
		case pgpCompressed:
			if depth > 1 {
				return nil
			}
			var r io.Reader
			src := bytes.NewReader(body[1:])
			switch body[0] {
			case 0:
				r = src
			case 1:
				r = flate.NewReader(src)
			case 2:
				zr, err := zlib.NewReader(src)
				if err != nil {
					return nil
				}
				r = zr
			case 3:
				r = bzip2.NewReader(src)
			default:
				return nil
			}
			inner, _ := io.ReadAll(io.LimitReader(r, max))
			return pgpLiteralData(inner, max, depth+1)
		case pgpLiteral:
			if len(body) < 6 {
				return nil
			}
			n := int(body[1])
			if 2+n+4 > len(body) {
				return nil
			}
			return body[2+n+4:]
		case pgpOnePass, pgpSig, pgpMarker:
		default:
			return nil
		}
		d = rest
	}
	return nil
}

// pgpPartialBody joins the chunks of a new-format packet with partial body lengths.
func pgpPartialBody(d []byte) (body, rest []byte) {
	p := 1
	for p < len(d) {
		o := int(d[p])
		var n, hdr int
		last := true
		switch {
		case o < 192:
			n, hdr = o, 1
		case o < 224:
			if p+1 >= len(d) {
				return body, nil
			}
			n, hdr = (o-192)<<8+int(d[p+1])+192, 2
		case o == 255:
			if p+4 >= len(d) {
				return body, nil
			}
			n, hdr = int(uint32(d[p+1])<<24|uint32(d[p+2])<<16|uint32(d[p+3])<<8|uint32(d[p+4])), 5
		default:
			n, hdr, last = 1<<(o&0x1f), 1, false
		}
		p += hdr
		end := min(len(d), p+n)
		if n < 0 || end < p {
			return body, nil
		}
		body = append(body, d[p:end]...)
		p = end
		if last {
			return body, d[p:]
		}
	}
	return body, nil
}
