package container

import (
	"bytes"
	"encoding/base64"
)

// probeMail recognises an e-mail (RFC 5322: a block of header fields such as From:,
// Date:, Subject:, Received:, then a blank line) and a mailbox of them (mbox: each
// message starts with a "From " line). Their text is read with the MIME parts decoded
// (MIMEParts) and the encoded words of the headers (EncodedWords).
func probeMail(b *Blob) (Result, bool) {
	h := trimLeadingSpace(b.Head)
	format := FormatEmail
	if hasPrefix(h, "From ") {
		format = FormatMbox
		i := bytes.IndexByte(h, '\n')
		if i < 0 {
			return Result{}, false
		}
		h = h[i+1:]
	}
	end := bytes.Index(h, []byte("\n\n"))
	if i := bytes.Index(h, []byte("\r\n\r\n")); i >= 0 && (end < 0 || i < end) {
		end = i
	}
	if end < 0 || end > 32<<10 || !LooksText(h[:end]) {
		return Result{}, false
	}
	known := 0
	for l := range bytes.Lines(h[:end]) {
		if l[0] == ' ' || l[0] == '\t' { // a folded header line
			continue
		}
		name, _, ok := bytes.Cut(l, []byte(":"))
		if !ok || len(name) == 0 || bytes.ContainsAny(name, " \t") {
			return Result{}, false
		}
		switch string(bytes.ToLower(name)) {
		case "from", "to", "date", "subject", "received", "return-path", "message-id", "mime-version", "delivered-to":
			known++
		}
	}
	if known < 2 {
		return Result{}, false
	}
	return Result{Verdict: Plain, Format: format, Content: ContentMail}, true
}

// probeVCard recognises vCard address books and iCalendar files (BEGIN:VCARD,
// BEGIN:VCALENDAR): text whose long lines are folded, read unfolded (ContentLines).
func probeVCard(b *Blob) (Result, bool) {
	h := bytes.ToUpper(trimLeadingSpace(b.Head[:min(len(b.Head), 64)]))
	switch {
	case hasPrefix(h, "BEGIN:VCARD"):
		return Result{Verdict: Plain, Format: FormatVCard, Content: ContentVCard}, true
	case hasPrefix(h, "BEGIN:VCALENDAR"):
		return Result{Verdict: Plain, Format: FormatICalendar, Content: ContentVCard}, true
	}
	return Result{}, false
}

// ContentLines returns the text of a vCard or iCalendar file as a reader shows it:
// folded lines joined (RFC 6350 3.2, RFC 5545 3.1: a line break followed by a space
// or a tab), quoted-printable values of vCard 2.1 decoded, escaped commas and
// semicolons unescaped, and base64 values (photos, keys) left out.
func ContentLines(data []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(data))
	var line []byte
	flush := func() {
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			out.Write(line)
			out.WriteByte('\n')
			return
		}
		upper := bytes.ToUpper(name)
		switch {
		case bytes.Contains(upper, []byte("ENCODING=B")) || bytes.Contains(upper, []byte("ENCODING=BASE64")):
			return // a photo or a key
		case bytes.Contains(upper, []byte("QUOTED-PRINTABLE")):
			value = decodeQP(value)
		}
		out.Write(name)
		out.WriteString(": ")
		for i := 0; i < len(value); i++ {
			if value[i] == '\\' && i+1 < len(value) {
				i++
				switch value[i] {
				case 'n', 'N':
					out.WriteByte('\n')
				default:
					out.WriteByte(value[i])
				}
				continue
			}
			if value[i] == ';' {
				out.WriteByte(' ')
				continue
			}
			out.WriteByte(value[i])
		}
		out.WriteByte('\n')
	}
	for l := range bytes.Lines(data) {
		l = bytes.TrimRight(l, "\r\n")
		switch {
		case len(l) > 0 && (l[0] == ' ' || l[0] == '\t'):
			line = append(line, l[1:]...)
		case len(line) > 0 && bytes.HasSuffix(line, []byte("=")) && bytes.Contains(bytes.ToUpper(line), []byte("QUOTED-PRINTABLE")):
			line = append(line[:len(line)-1], l...) // vCard 2.1 soft line break
		default:
			if line != nil {
				flush()
			}
			line = append(line[:0], l...)
		}
	}
	if line != nil {
		flush()
	}
	return out.Bytes()
}

// EncodedWords decodes the RFC 2047 encoded words of mail headers ("=?UTF-8?B?...?=",
// "=?ISO-8859-1?Q?...?="), one a line, at most limit bytes: subjects and names as a
// mail reader shows them.
func EncodedWords(data []byte, limit int) []byte {
	var out []byte
	for len(data) > 0 && len(out) < limit {
		i := bytes.Index(data, []byte("=?"))
		if i < 0 {
			break
		}
		data = data[i+2:]
		parts := bytes.SplitN(data, []byte("?"), 4)
		if len(parts) < 4 || len(parts[0]) > 40 || len(parts[1]) != 1 || !bytes.HasPrefix(parts[3], []byte("=")) {
			continue
		}
		text := parts[2]
		if len(text) > 1024 {
			continue
		}
		switch parts[1][0] | 0x20 {
		case 'b':
			d := make([]byte, base64.StdEncoding.DecodedLen(len(text)))
			n, err := base64.StdEncoding.Decode(d, text)
			if err != nil {
				continue
			}
			out = append(out, d[:n]...)
		case 'q':
			out = append(out, decodeQP(bytes.ReplaceAll(text, []byte("_"), []byte(" ")))...)
		default:
			continue
		}
		out = append(out, '\n')
		data = parts[3][1:]
	}
	return out
}
