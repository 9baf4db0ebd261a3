package messagecheck

import (
	"errors"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/urlcheck"
)

// New returns a message checker. Without options it runs urlcheck on links and the
// ibancheck validator on IBANs, with their embedded data.
func New(opts ...Option) *Checker {
	c := &Checker{urls: urlcheck.New(), ibans: ibancheck.New(), ibanLength: ibanLength, mask: maskIBAN}
	for _, o := range opts {
		o(c)
	}
	return c
}

// ibanLength is the IBAN length of a country of the registry, 0 for another code. The
// registry is ibancheck's: a length error says what it wanted.
func ibanLength(country string) int {
	_, err := ibancheck.Parse(country + "00")
	var e *ibancheck.Error
	if errors.As(err, &e) && e.Reason == ibancheck.ReasonLength && e.Country == country {
		return e.Want
	}
	return 0
}

// maskIBAN gives the form of an IBAN safe to show: ibancheck's mask for a valid one, the
// same shape for an invalid one.
func maskIBAN(compact string) string {
	if ip, err := ibancheck.Parse(compact); err == nil {
		return ip.Masked()
	}
	if len(compact) < 8 {
		return "****"
	}
	return compact[:4] + " **** **** " + compact[len(compact)-4:]
}
