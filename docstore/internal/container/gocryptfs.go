package container

import (
	"bytes"
	"encoding/json"
)

// probeGocryptfsConf recognises gocryptfs.conf, the JSON configuration of a gocryptfs
// folder (it holds the master key encrypted with the password).
func probeGocryptfsConf(b *Blob) (Result, bool) {
	h := trimLeadingSpace(b.Head)
	if !hasPrefix(h, "{") || !bytes.Contains(h, []byte(`"EncryptedKey"`)) {
		return Result{}, false
	}
	var conf struct {
		Creator      string
		EncryptedKey string
		Version      int
		FeatureFlags []string
	}
	if json.Unmarshal(h, &conf) != nil || conf.EncryptedKey == "" || !bytes.Contains([]byte(conf.Creator), []byte("gocryptfs")) {
		return Result{}, false
	}
	r := Result{Verdict: Encrypted, Format: FormatGocryptfs, Notes: []Note{NoteFolderConfig}, Cipher: "AES-256-GCM", Vault: true}
	for _, f := range conf.FeatureFlags {
		switch f {
		case "XChaCha20Poly1305":
			r.Cipher = "XChaCha20-Poly1305"
		case "AESSIV":
			r.Cipher = "AES-SIV"
		}
	}
	return r, true
}

// probeGocryptfsFile recognises the content file header of gocryptfs: version 2
// (big-endian 0x0002) and a 16-byte file id, followed by 4096-byte blocks each sealed
// with a 16-byte nonce and a 16-byte tag. The header is short, so the probe also
// requires the size to fit that layout and the bytes to look random.
func probeGocryptfsFile(b *Blob) (Result, bool) {
	const header, overhead, block = 18, 32, 4096 + 32
	if b.Size < header+overhead+1 || !hasPrefix(b.Head, "\x00\x02") {
		return Result{}, false
	}
	if rest := (b.Size - header) % block; rest != 0 && rest <= overhead {
		return Result{}, false
	}
	if !Uniform(b.Head[2:]) {
		return Result{}, false
	}
	return withTrailing(Result{Verdict: Encrypted, Format: FormatGocryptfs, Cipher: "AES-256-GCM", Detail: "v2"}, b, header), true
}
