package vault

import (
	"bytes"
	"context"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"testing"

	"filippo.io/age"
	"github.com/stretchr/testify/require"
)

const vaultBenchSize = 64 << 20

// vaultBenchDir is where the vault benchmark writes: $TRUSTREFLEX_BENCH_DIR if set (to compare
// disks, e.g. /dev/shm to take fsync out), else a temp dir.
func vaultBenchDir(b *testing.B) string {
	if d := os.Getenv("TRUSTREFLEX_BENCH_DIR"); d != "" {
		dir, err := os.MkdirTemp(d, "vault-bench")
		require.NoError(b, err)
		b.Cleanup(func() { os.RemoveAll(dir) })
		return dir
	}
	return b.TempDir()
}

// BenchmarkAgeEncryptDecrypt64MiB is the baseline: raw age, in memory, one X25519 recipient.
func BenchmarkAgeEncryptDecrypt64MiB(b *testing.B) {
	src := docContent(vaultBenchSize, 1)
	id := x25519(b)
	sealed := bytes.NewBuffer(make([]byte, 0, vaultBenchSize+vaultBenchSize/docChunk*16+4096))
	b.SetBytes(vaultBenchSize)
	b.ReportAllocs()
	for b.Loop() {
		sealed.Reset()
		w, err := age.Encrypt(sealed, id.Recipient())
		require.NoError(b, err)
		_, err = w.Write(src)
		require.NoError(b, err)
		require.NoError(b, w.Close())
		r, err := age.Decrypt(sealed, id)
		require.NoError(b, err)
		_, err = io.Copy(io.Discard, r)
		require.NoError(b, err)
	}
}

// BenchmarkVaultPutGet64MiB stores then reads back a 64 MiB document: padding, binding checks,
// files, fsyncs and the index commit included.
func BenchmarkVaultPutGet64MiB(b *testing.B) {
	src := docContent(vaultBenchSize, 1)
	id := x25519(b)
	v, err := Create(vaultBenchDir(b)+"/v", id.Recipient())
	require.NoError(b, err)
	defer v.Close()
	ctx := context.Background()
	b.SetBytes(vaultBenchSize)
	b.ReportAllocs()
	for b.Loop() {
		_, err := v.Put(ctx, "bench", bytes.NewReader(src), nil)
		require.NoError(b, err)
		r, err := v.Get(ctx, "bench")
		require.NoError(b, err)
		_, err = io.Copy(io.Discard, r)
		require.NoError(b, err)
		r.Close()
	}
}

// patternSource yields n bytes without holding them (a streamed document of any size) and
// samples the heap every MiB.
type patternSource struct {
	n    int64
	peak *heapPeak
}

func (p *patternSource) Read(b []byte) (int, error) {
	if p.n == 0 {
		return 0, io.EOF
	}
	b = b[:min(int64(len(b)), p.n)]
	for i := range b {
		b[i] = byte(p.n - int64(i))
	}
	p.n -= int64(len(b))
	p.peak.sample(len(b))
	return len(b), nil
}

// heapPeak records the largest live heap (HeapAlloc) seen, sampled every MiB of progress.
type heapPeak struct {
	max   uint64
	since int
}

func (h *heapPeak) sample(n int) {
	h.since += n
	if h.since < 1<<20 {
		return
	}
	h.since = 0
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	h.max = max(h.max, ms.HeapAlloc)
}

func (h *heapPeak) Write(p []byte) (int, error) {
	h.sample(len(p))
	return len(p), nil
}

// TestVaultMemoryFlat checks that Put and Get stream: the heap while storing and reading back
// a 64 MiB document peaks no higher (within 2 MiB, GC timing) than for a 2 MiB one. (Total
// allocations do grow: age's STREAM reader allocates a 64 KiB buffer per chunk, garbage that
// the GC reclaims as it goes.)
func TestVaultMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 65 MiB")
	}
	if raceEnabled {
		t.Skip("heap measurements are meaningless under the race detector")
	}
	// A low GOGC keeps garbage near the live heap, so the peak measures what is live.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	tv := newTestVault(t)
	ctx := context.Background()
	roundTrip := func(size int64) uint64 {
		runtime.GC()
		peak := &heapPeak{}
		_, err := tv.Put(ctx, "doc", &patternSource{n: size, peak: peak}, nil)
		require.NoError(t, err)
		r, err := tv.Get(ctx, "doc")
		require.NoError(t, err)
		buf := make([]byte, 32<<10)
		n, err := io.CopyBuffer(struct{ io.Writer }{peak}, r, buf)
		require.NoError(t, err)
		require.Equal(t, size, n)
		r.Close()
		return peak.max
	}
	roundTrip(2 << 20) // warm up
	small := roundTrip(2 << 20)
	large := roundTrip(64 << 20)
	t.Logf("peak heap: 2 MiB document %d KiB, 64 MiB document %d KiB", small>>10, large>>10)
	require.Less(t, large, small+2<<20, "the heap grows with document size")
}
