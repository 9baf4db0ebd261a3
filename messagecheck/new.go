package messagecheck

import (
	"strings"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/urlcheck"
)

// New returns a message checker. Without options it runs urlcheck on links and the
// ibancheck validator on IBANs, with their embedded data. The organisations a message
// may name (their official sites and phone numbers) come from urlcheck's catalogue: the
// one given by WithURLChecker when it is a *urlcheck.Checker, else the embedded one.
func New(opts ...Option) *Checker {
	urls := urlcheck.New()
	c := &Checker{urls: urls, ibans: ibancheck.New()}
	for _, o := range opts {
		o(c)
	}
	catalogue := urls
	if u, ok := c.urls.(*urlcheck.Checker); ok && u.Err() == nil {
		catalogue = u
	}
	c.orgs, c.orgWords = organisations(catalogue.Procedures())
	// the embedded plan is checked by its test; were it broken, every number would be
	// read as a normal call, never a wrong warning
	c.plan, _ = parsePlan(strings.NewReader(numberingPlan))
	return c
}
