package reflex_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/reflex"
)

// TestCountryNamesAreCLDR: the country names are CLDR's, and every IBAN country and
// territory has one.
func TestCountryNamesAreCLDR(t *testing.T) {
	n := 0
	for _, id := range reflex.TextIDs() {
		code, ok := strings.CutPrefix(string(id), "country.")
		if !ok {
			continue
		}
		n++
		r := language.MustParseRegion(code)
		assert.Equal(t, display.French.Regions().Name(r), reflex.Text{ID: id}.In(reflex.French), code)
		assert.Equal(t, display.English.Regions().Name(r), reflex.Text{ID: id}.In(reflex.English), code)
	}
	codes := append(ibancheck.Countries(), "GF", "GP", "MQ", "RE", "PF", "TF", "YT", "NC", "BL", "MF", "PM", "WF", "JE", "GG", "IM", "AX")
	for _, c := range codes {
		assert.NotEqual(t, "country."+c, reflex.Text{ID: reflex.TextID("country." + c)}.In(reflex.French), "%s has no name", c)
	}
	assert.GreaterOrEqual(t, n, len(ibancheck.Countries()))
}
