package reflex

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/internal/golden"
)

func wireSamples() []Report {
	return []Report{
		NewReport("https://ants-gouv.fr/carte-grise?x=1&y=<2>", KindURL,
			Finding{Code: URLInsecure, Severity: Caution, Evidence: "http"},
			Finding{Code: URLLookalike, Severity: Danger, Evidence: "ants-gouv.fr ~ ants.gouv.fr", Suggest: "https://ants.gouv.fr/"},
		),
		NewReport("https://www.impots.gouv.fr/", KindURL,
			Finding{Code: URLOfficial, Severity: OK, Params: map[string]string{"org": "DGFiP", "cost": "dues", "dues": "vos impôts", "dues.en": "your taxes"}}),
		NewReport("FR76 3000 6000 0112 3456 7890 189", KindIBAN),
		NewReport("payslip-2026-10.pdf", KindFile,
			Finding{Code: StoreSensitive, Severity: Danger, Evidence: "nir 1 84 12 ** *** *** 38", Params: map[string]string{"kinds": "nir, iban"}},
			Finding{Code: StorePlaintext, Severity: Caution}),
	}
}

func TestWireGolden(t *testing.T) {
	for _, lang := range []Lang{French, English} {
		var buf bytes.Buffer
		enc := NewEncoder(&buf, lang)
		for _, r := range wireSamples() {
			require.NoError(t, enc.Encode(r))
		}
		require.NoError(t, enc.EncodeError("/home/léa/missing.pdf", KindFile, &fs.PathError{Op: "open", Path: "/home/léa/missing.pdf", Err: fs.ErrNotExist}))
		golden.Equal(t, filepath.Join("testdata", "wire."+lang.String()+".jsonl"), buf.Bytes())

		// One object per line, each valid JSON with exactly the documented keys.
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		require.Len(t, lines, len(wireSamples())+1)
		for i, line := range lines {
			var m map[string]json.RawMessage
			require.NoError(t, json.Unmarshal([]byte(line), &m), line)
			if i == len(lines)-1 {
				assert.ElementsMatch(t, []string{"subject", "kind", "error"}, keys(m))
				continue
			}
			assert.ElementsMatch(t, []string{"subject", "kind", "verdict", "findings"}, keys(m))
			var fs []map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(m["findings"], &fs))
			for _, f := range fs {
				for _, k := range keys(f) {
					assert.Contains(t, []string{"code", "severity", "message", "reflex", "evidence", "suggest"}, k)
				}
			}
		}
	}
}

func TestWireRoundTrip(t *testing.T) {
	for _, r := range wireSamples() {
		w := r.Wire(English)
		b, err := json.Marshal(w)
		require.NoError(t, err)
		var back WireReport
		require.NoError(t, json.Unmarshal(b, &back))
		if len(w.Findings) == 0 {
			w.Findings = back.Findings // [] and nil are the same on the wire
		}
		assert.Equal(t, w, back)
		assert.Equal(t, r.Verdict(), back.Verdict)
	}
}

func TestWireDoesNotReorderCallerFindings(t *testing.T) {
	r := Report{Subject: "x", Kind: KindURL, Findings: []Finding{
		{Code: URLInsecure, Severity: Caution}, {Code: URLLookalike, Severity: Danger},
	}}
	w := r.Wire(French)
	assert.Equal(t, URLLookalike, w.Findings[0].Code, "the wire form is in canonical order")
	assert.Equal(t, URLInsecure, r.Findings[0].Code, "the caller's slice is left alone")
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestWireSubjectInvalidUTF8: file names that differ only by bytes that are not UTF-8
// stay different in JSON, written as \xHH like in human output.
func TestWireSubjectInvalidUTF8(t *testing.T) {
	a, _ := NewReport("relevé\xff.pdf", KindFile).Wire(French).MarshalJSON()
	b, _ := WireError("relevé\xfe.pdf", KindFile, errors.New("x"), French).MarshalJSON()
	if !strings.Contains(string(a), `"subject":"relevé\\xff.pdf"`) || !strings.Contains(string(b), `"subject":"relevé\\xfe.pdf"`) {
		t.Fatalf("%s\n%s", a, b)
	}
	c, _ := NewReport("relevé\x1b.pdf", KindFile).Wire(French).MarshalJSON()
	if !strings.Contains(string(c), `"subject":"relevé\u001b.pdf"`) {
		t.Fatalf("valid UTF-8 is kept as is: %s", c)
	}
}
