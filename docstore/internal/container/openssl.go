package container

// probeOpenSSL recognises "openssl enc" output with a salt: binary "Salted__", an
// 8-byte salt and the ciphertext, or its base64 form "U2FsdGVkX1" (-a). The cipher is
// not recorded in the file. The bytes after the salt must look like ciphertext.
func probeOpenSSL(b *Blob) (Result, bool) {
	switch {
	case hasPrefix(b.Head, "Salted__"):
		if b.Size < 32 || !cipherLike(b.Head[16:min(len(b.Head), RandomWindow)]) {
			return Result{}, false
		}
		return withTrailing(Result{Verdict: Encrypted, Format: FormatOpenSSL, Notes: []Note{NoteCipherNotRecorded}}, b, 16), true
	case hasPrefix(trimLeadingSpace(b.Head), "U2FsdGVkX1"):
		if dec, _, ok := Encoded(b.Head); !ok || len(dec) < 32 || !cipherLike(dec[16:]) {
			return Result{}, false
		}
		return Result{Verdict: Encrypted, Format: FormatOpenSSL, Notes: []Note{NoteBase64, NoteCipherNotRecorded}}, true
	}
	return Result{}, false
}
