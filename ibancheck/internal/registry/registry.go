// Package registry reads the IBAN registry data file of ibancheck
// (ibancheck/registry.txt) and holds the table compiled from it ([Table], in table.go).
//
// The table is written by the generator beside it, run by go generate:
//
//	go generate ./ibancheck/internal/registry
//
// and a test fails when it is not the data file's. [Parse] is also what
// ibancheck.ReadRegistry uses to read a registry at run time, with the same checks.
package registry

//go:generate go run ./gen -in ../../registry.txt -out table.go

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"slices"
	"strconv"
	"strings"
)

// Limits of ISO 13616: an IBAN has at most 34 characters, its BBAN at most 30.
const (
	MaxIBAN = 34
	MaxBBAN = MaxIBAN - 4
)

// Range is a 1-based, inclusive position range in the BBAN; the zero Range means "none".
type Range struct{ From, To int }

// Entry is one line of the registry: a country's IBAN format.
type Entry struct {
	Country   string // ISO 3166-1 alpha-2 code
	Length    int    // IBAN length
	Structure string // BBAN structure, "5!n5!n11!c2!n"
	Classes   string // one class per BBAN position: 'n', 'a' or 'c'
	Bank      Range
	Branch    Range
	Account   Range
	SEPA      bool   // the registry's SEPA flag
	Example   string // electronic form
	Name      string
	Line      int // line number in the data file
}

// Parse reads the data file. It checks every line strictly: a registry error must
// stop the build, not silently produce a wrong table.
func Parse(data []byte) ([]Entry, error) {
	var out []Entry
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		c.Line = n
		if prev, dup := seen[c.Country]; dup {
			return nil, fmt.Errorf("line %d: %s already defined on line %d", n, c.Country, prev)
		}
		seen[c.Country] = n
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errors.New("no country")
	}
	return out, nil
}

func parseLine(line string) (Entry, error) {
	f := strings.Fields(line)
	if len(f) < 9 {
		return Entry{}, fmt.Errorf("want 9 fields (code length structure bank branch account sepa example name), got %d", len(f))
	}
	c := Entry{Country: f[0], Structure: f[2], Example: f[7], Name: strings.Join(f[8:], " ")}
	if len(c.Country) != 2 || !isUpper(c.Country[0]) || !isUpper(c.Country[1]) {
		return c, fmt.Errorf("country code %q is not two upper-case letters", c.Country)
	}
	var err error
	if c.Length, err = strconv.Atoi(f[1]); err != nil || c.Length < 5 || c.Length > MaxIBAN {
		return c, fmt.Errorf("%s: IBAN length %q is not a number in 5..%d", c.Country, f[1], MaxIBAN)
	}
	if c.Classes, err = expand(c.Structure); err != nil {
		return c, fmt.Errorf("%s: %w", c.Country, err)
	}
	if len(c.Classes) != c.Length-4 {
		return c, fmt.Errorf("%s: structure %s is %d characters, length %d needs %d", c.Country, c.Structure, len(c.Classes), c.Length, c.Length-4)
	}
	for i, r := range []*Range{&c.Bank, &c.Branch, &c.Account} {
		if *r, err = parseRange(f[3+i], len(c.Classes)); err != nil {
			return c, fmt.Errorf("%s: %s position: %w", c.Country, [...]string{"bank", "branch", "account"}[i], err)
		}
	}
	switch f[6] {
	case "yes":
		c.SEPA = true
	case "no":
	default:
		return c, fmt.Errorf("%s: SEPA flag %q is not yes or no", c.Country, f[6])
	}
	if err := checkExample(c); err != nil {
		return c, fmt.Errorf("%s: example %s: %w", c.Country, c.Example, err)
	}
	return c, nil
}

// expand turns "4!a2!n" into "aaaann". Only fixed-length elements occur in the
// registry's IBAN formats, so "!" is required.
func expand(structure string) (string, error) {
	var b strings.Builder
	rest := structure
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 || i+2 > len(rest) || rest[i] != '!' {
			return "", fmt.Errorf("bad BBAN structure %q: want elements like 5!n", structure)
		}
		n, err := strconv.Atoi(rest[:i])
		if err != nil || n < 1 || n > MaxBBAN || b.Len()+n > MaxBBAN {
			return "", fmt.Errorf("bad BBAN structure %q: element too long", structure)
		}
		class := rest[i+1]
		if class != 'n' && class != 'a' && class != 'c' {
			return "", fmt.Errorf("bad BBAN structure %q: class %q is not n, a or c", structure, class)
		}
		b.WriteString(strings.Repeat(string(class), n))
		rest = rest[i+2:]
	}
	if b.Len() == 0 {
		return "", fmt.Errorf("empty BBAN structure")
	}
	return b.String(), nil
}

func parseRange(s string, bbanLen int) (Range, error) {
	if s == "-" {
		return Range{}, nil
	}
	from, to, ok := strings.Cut(s, "-")
	a, err1 := strconv.Atoi(from)
	z, err2 := strconv.Atoi(to)
	if !ok || err1 != nil || err2 != nil || a < 1 || a > z || z > bbanLen {
		return Range{}, fmt.Errorf("%q is not a range like 1-5 within 1..%d", s, bbanLen)
	}
	return Range{a, z}, nil
}

func checkExample(c Entry) error {
	e := c.Example
	if len(e) != c.Length || e[:2] != c.Country {
		return fmt.Errorf("want %d characters starting with %s", c.Length, c.Country)
	}
	for i := 4; i < len(e); i++ {
		if !Fits(e[i], c.Classes[i-4]) {
			return fmt.Errorf("character %d %q does not fit the structure", i+1, e[i])
		}
	}
	if !isDigit(e[2]) || !isDigit(e[3]) {
		return errors.New("check digits are not digits")
	}
	var r int
	for _, ch := range e[4:] + e[:4] {
		if isDigit(byte(ch)) {
			r = (r*10 + int(ch-'0')) % 97
		} else {
			r = (r*100 + int(ch-'A'+10)) % 97
		}
	}
	if r != 1 {
		return errors.New("fails ISO 7064 mod 97-10")
	}
	return nil
}

// Fits reports whether ch may stand at a BBAN position of class: n digit, a upper-case
// letter, c either.
func Fits(ch, class byte) bool {
	switch class {
	case 'n':
		return isDigit(ch)
	case 'a':
		return isUpper(ch)
	default:
		return isDigit(ch) || isUpper(ch)
	}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// Sorted returns a copy of countries sorted by code, the order of the Go table.
func Sorted(countries []Entry) []Entry {
	countries = slices.Clone(countries)
	slices.SortFunc(countries, func(a, b Entry) int { return strings.Compare(a.Country, b.Country) })
	return countries
}

// Generate returns the gofmt'ed Go source of table.go: [Table], the countries sorted by
// code. source names the data file in the header.
func Generate(source string, countries []Entry) ([]byte, error) {
	countries = Sorted(countries)
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by go run ./gen from %s; DO NOT EDIT.\n\n", source)
	b.WriteString("package registry\n\n")
	b.WriteString("// Table lists the countries of the IBAN registry, sorted by code.\n")
	b.WriteString("var Table = [...]Entry{\n")
	for _, c := range countries {
		fmt.Fprintf(&b, "\t{Country: %q, Length: %d, Structure: %q, Classes: %q, Bank: Range{%d, %d}, Branch: Range{%d, %d}, Account: Range{%d, %d}, SEPA: %t, Example: %q, Name: %q},\n",
			c.Country, c.Length, c.Structure, c.Classes, c.Bank.From, c.Bank.To, c.Branch.From, c.Branch.To, c.Account.From, c.Account.To, c.SEPA, c.Example, c.Name)
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
