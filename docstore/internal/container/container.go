// Package container recognises encrypted containers and document formats by their
// structure: magic numbers, headers, packet and entry walks. It reads through an
// io.ReaderAt and a size, and every probe reads a bounded number of bytes, so that a
// 1 GiB ciphertext costs a few KiB of I/O.
//
// Each format lives in its own small file with its own fuzz target. Sniff tries them
// in a fixed order; statistics (Uniformity) come last and never say "encrypted".
package container

import (
	"bytes"
	"errors"
	"io"
)

// Limits on the bytes a probe may read.
const (
	HeadSize = 64 << 10 // the window every probe sees first
	TailSize = 64 << 10 // the window at the end (ZIP directory, PDF trailer)
	maxRead  = 1 << 20  // any single structure read (7z header, central directory)
)

// ErrTooLarge is returned when a structure claims more bytes than a probe may read.
var ErrTooLarge = errors.New("container: structure too large to inspect")

// Blob is what probes read: random access, a known size, and the first bytes.
type Blob struct {
	R    io.ReaderAt
	Size int64
	Head []byte // the first min(Size, HeadSize) bytes
	tail []byte
}

// NewBlob reads the head window of r.
func NewBlob(r io.ReaderAt, size int64) (*Blob, error) {
	if size < 0 {
		return nil, errors.New("container: negative size")
	}
	head, err := ReadAt(r, 0, int(min(size, HeadSize)))
	if err != nil {
		return nil, err
	}
	return &Blob{R: r, Size: size, Head: head}, nil
}

// Tail returns the last min(Size, TailSize) bytes, read once.
func (b *Blob) Tail() []byte {
	if b.tail == nil {
		if b.Size <= int64(len(b.Head)) {
			b.tail = b.Head
		} else {
			n := min(b.Size, TailSize)
			t, err := ReadAt(b.R, b.Size-n, int(n))
			if err != nil {
				t = []byte{}
			}
			b.tail = t
		}
	}
	return b.tail
}

// At reads n bytes at off, or fewer at the end of the blob; n is capped.
func (b *Blob) At(off int64, n int) ([]byte, error) {
	if off < 0 || off > b.Size {
		return nil, io.ErrUnexpectedEOF
	}
	if n > maxRead {
		return nil, ErrTooLarge
	}
	n = int(min(int64(n), b.Size-off))
	if off+int64(n) <= int64(len(b.Head)) {
		return b.Head[off : off+int64(n)], nil
	}
	return ReadAt(b.R, off, n)
}

// ReadAt reads exactly n bytes at off (io.EOF at the very end is not an error when
// all n bytes came).
func ReadAt(r io.ReaderAt, off int64, n int) ([]byte, error) {
	buf := make([]byte, n)
	m, err := r.ReadAt(buf, off)
	if m == n {
		return buf, nil
	}
	if err == nil || err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return buf[:m], err
}

// probe recognises one format; ok is false when the blob is not of that format.
type probe func(b *Blob) (Result, bool)

// probes are tried in order: exact magic numbers first, then text formats whose
// markers could appear inside other files, then the weakest signatures.
var probes = []probe{
	probeVault,
	probeAge,
	probeOpenSSL,
	probeLUKS,
	probeKDBX,
	probeRclone,
	probeSevenZip,
	probeRAR,
	probeOLE,
	probeZIP,
	probePDF,
	probeBitLocker,
	probePlainFormats, // binary magic numbers, before the weaker OpenPGP and DER shapes
	probeAnsible,
	probeArmor, // PEM, OpenPGP armor, age armor handled by probeAge
	probeSMIME,
	probeArmorInText, // an armored message after text in clear (a mail body)
	probeMail,
	probeVCard,
	probeKeyText,
	probeDER,
	probeOpenPGP,
	probeJOSE,
	probeGocryptfsConf,
	probeText,
	probeGocryptfsFile,
}

// Sniff names the format of b by its structure. A zero Result (Verdict Unknown) means
// no known structure was found.
func Sniff(b *Blob) Result {
	if b.Size == 0 {
		return Result{Verdict: Plain, Format: FormatEmpty, Content: ContentEmpty}
	}
	for _, p := range probes {
		if r, ok := p(b); ok {
			return r
		}
	}
	return Result{}
}

// hasPrefix is bytes.HasPrefix on a string prefix without allocating.
func hasPrefix(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == p
}

// trimLeadingSpace skips a UTF-8 BOM and leading white space (text formats).
func trimLeadingSpace(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	return bytes.TrimLeft(b, " \t\r\n")
}
