package urlcheck_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/urlcheck"
)

func TestProcedureLookup(t *testing.T) {
	c := urlcheck.New()
	for _, id := range []string{"carte-grise", "Carte-Grise", "  CARTE-GRISE\t"} {
		p, ok := c.Procedure(id)
		require.True(t, ok, "%q", id)
		assert.Equal(t, "carte-grise", p.ID)
		// CheckFor uses the same lookup.
		r, err := c.CheckFor(context.Background(), "https://immatriculation.ants.gouv.fr/", id)
		require.NoError(t, err, "%q", id)
		assert.Equal(t, "url.official", string(r.Findings[0].Code))
	}
	for _, id := range []string{"", "carte grise", "carte-grise-", "cartegrise"} {
		_, ok := c.Procedure(id)
		assert.False(t, ok, "%q", id)
	}
	// The copy is the caller's: changing it does not change the catalogue.
	p, _ := c.Procedure("carte-grise")
	p.Hosts[0].Name = "evil.example"
	q, _ := c.Procedure("carte-grise")
	assert.NotEqual(t, "evil.example", q.Hosts[0].Name)
	var zero urlcheck.Checker
	_, ok := zero.Procedure("carte-grise")
	assert.False(t, ok, "a zero Checker knows no procedure")
}

func TestProcedureJSON(t *testing.T) {
	for _, p := range urlcheck.New().Procedures() {
		b, err := json.Marshal(p)
		require.NoError(t, err)
		var got map[string]any
		require.NoError(t, json.Unmarshal(b, &got))
		for _, key := range []string{"id", "kind", "name", "organisation", "url", "hosts", "free"} {
			assert.Contains(t, got, key, "%s", p.ID)
		}
		if p.Kind == urlcheck.KindProcedure {
			assert.Contains(t, got, "cost", "%s", p.ID)
		}
		for _, key := range []string{"Brands", "brands", "topics"} {
			assert.NotContains(t, got, key, "%s", p.ID)
		}
		assert.Equal(t, p.Free(), got["free"], "%s", p.ID)
		hosts := got["hosts"].([]any)
		require.Len(t, hosts, len(p.Hosts))
		first := hosts[0].(map[string]any)
		assert.Equal(t, p.Hosts[0].Name, first["name"])
		assert.Equal(t, p.Hosts[0].Subdomains, first["subdomains"])
	}
}

// Procedure finds a catalogue entry by the id people type, in any case.
func ExampleChecker_Procedure() {
	p, ok := urlcheck.New().Procedure("Carte-Grise")
	fmt.Println(ok, p.ID, p.URL)
	// Output:
	// true carte-grise https://immatriculation.ants.gouv.fr/
}
