package container

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
)

// probeKeyText recognises text files of key lines, as people keep them beside
// encrypted files: age recipients ("age1..." public keys), age identities
// ("AGE-SECRET-KEY-1...", a private key in clear) and SSH public keys (one
// "ssh-ed25519 AAAA... comment" a line, authorized_keys files). Comment lines ("#")
// and blank lines are allowed; any other line makes it an ordinary text.
func probeKeyText(b *Blob) (Result, bool) {
	if b.Size > 64<<10 || b.Size != int64(len(b.Head)) {
		return Result{}, false
	}
	var recipients, identities, ssh int
	for l := range bytes.Lines(b.Head) {
		l = bytes.TrimSpace(l)
		switch {
		case len(l) == 0 || l[0] == '#':
		case bech32Key(l, "age1", false):
			recipients++
		case bech32Key(l, "AGE-SECRET-KEY-1", true) || bech32Key(l, "AGE-PLUGIN-", true):
			identities++
		case sshPublicKeyLine(l):
			ssh++
		default:
			return Result{}, false
		}
	}
	switch {
	case identities > 0:
		return Result{Verdict: Plain, Format: FormatAgeIdentity, Notes: []Note{NotePrivateKeyInClear}, Content: ContentOpaque, Role: RolePrivateKey}, true
	case recipients > 0 && ssh == 0:
		return publicKey(FormatAgeRecipients), true
	case ssh > 0 || recipients > 0:
		return publicKey(FormatSSHPublicKey), true
	}
	return Result{}, false
}

// bech32Key reports whether l is one bech32 key with this human-readable prefix (and
// its separator "1"): the data part in the bech32 alphabet, upper case for identities.
func bech32Key(l []byte, prefix string, upper bool) bool {
	if !hasPrefix(l, prefix) || len(l) < len(prefix)+50 || len(l) > 2048 {
		return false
	}
	const alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
	rest := l[len(prefix):]
	if prefix == "AGE-PLUGIN-" { // AGE-PLUGIN-NAME-1DATA
		i := bytes.LastIndexByte(rest, '1')
		if i <= 0 {
			return false
		}
		rest = rest[i+1:]
	}
	for _, c := range rest {
		if upper {
			c = c | 0x20
		}
		if bytes.IndexByte([]byte(alphabet), c) < 0 {
			return false
		}
	}
	return true
}

// sshPublicKeyLine reports whether l is an OpenSSH public key line: optional options,
// a key type, the base64 key blob (which starts with that same type) and a comment.
func sshPublicKeyLine(l []byte) bool {
	f := bytes.Fields(l)
	for i := 0; i+1 < len(f) && i < 2; i++ {
		typ := string(f[i])
		switch typ {
		case "ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
			"sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com":
		default:
			continue
		}
		blob, err := base64.StdEncoding.DecodeString(string(f[i+1]))
		if err != nil || len(blob) < 4+len(typ) {
			return false
		}
		n := binary.BigEndian.Uint32(blob)
		return int(n) == len(typ) && string(blob[4:4+n]) == typ
	}
	return false
}
