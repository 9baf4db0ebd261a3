package ibancheck

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/internal/golden"

	"github.com/trustreflex/trustreflex/reflex"
)

// goldenSubjects covers every finding the Checker produces, as a person might type them.
var goldenSubjects = []string{
	"FR76 3000 6000 0112 3456 7890 189",
	"de89 3704 0044 0532 0130 00",
	"IBAN: MC58 1122 2000 0101 2345 6789 030",
	"UA213223130000026007233566001",
	"FR84 2004 1010 0505 0001 3M02 607",
	"IT40S0542811101000000123456",
	"FR1520041010050500013M02606",
	"DE00370400440532013000",
	"FR14 2004 1010 0505 0001 3M02 6",
	"GP1420041010050500013M02606",
	"US64SVBKUS6S3300958879",
	"FR14-2004-1010-0505-0001-3M02-606",
	"GB29 NWB1 6016 1331 9268 19",
	"",
}

// TestCheckerGolden pins the wire output of the Checker in French and English.
// Run `go test ./ibancheck -run Golden -update` after a deliberate change.
func TestCheckerGolden(t *testing.T) {
	for _, lang := range []reflex.Lang{reflex.French, reflex.English} {
		var buf bytes.Buffer
		enc := reflex.NewEncoder(&buf, lang)
		for _, s := range goldenSubjects {
			r, err := New().Check(context.Background(), s)
			require.NoError(t, err)
			require.NoError(t, r.Validate())
			require.NoError(t, enc.Encode(r))
		}
		golden.Equal(t, filepath.Join("testdata", "checker."+lang.String()+".jsonl"), buf.Bytes())
	}
}
