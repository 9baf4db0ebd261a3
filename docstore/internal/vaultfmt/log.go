package vaultfmt

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// The operation log is Magic followed by frames: a 4-byte big-endian length and that many
// bytes of age ciphertext, one frame per record. Records are chained: each carries the hex
// SHA-256 of the previous record's plaintext, and the manifest carries the count and hash
// of the last committed one.

// MaxRecord bounds one log frame.
const MaxRecord = 64 << 10

// Record is one logged operation.
type Record struct {
	Seq     uint64    `json:"seq"` // 1-based position in the log
	Gen     uint64    `json:"gen"` // manifest generation this operation commits
	Time    time.Time `json:"time"`
	Op      string    `json:"op"` // create, put, delete, set-recipient, remove-recipient, recover, restore
	Name    string    `json:"name,omitempty"`
	ID      string    `json:"id,omitempty"`
	Version uint64    `json:"version,omitempty"`
	Prev    string    `json:"prev"` // hash of the previous record, "" for the first
}

// Ops a record may carry.
var ops = map[string]bool{"create": true, "put": true, "delete": true, "set-recipient": true, "remove-recipient": true, "recover": true, "restore": true}

// A "restore" record is written by a recover for a document it took from a file the
// intact part of the log did not name; a later recover replays it as a put.

// MarshalRecord encodes r.
func MarshalRecord(r *Record) ([]byte, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	return json.Marshal(r)
}

// ParseRecord decodes and checks one record's plaintext.
func ParseRecord(b []byte) (*Record, error) {
	if len(b) > MaxRecord {
		return nil, fmt.Errorf("%w: log record too large", ErrFormat)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	r := &Record{}
	if err := d.Decode(r); err != nil {
		return nil, fmt.Errorf("%w: log record: %v", ErrFormat, err)
	}
	if d.More() {
		return nil, fmt.Errorf("%w: log record: trailing data", ErrFormat)
	}
	if err := r.check(); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *Record) check() error {
	if r.Seq == 0 || !ops[r.Op] || (r.Prev != "" && !isHash(r.Prev)) || (r.Seq == 1) != (r.Prev == "") {
		return fmt.Errorf("%w: log record fields", ErrFormat)
	}
	if r.Name != "" && !ValidName(r.Name) || r.ID != "" && !IsID(r.ID) {
		return fmt.Errorf("%w: log record name or id", ErrFormat)
	}
	return nil
}

// Hash is the chain hash of a record's plaintext.
func Hash(plaintext []byte) string {
	h := sha256.Sum256(plaintext)
	return hex.EncodeToString(h[:])
}

// AppendFrame encodes one frame.
func AppendFrame(dst, ciphertext []byte) []byte {
	dst = binary.BigEndian.AppendUint32(dst, uint32(len(ciphertext)))
	return append(dst, ciphertext...)
}

// ReadFrames reads a log file: the frames, and the offset just past the last complete frame.
// A final frame cut short (a crash during an append) is not an error: it is reported by
// end < the file's size, so that the writer can cut it before appending.
func ReadFrames(r io.Reader) (frames [][]byte, end int64, err error) {
	magic := make([]byte, len(Magic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != Magic {
		return nil, 0, fmt.Errorf("%w: log: no vault marker", ErrFormat)
	}
	end = int64(len(Magic))
	var hdr [4]byte
	for {
		if _, err := io.ReadFull(r, hdr[:]); err == io.EOF || err == io.ErrUnexpectedEOF {
			return frames, end, nil
		} else if err != nil {
			return nil, 0, err
		}
		n := binary.BigEndian.Uint32(hdr[:])
		if n == 0 || n > MaxRecord {
			return nil, 0, fmt.Errorf("%w: log frame size %d at offset %d", ErrFormat, n, end)
		}
		var b bytes.Buffer
		if _, err := io.CopyN(&b, r, int64(n)); err == io.EOF {
			return frames, end, nil // torn tail
		} else if err != nil {
			return nil, 0, err
		}
		frames = append(frames, b.Bytes())
		end += 4 + int64(n)
	}
}
