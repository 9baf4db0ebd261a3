package reflex

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/internal/golden"
)

func TestTextGolden(t *testing.T) {
	for _, lang := range []Lang{French, English} {
		var buf bytes.Buffer
		enc := NewTextEncoder(&buf, lang)
		for _, r := range wireSamples() {
			require.NoError(t, enc.Encode(r))
		}
		require.NoError(t, enc.EncodeError("/home/léa/missing.pdf", KindFile, &fs.PathError{Op: "open", Path: "/home/léa/missing.pdf", Err: fs.ErrNotExist}))
		golden.Equal(t, filepath.Join("testdata", "text."+lang.String()+".txt"), buf.Bytes())
	}
}

func TestTextEncoderColour(t *testing.T) {
	var buf bytes.Buffer
	enc := NewTextEncoder(&buf, French)
	r := NewReport("https://ants-gouv.fr/", KindURL, Finding{Code: URLLookalike, Severity: Danger, Suggest: "https://ants.gouv.fr/"})
	require.NoError(t, enc.Encode(r))
	assert.NotContains(t, buf.String(), "\x1b", "no colour unless asked")
	buf.Reset()
	enc.SetColour(true)
	require.NoError(t, enc.Encode(r))
	assert.True(t, strings.HasPrefix(buf.String(), ansiRed+"DANGER"), buf.String())
}

// A hostile subject cannot erase the verdict or retitle the terminal.
func TestTextEncoderEscapesControlCharacters(t *testing.T) {
	var buf bytes.Buffer
	enc := NewTextEncoder(&buf, English)
	hostile := "https://x.example/\r\x1b[2KOK  https://ants.gouv.fr/\x1b]0;title\x07\u202e"
	require.NoError(t, enc.Encode(NewReport(hostile, KindURL,
		Finding{Code: URLIPHost, Severity: Caution, Evidence: "\x1b[1A\x9b2K"},
		Finding{Code: URLCombo, Severity: Danger, Params: map[string]string{"org": "ANTS\x1b[8m"}})))
	require.NoError(t, enc.EncodeError(hostile, KindURL, &fs.PathError{Op: "open", Path: "\x1b[31m", Err: fs.ErrNotExist}))
	out := buf.String()
	for _, c := range []string{"\x1b", "\r", "\x07", "\u202e", "\x9b"} {
		assert.NotContains(t, out, c)
	}
	assert.Contains(t, out, `\x1b[2KOK`)
	assert.True(t, strings.HasPrefix(out, "DANGER "), out)
}

func TestTextEncoderColumns(t *testing.T) {
	var buf bytes.Buffer
	enc := NewTextEncoder(&buf, English)
	require.NoError(t, enc.Encode(NewReport("a", KindURL, Finding{Code: URLState, Severity: Info})))
	require.NoError(t, enc.Encode(NewReport("b", KindURL)))
	lines := strings.Split(buf.String(), "\n")
	assert.Equal(t, "GOOD TO KNOW a", lines[0])
	assert.Equal(t, "VERIFIED     b", lines[3])
}
