package container

import (
	"bytes"
	"encoding/base64"
	"strings"
)

const (
	ageMagic     = "age-encryption.org/v1\n"
	ageArmorHead = "-----BEGIN AGE ENCRYPTED FILE-----"
	ageArmorFoot = "-----END AGE ENCRYPTED FILE-----"
)

// probeAge recognises age files, binary and armored. The header must parse as the
// specification writes it (recipient stanzas with base64 bodies in 64-column lines, a
// "---" line with a 43-character MAC) and the payload that follows must look like
// ciphertext: a magic line before plain text is not an age file. Text appended after
// the ciphertext (or after the armor's END line) is reported as trailing data.
func probeAge(b *Blob) (Result, bool) {
	if t := trimLeadingSpace(b.Head); hasPrefix(t, ageArmorHead) {
		return ageArmored(b, int64(len(b.Head)-len(t)))
	}
	if !hasPrefix(b.Head, ageMagic) {
		return Result{}, false
	}
	types, n, ok := ageHeader(b.Head)
	if !ok {
		return Result{}, false
	}
	payload := b.Head[n:]
	if b.Size-int64(n) < 32 { // a nonce and at least the tag of the last chunk
		return Result{}, false
	}
	r := ageResult(types)
	if !cipherLike(payload[:min(len(payload), RandomWindow)]) {
		return ageInClear(r, int64(n), b.Size-int64(n)), true
	}
	return withTrailing(r, b, int64(n)+32), true
}

// ageArmored reads an armored age file whose BEGIN line is at offset at.
func ageArmored(b *Blob, at int64) (Result, bool) {
	t := b.Head[at:]
	body := t[len(ageArmorHead):]
	end := bytes.Index(body, []byte(ageArmorFoot))
	if end >= 0 {
		body = body[:end]
	}
	compact := bytes.Join(bytes.Fields(body), nil)
	compact = compact[:min(len(compact), 16<<10)&^3]
	dec := make([]byte, base64.StdEncoding.DecodedLen(len(compact)))
	n, err := base64.StdEncoding.Decode(dec, compact)
	if err != nil && n == 0 {
		return Result{}, false
	}
	dec = dec[:n]
	types, hn, ok := ageHeader(dec)
	if !ok || len(dec)-hn < 16 && end >= 0 {
		return Result{}, false
	}
	r := ageResult(types)
	r.Note(NoteArmored)
	if !cipherLike(dec[hn:]) {
		return ageInClear(r, 0, 0), true
	}
	return armorTrailing(r, b, ageArmorFoot), true
}

// armorTrailing records the text that follows the END line of an armored file: the
// armor ends there, so what comes after is not protected by it.
func armorTrailing(r Result, b *Blob, foot string) Result {
	tail := b.Tail()
	i := bytes.LastIndex(tail, []byte(foot))
	if i < 0 {
		return r
	}
	after := b.Size - int64(len(tail)) + int64(i+len(foot))
	if len(bytes.TrimSpace(tail[i+len(foot):])) == 0 {
		return r
	}
	r.Trailing = b.Size - after
	r.Clear = append(r.Clear, Span{Off: after, Len: r.Trailing})
	return r
}

// ageInClear is the answer for an age header followed by bytes that are not
// ciphertext: the content is readable, from off for n bytes (the whole armored file
// when n is 0).
func ageInClear(r Result, off, n int64) Result {
	r.Verdict = Plain
	r.Cipher = ""
	r.Note(NoteContentInClear)
	r.Content = ContentBinary
	if n > 0 {
		r.Clear = []Span{{Off: off, Len: n}}
	}
	return r
}

func ageResult(types []string) Result {
	r := Result{Verdict: Encrypted, Format: FormatAge, Cipher: "ChaCha20-Poly1305"}
	var detail []string
	for _, k := range types {
		if k == "scrypt" {
			r.Note(NotePassphrase)
			continue
		}
		detail = append(detail, k)
	}
	r.Detail = strings.Join(detail, ", ")
	return r
}

// ageHeader parses a binary age header (age-encryption.org/v1, "Header"): the version
// line, one or more stanzas ("-> type args..." then a base64 body in lines of 64
// characters, the last one shorter), and the MAC line "--- " with 43 base64
// characters. It returns the recipient types (at most four, for the evidence) and the
// header's length.
func ageHeader(h []byte) (types []string, n int, ok bool) {
	if !hasPrefix(h, ageMagic) {
		return nil, 0, false
	}
	p := len(ageMagic)
	line := func() ([]byte, bool) {
		i := bytes.IndexByte(h[p:], '\n')
		if i < 0 || i > 4096 {
			return nil, false
		}
		l := h[p : p+i]
		p += i + 1
		return l, true
	}
	stanzas := 0
	for stanzas < 4096 {
		l, ok := line()
		if !ok {
			return nil, 0, false
		}
		if mac, isMAC := bytes.CutPrefix(l, []byte("--- ")); isMAC {
			if stanzas == 0 || len(mac) != 43 || !base64Chars(mac) {
				return nil, 0, false
			}
			return types, p, true
		}
		args, isStanza := bytes.CutPrefix(l, []byte("-> "))
		if !isStanza {
			return nil, 0, false
		}
		f := bytes.Split(args, []byte(" "))
		for _, a := range f {
			if len(a) == 0 || !visible(a) {
				return nil, 0, false
			}
		}
		if len(types) < 4 {
			types = appendUnique(types, cstr(f[0][:min(len(f[0]), 24)]))
		}
		stanzas++
		for { // body lines: full lines of 64 characters, then a shorter one
			l, ok := line()
			if !ok || len(l) > 64 || !base64Chars(l) {
				return nil, 0, false
			}
			if len(l) < 64 {
				break
			}
		}
	}
	return nil, 0, false
}

// base64Chars reports whether b uses only the base64 alphabet (no padding).
func base64Chars(b []byte) bool {
	for _, c := range b {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
			return false
		}
	}
	return true
}

// visible reports whether b is printable ASCII without spaces.
func visible(b []byte) bool {
	for _, c := range b {
		if c <= ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}

func appendUnique(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}
