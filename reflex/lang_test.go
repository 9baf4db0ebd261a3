package reflex

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLangFromLocale(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want Lang
		ok   bool
	}{
		{map[string]string{}, French, false},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, French, true},
		{map[string]string{"LANG": "en_US.UTF-8"}, English, true},
		{map[string]string{"LANG": "C"}, English, true},
		{map[string]string{"LANG": "de_DE.UTF-8"}, English, true},
		{map[string]string{"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_GB"}, English, true},
		{map[string]string{"LANG": "en_US", "LC_MESSAGES": "en_GB", "LC_ALL": "fr_BE.UTF-8"}, French, true},
		{map[string]string{"LC_ALL": " ", "LANG": "en_US"}, English, true},
	} {
		got, ok := LangFromLocale(func(k string) string { return tc.env[k] })
		assert.Equal(t, tc.want, got, "%v", tc.env)
		assert.Equal(t, tc.ok, ok, "%v", tc.env)
	}
}

func TestLangFromAcceptLanguage(t *testing.T) {
	for header, want := range map[string]Lang{
		"":                                 French,
		"en-US,en;q=0.9":                   English,
		"fr-FR,fr;q=0.9,en-US;q=0.8":       French,
		"de-DE,en;q=0.5,fr;q=0.4":          English,
		"de, it":                           French,
		"en;q=0.2, fr;q=0.8":               French,
		"en;q=bogus, fr;q=0.1":             French,
		"EN":                               English,
		"*":                                French,
		"en-GB;q=0.9, fr-CA;q=0.9, de;q=1": English, // the first of equal preferences
	} {
		assert.Equal(t, want, LangFromAcceptLanguage(header), "%q", header)
	}
}
