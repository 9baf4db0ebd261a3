package messagecheck

import (
	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/urlcheck"
)

// New returns a message checker. Without options it runs urlcheck on links and the
// ibancheck validator on IBANs, with their embedded data.
func New(opts ...Option) *Checker {
	c := &Checker{urls: urlcheck.New(), ibans: ibancheck.New()}
	for _, o := range opts {
		o(c)
	}
	return c
}
