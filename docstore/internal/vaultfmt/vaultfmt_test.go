package vaultfmt

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	id1 = "0123456789abcdef0123456789abcdef"
	id2 = "fedcba9876543210fedcba9876543210"
	id3 = "00000000000000000000000000000003"
)

func sampleIndex() *Index {
	return &Index{Format: Format, Vault: id1, KeyAlg: KeyHybrid, DocAlg: DocAgeV1, Pad: PadPadme,
		Slots:    []Slot{{ID: id2, Data: []byte("age-encryption.org/v1\nslot\n")}},
		Manifest: []byte("age-encryption.org/v1\nmanifest\x00\xff")}
}

func sampleManifest() *Manifest {
	t := time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC)
	return &Manifest{Format: Format, Vault: id1, KeyAlg: KeyHybrid, DocAlg: DocAgeV1, Pad: PadPadme, Gen: 3,
		Created: t, LogCount: 2, LogHead: Hash([]byte("x")),
		Slots: []SlotInfo{{ID: id2, Label: "owner", Kind: "scrypt"}},
		Docs: []Doc{{ID: id3, Name: "bulletin 2026-10.pdf", Version: 2, Size: 10, Padded: 4096,
			Meta: map[string]string{"type": "payslip"}, Created: t, Modified: t}}}
}

func TestIndexRoundTrip(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteIndex(&b, sampleIndex()))
	assert.True(t, strings.HasPrefix(b.String(), Magic))
	got, err := ParseIndex(bytes.NewReader(b.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, sampleIndex(), got)
}

func TestIndexRejects(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteIndex(&b, sampleIndex()))
	good := b.String()
	for name, s := range map[string]string{
		"empty":          "",
		"no magic":       strings.TrimPrefix(good, Magic),
		"trailing":       good + "x",
		"truncated":      good[:len(good)-3],
		"bad format":     strings.Replace(good, "format 1", "format 01", 1),
		"bad vault":      strings.Replace(good, "vault "+id1, "vault xyz", 1),
		"slot too big":   strings.Replace(good, "slot "+id2+" 27", "slot "+id2+" 99999999", 1),
		"slot size sign": strings.Replace(good, "slot "+id2+" 27", "slot "+id2+" -1", 1),
		"unknown line":   strings.Replace(good, "manifest", "extra", 1),
	} {
		_, err := ParseIndex(strings.NewReader(s))
		assert.ErrorIs(t, err, ErrFormat, name)
	}
}

func TestManifestRoundTrip(t *testing.T) {
	b, err := MarshalManifest(sampleManifest())
	require.NoError(t, err)
	got, err := ParseManifest(b)
	require.NoError(t, err)
	assert.Equal(t, sampleManifest(), got)
}

func TestManifestCheck(t *testing.T) {
	for name, mutate := range map[string]func(m *Manifest){
		"format":        func(m *Manifest) { m.Format = 2 },
		"vault":         func(m *Manifest) { m.Vault = "x" },
		"dup name":      func(m *Manifest) { m.Docs = append(m.Docs, m.Docs[0]); m.Docs[1].ID = id1 },
		"dup id":        func(m *Manifest) { m.Docs = append(m.Docs, m.Docs[0]); m.Docs[1].Name = "b" },
		"slot id reuse": func(m *Manifest) { m.Docs[0].ID = id2 },
		"no slot":       func(m *Manifest) { m.Slots = nil },
		"size":          func(m *Manifest) { m.Docs[0].Padded = 1 },
		"version":       func(m *Manifest) { m.Docs[0].Version = 0 },
		"name":          func(m *Manifest) { m.Docs[0].Name = "a\nb" },
		"log head":      func(m *Manifest) { m.LogHead = "" },
	} {
		m := sampleManifest()
		mutate(m)
		assert.ErrorIs(t, m.Check(), ErrFormat, name)
	}
	_, err := ParseManifest([]byte(`{"format":1,"unknown":2}`))
	assert.ErrorIs(t, err, ErrFormat)
}

func TestRecordAndFrames(t *testing.T) {
	r1 := &Record{Seq: 1, Gen: 1, Op: "create", Time: time.Unix(1, 0).UTC()}
	b1, err := MarshalRecord(r1)
	require.NoError(t, err)
	r2 := &Record{Seq: 2, Gen: 2, Op: "put", Name: "a", ID: id1, Version: 1, Prev: Hash(b1), Time: time.Unix(2, 0).UTC()}
	b2, err := MarshalRecord(r2)
	require.NoError(t, err)
	got, err := ParseRecord(b2)
	require.NoError(t, err)
	assert.Equal(t, r2, got)

	_, err = MarshalRecord(&Record{Seq: 2, Op: "put"}) // seq 2 needs a prev
	assert.ErrorIs(t, err, ErrFormat)
	_, err = ParseRecord([]byte(`{"seq":1,"op":"format-disk","prev":""}`))
	assert.ErrorIs(t, err, ErrFormat)

	file := AppendFrame(AppendFrame([]byte(Magic), b1), b2)
	frames, end, err := ReadFrames(bytes.NewReader(file))
	require.NoError(t, err)
	assert.Equal(t, [][]byte{b1, b2}, frames)
	assert.Equal(t, int64(len(file)), end)

	// A torn final frame is reported by end, not as an error.
	frames, end, err = ReadFrames(bytes.NewReader(file[:len(file)-2]))
	require.NoError(t, err)
	assert.Len(t, frames, 1)
	assert.Equal(t, int64(len(Magic)+4+len(b1)), end)

	_, _, err = ReadFrames(bytes.NewReader([]byte("nope")))
	assert.ErrorIs(t, err, ErrFormat)
	_, _, err = ReadFrames(bytes.NewReader(append([]byte(Magic), 0xff, 0xff, 0xff, 0xff)))
	assert.ErrorIs(t, err, ErrFormat)
}

func TestDocHeader(t *testing.T) {
	h := &DocHeader{Vault: id1, ID: id2, Name: "avis d'impôt.pdf", Version: 7, Meta: map[string]string{"k": "v"}}
	b, err := AppendDocHeader(nil, h)
	require.NoError(t, err)
	got, n, err := ReadDocHeader(bytes.NewReader(append(b, "content"...)))
	require.NoError(t, err)
	assert.Equal(t, h, got)
	assert.Equal(t, int64(len(b)), n)
	_, _, err = ReadDocHeader(bytes.NewReader(b[:len(b)-1]))
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	_, _, err = ReadDocHeader(bytes.NewReader(append([]byte("x"), b[1:]...)))
	assert.ErrorIs(t, err, ErrFormat)
	_, err = AppendDocHeader(nil, &DocHeader{Vault: id1, ID: id2, Name: "", Version: 1})
	assert.ErrorIs(t, err, ErrFormat)

	tr := Trailer(42)
	assert.True(t, CheckTrailer(tr[:], 42))
	assert.False(t, CheckTrailer(tr[:], 43))
}

func TestPadded(t *testing.T) {
	for _, c := range []struct{ n, want int64 }{
		{0, 4096}, {1, 4096}, {4096, 4096}, {4097, 4352}, {100_000, 100_352},
		{64 << 20, 64 << 20}, {64<<20 + 200, 66 << 20},
	} {
		assert.Equal(t, c.want, Padded(c.n), "n=%d", c.n)
	}
	for n := int64(1); n < 1<<34; n = n*3 + 1 {
		p := Padded(n)
		require.GreaterOrEqual(t, p, n)
		if n > PadFloor {
			require.LessOrEqual(t, float64(p-n)/float64(n), 0.112, "n=%d", n)
		}
	}
}

func FuzzParseIndex(f *testing.F) {
	var b bytes.Buffer
	if err := WriteIndex(&b, sampleIndex()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		ix, err := ParseIndex(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("error does not wrap ErrFormat: %v", err)
			}
			return
		}
		var out bytes.Buffer
		if err := WriteIndex(&out, ix); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), data) {
			t.Fatalf("index does not round-trip")
		}
	})
}

func FuzzParseManifest(f *testing.F) {
	b, err := MarshalManifest(sampleManifest())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseManifest(data)
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("error does not wrap ErrFormat: %v", err)
			}
			return
		}
		b, err := MarshalManifest(m)
		if err != nil {
			t.Fatalf("parsed manifest does not marshal: %v", err)
		}
		if _, err := ParseManifest(b); err != nil {
			t.Fatalf("re-marshalled manifest does not parse: %v", err)
		}
	})
}

func FuzzReadLog(f *testing.F) {
	r1, _ := MarshalRecord(&Record{Seq: 1, Gen: 1, Op: "create", Time: time.Unix(1, 0).UTC()})
	f.Add(AppendFrame([]byte(Magic), r1))
	f.Fuzz(func(t *testing.T, data []byte) {
		frames, end, err := ReadFrames(bytes.NewReader(data))
		if err != nil {
			return
		}
		if end > int64(len(data)) {
			t.Fatalf("end %d past the data %d", end, len(data))
		}
		for _, fr := range frames {
			if r, err := ParseRecord(fr); err == nil {
				if _, err := MarshalRecord(r); err != nil {
					t.Fatalf("parsed record does not marshal: %v", err)
				}
			}
		}
	})
}

func FuzzParseRecord(f *testing.F) {
	b, _ := MarshalRecord(&Record{Seq: 2, Gen: 2, Op: "put", Name: "a", ID: id1, Version: 1, Prev: Hash(nil)})
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseRecord(data)
		if err != nil {
			return
		}
		if _, err := MarshalRecord(r); err != nil {
			t.Fatalf("parsed record does not marshal: %v", err)
		}
	})
}

func FuzzReadDocHeader(f *testing.F) {
	b, _ := AppendDocHeader(nil, &DocHeader{Vault: id1, ID: id2, Name: "n", Version: 1})
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) {
		h, n, err := ReadDocHeader(bytes.NewReader(data))
		if err != nil {
			return
		}
		if n > int64(len(data)) {
			t.Fatalf("consumed %d of %d bytes", n, len(data))
		}
		if _, err := AppendDocHeader(nil, h); err != nil {
			t.Fatalf("parsed header does not encode: %v", err)
		}
	})
}
