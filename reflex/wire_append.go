package reflex

import (
	"slices"
	"unicode/utf8"
)

// AppendWire appends the wire form of r, with texts in lang, to dst: the JSON object
// that Wire and MarshalJSON give (without a newline), written straight into dst. A
// server that keeps its buffers renders a report without allocating, in the common
// case where no text needs a JSON escape.
func (r Report) AppendWire(dst []byte, lang Lang) []byte {
	findings := r.Findings
	if !slices.IsSortedFunc(findings, compareFindings) {
		findings = slices.Clone(findings)
		slices.SortStableFunc(findings, compareFindings)
	}
	dst = appendReportHead(dst, wireSubject(r.Subject), r.Kind, r.Verdict())
	for i := range findings {
		f := &findings[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendFindingHead(dst, f.Code, f.Severity)
		e, known := catalogue[f.Code]
		if known {
			dst = appendJSONText(dst, f.filler(lang), e.in(lang).message)
		} else {
			dst = appendJSONString(dst, string(f.Code)) // as Message does
		}
		dst = append(dst, `,"reflex":`...)
		if known {
			dst = appendJSONText(dst, f.filler(lang), e.in(lang).reflex)
		} else {
			dst = append(dst, `""`...)
		}
		dst = f.appendEvidence(dst, lang)
		dst = append(appendOptional(dst, `,"suggest":`, f.Suggest), '}')
	}
	return append(dst, "]}"...)
}

// AppendWireError appends the wire form of a subject that could not be checked (see
// WireError) to dst.
func AppendWireError(dst []byte, subject, kind string, err error, lang Lang) []byte {
	return appendErrorObject(dst, wireSubject(subject), kind, ErrorText(err, lang))
}

// The pieces of the wire form that MarshalJSON and AppendWire both write.

// appendReportHead writes `{"subject":…,"kind":…,"verdict":"…","findings":[`.
func appendReportHead(dst []byte, subject, kind string, verdict Severity) []byte {
	dst = append(dst, `{"subject":`...)
	dst = appendJSONString(dst, subject)
	dst = append(dst, `,"kind":`...)
	dst = appendJSONString(dst, kind)
	dst = append(dst, `,"verdict":"`...)
	dst = append(dst, verdict.String()...)
	return append(dst, `","findings":[`...)
}

// appendFindingHead writes `{"code":…,"severity":"…","message":`.
func appendFindingHead(dst []byte, code Code, severity Severity) []byte {
	dst = append(dst, `{"code":`...)
	dst = appendJSONString(dst, string(code))
	dst = append(dst, `,"severity":"`...)
	dst = append(dst, severity.String()...)
	return append(dst, `","message":`...)
}

// appendOptional writes key and value, or nothing for an empty value.
func appendOptional(dst []byte, key, value string) []byte {
	if value == "" {
		return dst
	}
	return appendJSONString(append(dst, key...), value)
}

// appendErrorObject writes {"subject":…,"kind":…,"error":…}.
func appendErrorObject(dst []byte, subject, kind, text string) []byte {
	dst = append(dst, `{"subject":`...)
	dst = appendJSONString(dst, subject)
	dst = append(dst, `,"kind":`...)
	dst = appendJSONString(dst, kind)
	dst = append(dst, `,"error":`...)
	return append(appendJSONString(dst, text), '}')
}

// appendJSONText renders tmpl with f as a JSON string, in place in dst.
func appendJSONText(dst []byte, f filler, tmpl string) []byte {
	dst = append(dst, '"')
	start := len(dst)
	dst = f.appendFill(dst, tmpl)
	if !needsEscape(dst[start:]) {
		return append(dst, '"')
	}
	text := string(dst[start:]) // rare: a quote, a backslash or a control character
	return appendJSONString(dst[:start-1], text)
}

// appendJSONString appends s as a JSON string, as encoding/json writes it with HTML
// escaping off: quotes, backslashes and control characters escaped, U+2028 and U+2029
// escaped, invalid UTF-8 replaced by U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// needsEscape reports whether b holds a byte or a character that a JSON string escapes.
func needsEscape(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			return true
		}
		i += size
	}
	return false
}

// appendEvidence appends the "evidence" member of f's wire form, as EvidenceText
// renders it, or nothing when it is empty.
func (f *Finding) appendEvidence(dst []byte, lang Lang) []byte {
	start := len(dst)
	dst = append(dst, `,"evidence":`...)
	if tmpl, ok := f.evidenceTemplate(lang); ok {
		mark := len(dst)
		dst = appendJSONText(dst, f.filler(lang), tmpl)
		if len(dst) > mark+2 { // more than ""
			return dst
		}
		dst = dst[:mark]
	}
	if f.Evidence == "" {
		return dst[:start]
	}
	return appendJSONString(dst, Printable(f.Evidence))
}
