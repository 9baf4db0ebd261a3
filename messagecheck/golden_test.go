package messagecheck

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/internal/golden"

	"github.com/trustreflex/trustreflex/reflex"
)

// TestGoldenWire pins the wire form of the message-level findings of the table, in
// French and English (go test ./messagecheck -run Golden -update rewrites them). The
// links' and IBANs' findings are left out: their checks pin their own texts.
func TestGoldenWire(t *testing.T) {
	c := New()
	for _, lang := range []reflex.Lang{reflex.French, reflex.English} {
		var buf bytes.Buffer
		enc := reflex.NewEncoder(&buf, lang)
		for _, m := range scamMessages {
			r, err := c.Check(context.Background(), m.text)
			require.NoError(t, err)
			own := reflex.NewReport(r.Subject, r.Kind)
			for _, f := range r.Findings {
				if strings.HasPrefix(string(f.Code), "message.") {
					own.Add(f)
				}
			}
			require.NoError(t, enc.Encode(own))
		}
		golden.Equal(t, filepath.Join("testdata", "wire."+lang.String()+".jsonl"), buf.Bytes())
	}
}
