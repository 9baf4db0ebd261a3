package docstore

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/internal/golden"
	"github.com/trustreflex/trustreflex/reflex"
)

// TestGoldenWire renders the report of every committed fixture in the wire format,
// French and English, and compares with testdata/golden (go test -update rewrites
// them). Reports come from InspectReader, so file modes do not enter the output.
func TestGoldenWire(t *testing.T) {
	in := NewInspector()
	for _, lang := range []reflex.Lang{reflex.French, reflex.English} {
		var buf bytes.Buffer
		enc := reflex.NewEncoder(&buf, lang)
		for _, c := range fixtureCases {
			data, err := os.ReadFile(fixturePath(c.name))
			require.NoError(t, err)
			rep, err := in.InspectReader(context.Background(), c.name, bytes.NewReader(data), int64(len(data)))
			require.NoError(t, err)
			require.NoError(t, enc.Encode(rep))
		}
		golden.Equal(t, filepath.Join("testdata", "golden", "fixtures."+lang.String()+".jsonl"), buf.Bytes())
	}
}

// One Inspector serves many goroutines (run with -race).
func TestInspectorConcurrentUse(t *testing.T) {
	in := NewInspector()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			c := fixtureCases[i*5%len(fixtureCases)]
			rep, err := in.Check(context.Background(), fixturePath(c.name))
			assert.NoError(t, err)
			assert.NoError(t, rep.Validate())
		})
	}
	wg.Wait()
}
