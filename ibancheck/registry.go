package ibancheck

import (
	"errors"
	"fmt"
	"io"

	"github.com/trustreflex/trustreflex/ibancheck/internal/registry"
)

// span is a 0-based, end-exclusive range of BBAN positions; the zero span means "none".
type span struct{ from, to uint8 }

func (s span) ok() bool { return s.to > 0 }

// countrySpec is one country of the SWIFT IBAN Registry (registry.txt, compiled into
// the table of package internal/registry by go generate, or read at run time by
// ReadRegistry).
type countrySpec struct {
	code         string
	name         string
	length       int    // IBAN length
	classes      string // one BBAN class per position: 'n' digit, 'a' upper-case letter, 'c' either
	bank         span
	branch       span
	account      span
	registrySEPA bool    // the registry's flag; IsSEPA uses sepa.go instead
	example      string  // the registry's example, electronic form
	key          keyAlgo // the national key checked; set by newRegistry
}

// Registry is a set of IBAN country formats: the SWIFT IBAN Registry compiled into
// ibancheck (the package-level [Parse], [Validate], [Find] and [Length] use it), or
// one read at run time with [ReadRegistry], in the format of registry.txt, when a
// country changes its format before ibancheck is updated. It is immutable and safe
// for concurrent use.
type Registry struct {
	specs []countrySpec
	index [26 * 26]uint16 // cell of a country code -> index in specs plus one; 0: none
}

// embedded is the registry compiled in from registry.txt.
var embedded = newRegistry(specsOf(registry.Table[:]))

// specsOf turns the countries of a registry, sorted by code, into specs.
func specsOf(countries []registry.Entry) []countrySpec {
	specs := make([]countrySpec, len(countries))
	for i, c := range countries {
		specs[i] = countrySpec{
			code: c.Country, name: c.Name, length: c.Length, classes: c.Classes,
			bank: toSpan(c.Bank), branch: toSpan(c.Branch), account: toSpan(c.Account),
			registrySEPA: c.SEPA, example: c.Example,
		}
	}
	return specs
}

// newRegistry indexes specs (sorted by code) and sets their national keys. A country
// keeps its key only when its BBAN structure is the one the key algorithm was written
// for: the embedded registry's.
func newRegistry(specs []countrySpec) *Registry {
	r := &Registry{specs: specs}
	for i := range r.specs {
		c := &r.specs[i]
		r.index[cell(c.code[0], c.code[1])] = uint16(i + 1)
		if classes, ok := embeddedClasses(c.code); ok && classes == c.classes {
			c.key = nationalKeys[c.code]
		}
	}
	return r
}

// embeddedClasses returns the BBAN structure of code in the compiled-in table.
func embeddedClasses(code string) (string, bool) {
	for _, c := range registry.Table {
		if c.Country == code {
			return c.Classes, true
		}
	}
	return "", false
}

// ErrRegistry is wrapped by every error of [ReadRegistry] (and so of a [Checker] made
// [WithRegistry]): errors.Is(err, ErrRegistry) holds.
var ErrRegistry = errors.New("ibancheck: bad IBAN registry")

// maxRegistry bounds what ReadRegistry reads: the real registry is under 10 KB.
const maxRegistry = 1 << 20

// ReadRegistry reads an IBAN registry in the format of ibancheck's registry.txt (one
// country a line: code, length, BBAN structure, bank, branch and account positions,
// SEPA flag, example, name) and checks it as strictly as the build does: every line
// well formed, no country twice, every example valid under its own line (structure,
// mod 97 and, where ibancheck knows one, the national key). The registry replaces the
// embedded one entirely: list every country to accept.
//
// A country keeps its national key check (clé RIB, CIN, ...) when its BBAN structure
// is unchanged; a new country, or one whose structure changed, gets the structure and
// mod 97 checks only.
func ReadRegistry(r io.Reader) (*Registry, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxRegistry+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRegistry, err)
	}
	if len(data) > maxRegistry {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrRegistry, maxRegistry)
	}
	countries, err := registry.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRegistry, err)
	}
	reg := newRegistry(specsOf(registry.Sorted(countries)))
	for _, c := range countries {
		if err := reg.Validate(c.Example); err != nil {
			return nil, fmt.Errorf("%w: line %d: %s: example %s: %w", ErrRegistry, c.Line, c.Country, c.Example, err)
		}
	}
	return reg, nil
}

// toSpan turns a 1-based inclusive range into a span.
func toSpan(r registry.Range) span {
	return span{uint8(max(r.From-1, 0)), uint8(r.To)}
}

func cell(a, b byte) int { return int(a-'A')*26 + int(b-'A') }

// lookup returns the entry for a country code of two upper-case letters.
func (r *Registry) lookup(a, b byte) *countrySpec {
	if a < 'A' || a > 'Z' || b < 'A' || b > 'Z' {
		return nil
	}
	i := r.index[cell(a, b)]
	if i == 0 {
		return nil
	}
	return &r.specs[i-1]
}

// lookup returns the embedded registry's entry for a country code.
func lookup(a, b byte) *countrySpec { return embedded.lookup(a, b) }

// Countries returns the country codes of the registry, sorted: the countries whose
// IBANs its Parse accepts.
func (r *Registry) Countries() []string {
	out := make([]string, len(r.specs))
	for i, c := range r.specs {
		out[i] = c.code
	}
	return out
}

// CountryName returns the English name of a country of the registry ("France"), or ""
// when code is not one of its countries.
func (r *Registry) CountryName(code string) string {
	if len(code) != 2 {
		return ""
	}
	if c := r.lookup(code[0], code[1]); c != nil {
		return c.name
	}
	return ""
}

// Length returns the IBAN length of a country of the registry (27 for "FR"), and
// whether code is one of its countries. code is two upper-case letters; a territory
// that uses another country's IBANs (GP, RE, JE, ...) is not a registry country.
func (r *Registry) Length(code string) (int, bool) {
	if len(code) != 2 {
		return 0, false
	}
	if c := r.lookup(code[0], code[1]); c != nil {
		return c.length, true
	}
	return 0, false
}

// Length returns the IBAN length of a country of the embedded registry (27 for "FR"),
// and whether code is a registry country. See [Registry.Length].
func Length(code string) (int, bool) { return embedded.Length(code) }

// Countries returns the country codes of the embedded IBAN registry, sorted: the
// countries whose IBANs Parse accepts.
func Countries() []string { return embedded.Countries() }

// CountryName returns the English name of a country of the embedded registry
// ("France"), or "" when code is not a registry country.
func CountryName(code string) string { return embedded.CountryName(code) }

// territories use the IBAN of another registry country: they are not registry codes,
// so an IBAN starting with one of them is wrong. The error says which prefix to use.
var territories = map[string]string{
	"GF": "FR", "GP": "FR", "MQ": "FR", "RE": "FR", "PF": "FR", "TF": "FR", "YT": "FR",
	"NC": "FR", "BL": "FR", "MF": "FR", "PM": "FR", "WF": "FR",
	"JE": "GB", "GG": "GB", "IM": "GB",
	"AX": "FI",
}
