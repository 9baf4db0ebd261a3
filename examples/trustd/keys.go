package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"sync/atomic"
)

// The API keys file (--keys FILE) holds one key a line, as NAME:SHA256HEX: the key's
// name (recorded as "by" in the payee book) and the hex SHA-256 of the key, never the
// key itself. Blank lines and lines starting with # are ignored:
//
//	# compta back-end, given 2026-12-01
//	compta-prod:5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8
//
// Make a key and its line with:
//
//	key=$(head -c 32 /dev/urandom | base64 | tr -d '/+=')
//	echo "compta-prod:$(printf %s "$key" | sha256sum | cut -d' ' -f1)" >> keys.txt
//
// Clients send "Authorization: Bearer KEY". trustd hashes the key it receives and
// compares it with every hash of the file in constant time.

// maxKeysFile bounds the keys file; maxKeyLen bounds a key sent by a client.
const (
	maxKeysFile = 1 << 20
	maxKeyLen   = 512
)

var keyName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$`)

// apiKey is one line of the keys file.
type apiKey struct {
	name string
	hash [sha256.Size]byte
}

// errKeysFile is the error of a keys file that cannot be used; it names the line, never
// its content.
var errKeysFile = errors.New("trustd: keys file")

// parseKeys reads a keys file. Every line must be valid: a mistyped line is an error,
// not a key silently missing. Names and hashes are unique.
func parseKeys(r io.Reader) ([]apiKey, error) {
	var keys []apiKey
	names := map[string]bool{}
	hashes := map[[sha256.Size]byte]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxKeysFile)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, hexHash, ok := strings.Cut(line, ":")
		name, hexHash = strings.TrimSpace(name), strings.TrimSpace(hexHash)
		if !ok {
			return nil, fmt.Errorf("%w: line %d: want NAME:SHA256HEX", errKeysFile, n)
		}
		if !keyName.MatchString(name) {
			return nil, fmt.Errorf("%w: line %d: a name is 1 to 64 letters, digits, '.', '_', '@' or '-'", errKeysFile, n)
		}
		var k apiKey
		k.name = name
		if len(hexHash) != 2*sha256.Size {
			return nil, fmt.Errorf("%w: line %d (%s): want the 64 hex digits of the key's SHA-256, not the key itself", errKeysFile, n, name)
		}
		if _, err := hex.Decode(k.hash[:], []byte(hexHash)); err != nil {
			return nil, fmt.Errorf("%w: line %d (%s): the SHA-256 is not hexadecimal", errKeysFile, n, name)
		}
		if names[name] {
			return nil, fmt.Errorf("%w: line %d: the name %s is given twice", errKeysFile, n, name)
		}
		if hashes[k.hash] {
			return nil, fmt.Errorf("%w: line %d (%s): the same key is given twice", errKeysFile, n, name)
		}
		names[name], hashes[k.hash] = true, true
		keys = append(keys, k)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", errKeysFile, err)
	}
	return keys, nil
}

// loadKeys reads the keys file at path: a regular file of at most 1 MiB.
func loadKeys(path string) ([]apiKey, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errKeysFile, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errKeysFile, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: %s is not a regular file", errKeysFile, path)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxKeysFile+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errKeysFile, err)
	}
	if len(b) > maxKeysFile {
		return nil, fmt.Errorf("%w: %s is larger than %d bytes", errKeysFile, path, maxKeysFile)
	}
	return parseKeys(bytes.NewReader(b))
}

// keyStore holds the keys in use; SIGHUP replaces them all at once.
type keyStore struct {
	keys atomic.Pointer[[]apiKey]
}

func (s *keyStore) set(keys []apiKey) { s.keys.Store(&keys) }

func (s *keyStore) count() int {
	if k := s.keys.Load(); k != nil {
		return len(*k)
	}
	return 0
}

// authenticate returns the name of the key of an "Authorization: Bearer KEY" header.
// The key's hash is compared with every key's, each in constant time, so that the
// time taken does not tell which key nearly matched.
func (s *keyStore) authenticate(header string) (string, bool) {
	scheme, token, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	if token == "" || len(token) > maxKeyLen {
		return "", false
	}
	keys := s.keys.Load()
	if keys == nil {
		return "", false
	}
	sum := sha256.Sum256([]byte(token))
	found := -1
	for i := range *keys {
		if subtle.ConstantTimeCompare(sum[:], (*keys)[i].hash[:]) == 1 {
			found = i
		}
	}
	if found < 0 {
		return "", false
	}
	return (*keys)[found].name, true
}
