package vaultfmt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
	"unicode/utf8"
)

// Manifest is the authenticated, encrypted index of a vault: what the plaintext header says
// (repeated so that tampering with it is detected), the generation counter, the head of the
// operation log, the key slots' labels and every document with its binding.
type Manifest struct {
	Format   int        `json:"format"`
	Vault    string     `json:"vault"`
	KeyAlg   string     `json:"key"`
	DocAlg   string     `json:"doc"`
	Pad      string     `json:"pad"`
	Gen      uint64     `json:"gen"` // incremented by every committed operation
	Created  time.Time  `json:"created"`
	LogCount uint64     `json:"log_count"` // records in the log when this manifest was committed
	LogHead  string     `json:"log_head"`  // hex SHA-256 of the last of them ("" when none)
	Slots    []SlotInfo `json:"slots"`
	Docs     []Doc      `json:"docs"`
}

// SlotInfo describes a key slot of the index.
type SlotInfo struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Kind  string `json:"kind"` // recipient type: "scrypt", "x25519", "mlkem768x25519", "other"
}

// Doc binds a document name to the one file that holds its current version.
type Doc struct {
	ID       string            `json:"id"` // file name under d/, fresh for every version
	Name     string            `json:"name"`
	Version  uint64            `json:"version"`
	Size     int64             `json:"size"`   // content bytes
	Padded   int64             `json:"padded"` // plaintext bytes inside the age file
	Meta     map[string]string `json:"meta,omitempty"`
	Created  time.Time         `json:"created"`
	Modified time.Time         `json:"modified"`
}

// Limits on names and metadata, so one entry stays small.
const (
	MaxName     = 1024
	MaxMetaKeys = 64
	MaxMetaLen  = 4096
)

// MarshalManifest encodes m after checking it.
func MarshalManifest(m *Manifest) ([]byte, error) {
	if err := m.Check(); err != nil {
		return nil, err
	}
	return json.Marshal(m)
}

// ParseManifest decodes and checks a manifest.
func ParseManifest(b []byte) (*Manifest, error) {
	if len(b) > MaxManifestSize {
		return nil, fmt.Errorf("%w: manifest too large", ErrFormat)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	m := &Manifest{}
	if err := d.Decode(m); err != nil {
		return nil, fmt.Errorf("%w: manifest: %v", ErrFormat, err)
	}
	if d.More() {
		return nil, fmt.Errorf("%w: manifest: trailing data", ErrFormat)
	}
	if err := m.Check(); err != nil {
		return nil, err
	}
	return m, nil
}

// Check verifies the invariants a reader relies on: known format, well-formed ids, unique
// names and ids, sizes that fit the padding rule.
func (m *Manifest) Check() error {
	if m.Format != Format {
		return fmt.Errorf("%w: manifest format %d", ErrFormat, m.Format)
	}
	if !IsID(m.Vault) {
		return fmt.Errorf("%w: manifest vault id", ErrFormat)
	}
	if m.LogCount == 0 && m.LogHead != "" || m.LogCount > 0 && !isHash(m.LogHead) {
		return fmt.Errorf("%w: manifest log head", ErrFormat)
	}
	seen := map[string]bool{}
	labels := map[string]bool{}
	if len(m.Slots) == 0 || len(m.Slots) > MaxSlots {
		return fmt.Errorf("%w: manifest slot count", ErrFormat)
	}
	for _, s := range m.Slots {
		if !IsID(s.ID) || seen[s.ID] || labels[s.Label] || !ValidName(s.Label) {
			return fmt.Errorf("%w: manifest slot %q", ErrFormat, clip(s.ID))
		}
		seen[s.ID], labels[s.Label] = true, true
	}
	names := map[string]bool{}
	for _, d := range m.Docs {
		if !IsID(d.ID) || seen[d.ID] {
			return fmt.Errorf("%w: manifest document id %q", ErrFormat, clip(d.ID))
		}
		if !ValidName(d.Name) || names[d.Name] {
			return fmt.Errorf("%w: manifest document name", ErrFormat)
		}
		seen[d.ID], names[d.Name] = true, true
		if d.Version == 0 || d.Size < 0 || d.Padded < d.Size || d.Padded > 1<<62 {
			return fmt.Errorf("%w: manifest document sizes", ErrFormat)
		}
		if err := CheckMeta(d.Meta); err != nil {
			return err
		}
	}
	return nil
}

// ValidName reports whether s can name a document (or label a slot): non-empty valid UTF-8
// without NUL or newline, at most MaxName bytes.
func ValidName(s string) bool {
	if s == "" || len(s) > MaxName || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == 0 || r == '\n' || r == '\r' {
			return false
		}
	}
	return true
}

// CheckMeta bounds document metadata.
func CheckMeta(meta map[string]string) error {
	if len(meta) > MaxMetaKeys {
		return fmt.Errorf("%w: too many metadata keys", ErrFormat)
	}
	for k, v := range meta {
		if k == "" || len(k) > MaxMetaLen || len(v) > MaxMetaLen || !utf8.ValidString(k) || !utf8.ValidString(v) {
			return fmt.Errorf("%w: metadata entry", ErrFormat)
		}
	}
	return nil
}

func isHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	return IsID(s[:32]) && IsID(s[32:])
}
