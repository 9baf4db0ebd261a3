package reflex

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reflectJSON is what encoding/json writes for w with HTML escaping off: the reference
// the hand-written writers must match byte for byte.
func reflectJSON(t testing.TB, w WireReport) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	var err error
	if w.Error != "" {
		err = enc.Encode(struct {
			Subject string `json:"subject"`
			Kind    string `json:"kind"`
			Error   string `json:"error"`
		}{w.Subject, w.Kind, w.Error})
	} else {
		type plain WireReport
		p := plain(w)
		if p.Findings == nil {
			p.Findings = []WireFinding{}
		}
		err = enc.Encode(p)
	}
	require.NoError(t, err)
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func TestAppendWireIsEncodingJSON(t *testing.T) {
	reports := append(wireSamples(),
		NewReport("quote\" back\\slash \x01 \t\n \u2028 \xff <&>", KindFile,
			Finding{Code: URLIPHost, Severity: Caution, Evidence: "a\"b\x1b[0m", Suggest: "https://x/?a=1&b=<2>"},
			Finding{Code: URLCombo, Severity: Danger, Params: map[string]string{"org": "Ab\"cd"}}),
		Report{Subject: "unsorted", Kind: KindURL, Findings: []Finding{
			{Code: URLInsecure, Severity: Caution}, {Code: URLLookalike, Severity: Danger, Suggest: "https://ants.gouv.fr/"}}},
		NewReport("unknown code", KindURL, Finding{Code: "url.nope", Severity: Info}),
	)
	for _, r := range reports {
		for _, lang := range []Lang{French, English} {
			want := reflectJSON(t, r.Wire(lang))
			got, err := r.Wire(lang).MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got), "MarshalJSON of %q", r.Subject)
			assert.Equal(t, string(want), string(r.AppendWire(nil, lang)), "AppendWire of %q", r.Subject)
		}
	}
	err := errors.New("boom")
	assert.Equal(t, string(reflectJSON(t, WireError("a\"\xfe", KindFile, err, French))),
		string(AppendWireError(nil, "a\"\xfe", KindFile, err, French)))
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", "q\"b\\", "\x00\x1f\x7f", "\u2028\u2029", "\xff\xfe", "é€😀", "<&>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(s))
		want := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
		if needsEscape([]byte(s)) != !bytes.Equal(want, append(append([]byte{'"'}, s...), '"')) {
			t.Fatalf("needsEscape(%q) is wrong", s)
		}
	})
}

func TestAppendWireAllocatesNothing(t *testing.T) {
	r := wireSamples()[0]
	buf := make([]byte, 0, 4096)
	assert.Zero(t, testing.AllocsPerRun(100, func() { buf = r.AppendWire(buf[:0], French) }))
}
