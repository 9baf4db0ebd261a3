package container

import "bytes"

// probeAnsible recognises Ansible Vault files: "$ANSIBLE_VAULT;1.1;AES256" (1.2 adds
// a vault id) followed by hex lines.
func probeAnsible(b *Blob) (Result, bool) {
	h := trimLeadingSpace(b.Head)
	if !hasPrefix(h, "$ANSIBLE_VAULT;") {
		return Result{}, false
	}
	line := h
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	f := bytes.Split(bytes.TrimSpace(line), []byte(";"))
	r := Result{Verdict: Encrypted, Format: FormatAnsible}
	if len(f) >= 3 && string(f[2]) == "AES256" {
		r.Cipher = "AES-256"
	}
	if len(f) >= 2 {
		r.Detail = cstr(f[1][:min(len(f[1]), 8)])
	}
	return r, true
}
