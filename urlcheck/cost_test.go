package urlcheck

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/internal/langwords"
	"github.com/trustreflex/trustreflex/reflex"
)

// TestCostTruth walks every procedure of the catalogue and renders, in both languages,
// every text that a check for it can produce: on its official site, on a lookalike, on
// an unknown site and on an official site of another procedure. A taxed or priced
// procedure is never called free, a free one always is, the price or what is paid is
// the catalogue's, the suggestion is the procedure's own address, and no text holds a
// word of the other language (organisation names aside).
func TestCostTruth(t *testing.T) {
	c := New()
	ctx := context.Background()
	procs := c.Procedures()
	for i, p := range procs {
		if p.Kind != KindProcedure {
			continue
		}
		var other Procedure
		for k := 1; k < len(procs); k++ {
			other = procs[(i+k)%len(procs)]
			if other.Kind == KindProcedure && !p.covers(strings.TrimSuffix(strings.TrimPrefix(other.URL, "https://"), "/")) {
				break
			}
		}
		host := strings.TrimSuffix(strings.TrimPrefix(p.URL, "https://"), "/")
		subjects := map[string]reflex.Code{
			p.URL:                      reflex.URLOfficial,
			"https://www.example.com/": reflex.URLNotOfficial,
			other.URL:                  reflex.URLOtherProcedure,
			"https://" + strings.ReplaceAll(strings.TrimPrefix(host, "www."), ".", "-") + ".com/": "",
		}
		for subject, want := range subjects {
			r, err := c.CheckFor(ctx, subject, p.ID)
			require.NoError(t, err)
			require.NoError(t, r.Validate())
			if want != "" {
				require.True(t, r.Has(want), "%s on %s: %v", p.ID, subject, r.Findings)
			}
			for _, f := range r.Findings {
				if f.Suggest != "" && f.Code != reflex.URLOfficial {
					assert.Equal(t, p.URL, f.Suggest, "%s on %s: %s suggests the procedure's own address", p.ID, subject, f.Code)
				}
				for _, lang := range []reflex.Lang{reflex.French, reflex.English} {
					text := f.Message(lang) + " " + f.Reflex(lang)
					checkCost(t, p, lang, text, p.ID+" "+subject+" "+string(f.Code))
					plain := text
					for _, name := range []string{p.Organisation, p.OrganisationEN, other.Organisation} {
						if name != "" {
							plain = strings.ReplaceAll(plain, name, "")
						}
					}
					assert.Empty(t, langwords.Foreign(plain, lang.String()), "%s %s: %q", p.ID, lang, text)
				}
			}
		}
	}
}

// checkCost checks one rendered text against the procedure's cost.
func checkCost(t *testing.T, p Procedure, lang reflex.Lang, text, what string) {
	t.Helper()
	free := map[reflex.Lang][]string{reflex.French: {"gratuit", "ne payez aucun frais"}, reflex.English: {"free on", "pay no fee"}}[lang]
	mentionsCost := false
	for _, w := range free {
		if strings.Contains(text, w) {
			mentionsCost = true
			assert.True(t, p.Free(), "%s (%s): a %s procedure called free: %q", what, lang, p.Cost.Kind, text)
		}
	}
	if p.Cost.In(lang) != "" && strings.Contains(text, p.Cost.In(lang)) {
		mentionsCost = true
	}
	if p.Cost.Kind == CostPrice && strings.Contains(text, reflex.Finding{Params: map[string]string{"a": p.Cost.Amount}}.Params["a"][:1]) {
		mentionsCost = true
	}
	if strings.Contains(text, "Prix officiel") || strings.Contains(text, "Official price") {
		assert.Equal(t, CostPrice, p.Cost.Kind, "%s (%s): a price for a %s procedure: %q", what, lang, p.Cost.Kind, text)
	}
	if p.Cost.Kind != CostFree && mentionsCost {
		assert.Contains(t, text, p.Cost.In(lang), "%s (%s): the cost is the catalogue's", what, lang)
	}
}
