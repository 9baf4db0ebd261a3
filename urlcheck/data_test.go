package urlcheck

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/internal/evaldata"
	"github.com/trustreflex/trustreflex/reflex"
)

// The evaluation corpora (internal/evaldata) are never copied nor embedded; the rules
// are not tuned host by host on them.

// verdicts checks every host and counts the verdicts; hosts that cannot be parsed count apart.
func verdicts(t *testing.T, c *Checker, hosts []string) (count map[reflex.Severity]int, failed []string, at map[reflex.Severity][]string) {
	count, at = map[reflex.Severity]int{}, map[reflex.Severity][]string{}
	for _, h := range hosts {
		r, err := c.Check(context.Background(), h)
		if err != nil {
			failed = append(failed, h)
			continue
		}
		require.NoError(t, r.Validate(), h)
		count[r.Verdict()]++
		at[r.Verdict()] = append(at[r.Verdict()], h)
	}
	return count, failed, at
}

func TestPhishingCorpus(t *testing.T) {
	hosts := evaldata.Hosts(t, "phishing-fr-public-services.txt")
	count, failed, at := verdicts(t, New(), hosts)
	n := float64(len(hosts))
	caution := float64(count[reflex.Caution]+count[reflex.Danger]) / n
	danger := float64(count[reflex.Danger]) / n
	t.Logf("phishing-fr-public-services: %d hosts, caution or above %.1f %%, danger %.1f %%, unparsable %d",
		len(hosts), 100*caution, 100*danger, len(failed))
	if testing.Verbose() {
		t.Logf("below caution: %v", append(at[reflex.Info], at[reflex.OK]...))
	}
	assert.GreaterOrEqual(t, caution, 0.97, "at least 97 %% of the phishing hosts at caution or above")
}

func TestPublicDomainsCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("90,000 hosts")
	}
	hosts := evaldata.Hosts(t, "public-domains-fr.txt")
	count, failed, at := verdicts(t, New(), hosts)
	n := float64(len(hosts))
	danger := float64(count[reflex.Danger]) / n
	t.Logf("public-domains-fr: %d hosts, ok %d, info %d, caution %d, danger %d (%.2f %%), unparsable %d",
		len(hosts), count[reflex.OK], count[reflex.Info], count[reflex.Caution], count[reflex.Danger], 100*danger, len(failed))
	if testing.Verbose() {
		t.Logf("danger: %v", at[reflex.Danger])
	}
	assert.LessOrEqual(t, danger, 0.005, "at most 0.5 %% of public-sector hosts at danger")
}
