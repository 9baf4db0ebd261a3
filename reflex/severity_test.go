package reflex

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSeverityOrderAndText(t *testing.T) {
	assert.True(t, OK < Info && Info < Caution && Caution < Danger)
	for _, tc := range []struct {
		s    Severity
		text string
	}{{OK, "ok"}, {Info, "info"}, {Caution, "caution"}, {Danger, "danger"}} {
		assert.Equal(t, tc.text, tc.s.String())
		got, err := ParseSeverity(tc.text)
		require.NoError(t, err)
		assert.Equal(t, tc.s, got)
		b, err := json.Marshal(tc.s)
		require.NoError(t, err)
		assert.Equal(t, `"`+tc.text+`"`, string(b))
		var back Severity
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, tc.s, back)
	}
}

func TestParseSeverityRejectsOtherWords(t *testing.T) {
	for _, bad := range []string{"", "OK", "Danger", "warning", "high", "dangerous", " ok", "3"} {
		_, err := ParseSeverity(bad)
		assert.Error(t, err, "%q", bad)
	}
	var s Severity
	assert.Error(t, json.Unmarshal([]byte(`"critical"`), &s))
	assert.Error(t, json.Unmarshal([]byte(`3`), &s))
	_, err := json.Marshal(Severity(7))
	assert.Error(t, err, "an out-of-range severity must not be written")
	assert.Equal(t, "severity(7)", Severity(7).String())
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{
		"": French, "fr": French, "en": English, "FR": French, "fr-FR": French, " En ": English,
		"en_GB.UTF-8": English, "fr_CA": French,
	} {
		got, err := ParseLang(in)
		require.NoError(t, err, "%q", in)
		assert.Equal(t, want, got, "%q", in)
	}
	for _, bad := range []string{"de", "english", "français", "f", "-fr", "C"} {
		_, err := ParseLang(bad)
		assert.Error(t, err, bad)
	}
	var zero Lang
	assert.Equal(t, French, zero, "French is the zero value")
	assert.Equal(t, "fr", French.String())
	assert.Equal(t, "en", English.String())
}
