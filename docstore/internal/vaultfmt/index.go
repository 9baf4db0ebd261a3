package vaultfmt

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Format is the vault format version written by this package. Readers refuse other versions
// so that a future format is never misread as this one.
const Format = 1

// Algorithm identifiers recorded in the index header and repeated in the authenticated manifest
// (agility: a new vault key or document scheme gets a new identifier, readers reject unknown ones).
const (
	KeyHybrid = "mlkem768x25519" // age1pq hybrid ML-KEM-768 + X25519 vault key (default)
	KeyX25519 = "x25519"         // classic age X25519 vault key
	DocAgeV1  = "age-v1"         // each document is one age v1 file (ChaCha20-Poly1305 STREAM)
	PadPadme  = "padme-4096"     // Padmé padding with a 4096-byte floor, see Padded
)

// Limits that bound what a reader allocates from untrusted bytes.
const (
	MaxSlots        = 64
	MaxSlotSize     = 16 << 10
	MaxManifestSize = 64 << 20
	maxLine         = 256
)

// ErrFormat reports bytes that are not a well-formed vault file.
var ErrFormat = errors.New("vaultfmt: malformed vault file")

// Index is the one file that opens a vault: a plaintext header (format and algorithm ids,
// the opaque vault id), the key slots (each an age file wrapping the vault key to one
// recipient) and the age-encrypted manifest. Every field but Slots and Manifest is repeated in
// the manifest, which authenticates them.
type Index struct {
	Format   int
	Vault    string // opaque random id, hex
	KeyAlg   string
	DocAlg   string
	Pad      string
	Slots    []Slot
	Manifest []byte // age ciphertext of the manifest
}

// Slot is one wrapped copy of the vault key.
type Slot struct {
	ID   string // opaque random id, hex; its label lives in the encrypted manifest
	Data []byte // age file
}

// WriteIndex encodes ix to w.
func WriteIndex(w io.Writer, ix *Index) error {
	var b bytes.Buffer
	b.WriteString(Magic)
	fmt.Fprintf(&b, "format %d\nvault %s\nkey %s\ndoc %s %s\n", ix.Format, ix.Vault, ix.KeyAlg, ix.DocAlg, ix.Pad)
	for _, s := range ix.Slots {
		if !IsID(s.ID) {
			return fmt.Errorf("vaultfmt: bad slot id %q", s.ID)
		}
		fmt.Fprintf(&b, "slot %s %d\n", s.ID, len(s.Data))
		b.Write(s.Data)
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "manifest %d\n", len(ix.Manifest))
	if _, err := w.Write(b.Bytes()); err != nil {
		return err
	}
	if _, err := w.Write(ix.Manifest); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\nend\n")
	return err
}

// ParseIndex decodes an index file, strictly: unknown lines, oversized sections or trailing
// bytes are errors wrapping ErrFormat.
func ParseIndex(r io.Reader) (*Index, error) {
	br := bufio.NewReader(r)
	magic := make([]byte, len(Magic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != Magic {
		return nil, fmt.Errorf("%w: no vault marker", ErrFormat)
	}
	ix := &Index{}
	f, err := fields(br, "format", 1)
	if err != nil {
		return nil, err
	}
	if ix.Format, err = strconv.Atoi(f[0]); err != nil || f[0] != strconv.Itoa(ix.Format) {
		return nil, fmt.Errorf("%w: format %q", ErrFormat, f[0])
	}
	if f, err = fields(br, "vault", 1); err != nil {
		return nil, err
	}
	ix.Vault = f[0]
	if !IsID(ix.Vault) {
		return nil, fmt.Errorf("%w: vault id", ErrFormat)
	}
	if f, err = fields(br, "key", 1); err != nil {
		return nil, err
	}
	ix.KeyAlg = f[0]
	if f, err = fields(br, "doc", 2); err != nil {
		return nil, err
	}
	ix.DocAlg, ix.Pad = f[0], f[1]
	for {
		line, err := readLine(br)
		if err != nil {
			return nil, err
		}
		f := strings.Split(line, " ")
		switch {
		case f[0] == "slot" && len(f) == 3:
			if len(ix.Slots) == MaxSlots {
				return nil, fmt.Errorf("%w: too many slots", ErrFormat)
			}
			if !IsID(f[1]) {
				return nil, fmt.Errorf("%w: slot id", ErrFormat)
			}
			data, err := section(br, f[2], MaxSlotSize)
			if err != nil {
				return nil, err
			}
			ix.Slots = append(ix.Slots, Slot{ID: f[1], Data: data})
		case f[0] == "manifest" && len(f) == 2:
			if ix.Manifest, err = section(br, f[1], MaxManifestSize); err != nil {
				return nil, err
			}
			if line, err := readLine(br); err != nil || line != "end" {
				return nil, fmt.Errorf("%w: missing end", ErrFormat)
			}
			if _, err := br.ReadByte(); err != io.EOF {
				return nil, fmt.Errorf("%w: trailing bytes", ErrFormat)
			}
			return ix, nil
		default:
			return nil, fmt.Errorf("%w: unexpected line %q", ErrFormat, clip(line))
		}
	}
}

// section reads a length-prefixed blob followed by a newline.
func section(br *bufio.Reader, size string, max int) ([]byte, error) {
	n, err := strconv.Atoi(size)
	if err != nil || n < 0 || n > max || size != strconv.Itoa(n) {
		return nil, fmt.Errorf("%w: section size %q", ErrFormat, clip(size))
	}
	var b bytes.Buffer
	if _, err := io.CopyN(&b, br, int64(n)); err != nil {
		return nil, fmt.Errorf("%w: truncated section", ErrFormat)
	}
	if c, err := br.ReadByte(); err != nil || c != '\n' {
		return nil, fmt.Errorf("%w: section not terminated", ErrFormat)
	}
	return b.Bytes(), nil
}

func fields(br *bufio.Reader, key string, n int) ([]string, error) {
	line, err := readLine(br)
	if err != nil {
		return nil, err
	}
	f := strings.Split(line, " ")
	if len(f) != n+1 || f[0] != key {
		return nil, fmt.Errorf("%w: want %q line, got %q", ErrFormat, key, clip(line))
	}
	for _, s := range f[1:] {
		if s == "" {
			return nil, fmt.Errorf("%w: empty field in %q line", ErrFormat, key)
		}
	}
	return f[1:], nil
}

// readLine reads one '\n'-terminated line of at most maxLine bytes.
func readLine(br *bufio.Reader) (string, error) {
	var b []byte
	for {
		c, err := br.ReadByte()
		if err != nil {
			return "", fmt.Errorf("%w: truncated", ErrFormat)
		}
		if c == '\n' {
			return string(b), nil
		}
		if len(b) == maxLine {
			return "", fmt.Errorf("%w: line too long", ErrFormat)
		}
		b = append(b, c)
	}
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// IsID reports whether s is a well-formed opaque id: 32 lower-case hex digits (128 random bits).
func IsID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
