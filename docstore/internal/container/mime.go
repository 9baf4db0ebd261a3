package container

import (
	"bytes"
	"encoding/base64"
)

// MIMEParts decodes the base64 and quoted-printable bodies of a MIME message (an
// e-mail, an S/MIME message): attachments and encoded text that a mail reader would
// show. It returns at most 4096 parts (a mailbox holds many messages) and limit bytes
// in all.
func MIMEParts(data []byte, limit int64) [][]byte {
	var out [][]byte
	lower := bytes.ToLower(data)
	for off := 0; len(out) < 4096 && limit > 0; {
		i := bytes.Index(lower[off:], []byte("content-transfer-encoding:"))
		if i < 0 {
			break
		}
		i += off
		line := lower[i:]
		if j := bytes.IndexByte(line, '\n'); j >= 0 {
			line = line[:j]
		}
		enc := string(bytes.TrimSpace(line[len("content-transfer-encoding:"):]))
		// the body starts after the blank line that ends this part's headers
		start := blankLine(data, i)
		if start < 0 {
			break
		}
		end := len(data)
		if k := bytes.Index(data[start:], []byte("\n--")); k >= 0 {
			end = start + k
		}
		body := data[start:end]
		off = end
		var dec []byte
		switch enc {
		case "base64":
			dec = decodeMIMEBase64(body)
		case "quoted-printable":
			dec = decodeQP(body)
		default:
			continue
		}
		if int64(len(dec)) > limit {
			dec = dec[:limit]
		}
		limit -= int64(len(dec))
		out = append(out, dec)
	}
	return out
}

// blankLine returns the index just after the first empty line at or after i.
func blankLine(d []byte, i int) int {
	for _, sep := range []string{"\r\n\r\n", "\n\n"} {
		if k := bytes.Index(d[i:], []byte(sep)); k >= 0 {
			return i + k + len(sep)
		}
	}
	return -1
}

func decodeMIMEBase64(body []byte) []byte {
	compact := make([]byte, 0, len(body))
	for _, c := range body {
		if c != '\r' && c != '\n' && c != ' ' && c != '\t' {
			compact = append(compact, c)
		}
	}
	out := make([]byte, base64.StdEncoding.DecodedLen(len(compact)))
	n, err := base64.StdEncoding.Decode(out, compact)
	if err != nil {
		// keep what decoded before the fault
		if ce, ok := err.(base64.CorruptInputError); ok {
			n, _ = base64.StdEncoding.Decode(out, compact[:int(ce)&^3])
		}
	}
	return out[:n]
}

// decodeQP decodes quoted-printable text: "=XX" bytes and "=" soft line breaks.
func decodeQP(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '=' {
			out = append(out, b[i])
			continue
		}
		switch {
		case i+1 < len(b) && b[i+1] == '\n':
			i++
		case i+2 < len(b) && b[i+1] == '\r' && b[i+2] == '\n':
			i += 2
		case i+2 < len(b) && isHexDigit(b[i+1]) && isHexDigit(b[i+2]):
			out = append(out, unhex(b[i+1])<<4|unhex(b[i+2]))
			i += 2
		default:
			out = append(out, '=')
		}
	}
	return out
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
