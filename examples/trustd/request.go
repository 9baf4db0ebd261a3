package main

import (
	"net/http"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/trustreflex/trustreflex/reflex"
)

// The bodies of the JSON API are flat objects of string fields:
//
//	{"subject": "https://ants-gouv.fr", "lang": "fr", "for": "carte-grise"}
//
// decodeObject reads them without encoding/json's reflection and buffers, allocating
// only the field values, on the request path of every check. It accepts what
// encoding/json with DisallowUnknownFields accepts into the request types, with the
// same values (FuzzCheckRequest compares both), and refuses anything else with the
// catalogue's texts: a field it does not know (naming the fields it does), a value
// that is not a string (null leaves the field empty), a second value after the object.
// Field names match as encoding/json matches them for ASCII names: exactly, else
// without regard to ASCII case. Unlike encoding/json, where the last of duplicated
// fields wins, a field given twice is refused: {"iban": A, "iban": B} must not confirm
// the one a reviewer of the request did not read.

// fieldSetter is a request body: it says where the value of each of its fields goes,
// nil for a name it does not have.
type fieldSetter interface {
	field(name []byte) *string
}

func (r *checkRequest) field(name []byte) *string {
	switch {
	case fieldIs(name, "subject"):
		return &r.Subject
	case fieldIs(name, "lang"):
		return &r.Lang
	}
	return nil
}

func (r *urlRequest) field(name []byte) *string {
	if fieldIs(name, "for") {
		return &r.For
	}
	return r.checkRequest.field(name)
}

func (r *paymentRequest) field(name []byte) *string {
	switch {
	case fieldIs(name, "payee"):
		return &r.Payee
	case fieldIs(name, "name"):
		return &r.Name
	case fieldIs(name, "bic"):
		return &r.BIC
	}
	return r.checkRequest.field(name)
}

func (r *confirmRequest) field(name []byte) *string {
	switch {
	case fieldIs(name, "iban"):
		return &r.IBAN
	case fieldIs(name, "name"):
		return &r.Name
	case fieldIs(name, "lang"):
		return &r.Lang
	}
	return nil
}

func (r *revokeRequest) field(name []byte) *string {
	switch {
	case fieldIs(name, "iban"):
		return &r.IBAN
	case fieldIs(name, "lang"):
		return &r.Lang
	}
	return nil
}

// fieldIs reports whether a JSON member name is the (lower-case ASCII) field name:
// exactly, or but for ASCII case.
func fieldIs(name []byte, field string) bool {
	if len(name) != len(field) {
		return false
	}
	for i := range len(name) {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != field[i] {
			return false
		}
	}
	return true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// jsonReader walks a body.
type jsonReader struct {
	b   []byte
	i   int
	tmp []byte // unescaped member names
}

func (r *jsonReader) skipSpace() {
	for r.i < len(r.b) && isSpace(r.b[r.i]) {
		r.i++
	}
}

// literal consumes the literal word (null, true, false) if it is next.
func (r *jsonReader) literal(word string) bool {
	if len(r.b)-r.i >= len(word) && string(r.b[r.i:r.i+len(word)]) == word {
		r.i += len(word)
		return true
	}
	return false
}

func malformed() *httpError { return problem(http.StatusBadRequest, reflex.TextServerBodyMalformed) }

// decodeObject decodes one JSON object from b into v; fields lists v's field names for
// the error of an unknown field.
func decodeObject(b []byte, v fieldSetter, fields string) error {
	r := jsonReader{b: b}
	r.skipSpace()
	switch {
	case r.i == len(b):
		return problem(http.StatusBadRequest, reflex.TextServerBodyEmpty)
	case r.literal("null"):
	case b[r.i] == '{':
		if err := r.object(v, fields); err != nil {
			return err
		}
	case b[r.i] == '"' || b[r.i] == '[' || b[r.i] == '-' || '0' <= b[r.i] && b[r.i] <= '9' || r.literal("true") || r.literal("false"):
		return problem(http.StatusBadRequest, reflex.TextServerNotObject)
	default:
		return malformed()
	}
	r.skipSpace()
	if r.i != len(b) {
		return problem(http.StatusBadRequest, reflex.TextServerOneObject)
	}
	return nil
}

// object reads {"name": "value", ...} at r.i.
func (r *jsonReader) object(v fieldSetter, fields string) error {
	r.i++ // {
	r.skipSpace()
	if r.i < len(r.b) && r.b[r.i] == '}' {
		r.i++
		return nil
	}
	var seen [8]*string // the fields already given (a body has at most five)
	given := seen[:0]
	for {
		r.skipSpace()
		if r.i == len(r.b) || r.b[r.i] != '"' {
			return malformed()
		}
		name, ok := r.name()
		if !ok {
			return malformed()
		}
		r.skipSpace()
		if r.i == len(r.b) || r.b[r.i] != ':' {
			return malformed()
		}
		r.i++
		r.skipSpace()
		target := v.field(name)
		if target == nil {
			e := problem(http.StatusBadRequest, reflex.TextServerUnknownField, "field", string(name), "fields", fields)
			if len(fields) > len("subject,") && fields[:len("subject,")] == "subject," {
				e.text.Params["subject"] = "subject"
			}
			return e
		}
		for _, g := range given {
			if g == target {
				return problem(http.StatusBadRequest, reflex.TextServerDuplicateField, "field", fieldName(name))
			}
		}
		given = append(given, target)
		switch {
		case r.i == len(r.b):
			return malformed()
		case r.b[r.i] == '"':
			s, ok := r.value()
			if !ok {
				return malformed()
			}
			*target = s
		case r.literal("null"):
		default:
			return problem(http.StatusBadRequest, reflex.TextServerFieldType, "field", fieldName(name))
		}
		r.skipSpace()
		if r.i == len(r.b) {
			return malformed()
		}
		switch r.b[r.i] {
		case ',':
			r.i++
		case '}':
			r.i++
			return nil
		default:
			return malformed()
		}
	}
}

// fieldName is the field's own name (a member name may differ in case).
func fieldName(name []byte) string {
	for _, f := range []string{"subject", "lang", "for", "payee", "name", "bic", "iban"} {
		if fieldIs(name, f) {
			return f
		}
	}
	return string(name)
}

// name reads a member name into r.tmp, unescaped.
func (r *jsonReader) name() ([]byte, bool) {
	start := r.i + 1
	for j := start; j < len(r.b); j++ {
		c := r.b[j]
		switch {
		case c == '"':
			r.i = j + 1
			return r.b[start:j], true
		case c == '\\' || c < 0x20 || c >= utf8.RuneSelf:
			var ok bool
			r.tmp, ok = r.unquote(r.tmp[:0])
			return r.tmp, ok
		}
	}
	return nil, false
}

// value reads a string value.
func (r *jsonReader) value() (string, bool) {
	start := r.i + 1
	for j := start; j < len(r.b); j++ {
		c := r.b[j]
		switch {
		case c == '"':
			r.i = j + 1
			return string(r.b[start:j]), true
		case c == '\\' || c < 0x20 || c >= utf8.RuneSelf:
			s, ok := r.unquote(make([]byte, 0, j-start+16))
			return string(s), ok
		}
	}
	return "", false
}

// unquote reads the string at r.i (its opening quote) into dst, as encoding/json does:
// escapes resolved, a lone surrogate or an invalid UTF-8 byte as U+FFFD.
func (r *jsonReader) unquote(dst []byte) ([]byte, bool) {
	b := r.b
	i := r.i + 1
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			r.i = i + 1
			return dst, true
		case c < 0x20:
			return nil, false
		case c == '\\':
			if i+1 == len(b) {
				return nil, false
			}
			switch b[i+1] {
			case '"', '\\', '/':
				dst = append(dst, b[i+1])
			case 'b':
				dst = append(dst, '\b')
			case 'f':
				dst = append(dst, '\f')
			case 'n':
				dst = append(dst, '\n')
			case 'r':
				dst = append(dst, '\r')
			case 't':
				dst = append(dst, '\t')
			case 'u':
				r1, ok := hex4(b, i+2)
				if !ok {
					return nil, false
				}
				i += 6
				if utf16.IsSurrogate(r1) {
					if r2, ok := hex4(b, i+2); ok && b[i] == '\\' && b[i+1] == 'u' {
						if dec := utf16.DecodeRune(r1, r2); dec != utf8.RuneError {
							dst = utf8.AppendRune(dst, dec)
							i += 6
							continue
						}
					}
					r1 = utf8.RuneError
				}
				dst = utf8.AppendRune(dst, r1)
				continue
			default:
				return nil, false
			}
			i += 2
		case c < utf8.RuneSelf:
			dst = append(dst, c)
			i++
		default:
			rr, size := utf8.DecodeRune(b[i:])
			if rr == utf8.RuneError && size == 1 {
				dst = utf8.AppendRune(dst, utf8.RuneError)
			} else {
				dst = append(dst, b[i:i+size]...)
			}
			i += size
		}
	}
	return nil, false
}

// hex4 reads the 4 hex digits at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i < 0 || i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	return r, true
}
