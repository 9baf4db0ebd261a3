package container

// probeOpenSSL recognises "openssl enc" output with a salt: binary "Salted__" or its
// base64 form "U2FsdGVkX1" (-a). The cipher is not recorded in the file.
func probeOpenSSL(b *Blob) (Result, bool) {
	switch {
	case hasPrefix(b.Head, "Salted__"):
		return Result{Verdict: Encrypted, Format: "openssl enc", Note: "cipher not recorded"}, true
	case hasPrefix(trimLeadingSpace(b.Head), "U2FsdGVkX1"):
		return Result{Verdict: Encrypted, Format: "openssl enc", Note: "base64, cipher not recorded"}, true
	}
	return Result{}, false
}
