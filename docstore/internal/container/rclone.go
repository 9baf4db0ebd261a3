package container

// probeRclone recognises files of an rclone "crypt" remote: the 8-byte magic
// "RCLONE\x00\x00", a 24-byte nonce, then XSalsa20-Poly1305 blocks.
func probeRclone(b *Blob) (Result, bool) {
	if !hasPrefix(b.Head, "RCLONE\x00\x00") {
		return Result{}, false
	}
	if b.Size < 32+16 || !cipherLike(b.Head[8:min(len(b.Head), RandomWindow)]) {
		return Result{}, false
	}
	return withTrailing(Result{Verdict: Encrypted, Format: FormatRclone, Cipher: "XSalsa20-Poly1305"}, b, 32), true
}
