package docstore

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/trustreflex/trustreflex/reflex"
)

// mixedFolder copies every fixture and generated case into a folder, copies times
// over: a folder of mixed files (documents in clear, encrypted containers, keys,
// databases, mails) for the Walk benchmark.
func mixedFolder(b *testing.B, copies int, keep func(name string) bool) (dir string, files []string) {
	b.Helper()
	dir = b.TempDir()
	write := func(name string, data []byte) {
		if !keep(name) {
			return
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			b.Fatal(err)
		}
		files = append(files, p)
	}
	for k := range copies {
		for i, c := range fixtureCases {
			data, err := os.ReadFile(fixturePath(c.name))
			if err != nil {
				b.Fatal(err)
			}
			write(strconv.Itoa(k)+"-"+strconv.Itoa(i)+"-"+filepath.Base(c.name), data)
		}
		for name, g := range generatedCases() {
			write(strconv.Itoa(k)+"-"+name, g.data)
		}
	}
	return dir, files
}

// BenchmarkWalk walks a folder of mixed files (structure, statistics and the personal
// data scan) beside file(1) identifying the same files in one process (-b, the brief
// form), in the same run: compare their ns/op. Reads stay bounded per file
// (TestBoundedWorkOnHugeFiles). The KeePass databases cost most of the walk: the
// inspector runs their key derivation once to try the empty master password (0.2 s
// for a database made with KeePassXC's 100 ms setting); "docstore-no-keepass" walks the
// same folder without them.
func BenchmarkWalk(b *testing.B) {
	all := func(string) bool { return true }
	noKeePass := func(name string) bool { return filepath.Ext(name) != ".kdbx" }
	dir, files := mixedFolder(b, 4, all)
	dirNoKDF, filesNoKDF := mixedFolder(b, 4, noKeePass)
	walk := func(dir string, files []string) func(b *testing.B) {
		return func(b *testing.B) {
			in := NewInspector()
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				err := in.Walk(context.Background(), dir, func(r reflex.Report, err error) error {
					n++
					return err
				})
				if err != nil || n != len(files)+1 {
					b.Fatalf("walk: %v, %d reports for %d files", err, n, len(files))
				}
			}
			b.ReportMetric(float64(len(files)), "files")
		}
	}
	b.Run("docstore", walk(dir, files))
	b.Run("docstore-no-keepass", walk(dirNoKDF, filesNoKDF))
	b.Run("file-b", func(b *testing.B) {
		path, err := exec.LookPath("file")
		if err != nil {
			b.Skip("file(1) is not installed")
		}
		for b.Loop() {
			cmd := exec.Command(path, append([]string{"-b"}, files...)...)
			if out, err := cmd.Output(); err != nil || len(out) == 0 {
				b.Fatalf("file: %v", err)
			}
		}
		b.ReportMetric(float64(len(files)), "files")
	})
}
