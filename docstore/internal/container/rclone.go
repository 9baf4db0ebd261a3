package container

// probeRclone recognises files of an rclone "crypt" remote: the 8-byte magic
// "RCLONE\x00\x00", a 24-byte nonce, then XSalsa20-Poly1305 blocks.
func probeRclone(b *Blob) (Result, bool) {
	if !hasPrefix(b.Head, "RCLONE\x00\x00") {
		return Result{}, false
	}
	return Result{Verdict: Encrypted, Format: "rclone crypt", Cipher: "XSalsa20-Poly1305"}, true
}
