package urlcheck

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/trustreflex/trustreflex/urlcheck/internal/hostname"
)

// catalogue is the curated list of procedures and official hosts (see its header for the
// format). It is the only source that may call a site official.
//
//go:embed catalogue.txt
var catalogue string

// ErrCatalogue is wrapped by every error about a catalogue or host list given as option.
var ErrCatalogue = errors.New("urlcheck: bad catalogue")

// CatalogueError tells where a catalogue is wrong. errors.Is(err, ErrCatalogue) holds.
type CatalogueError struct {
	Line int // 1-based; 0 for an error about the whole catalogue
	Msg  string
}

func (e *CatalogueError) Error() string {
	if e.Line == 0 {
		return "urlcheck: catalogue: " + e.Msg
	}
	return fmt.Sprintf("urlcheck: catalogue line %d: %s", e.Line, e.Msg)
}

func (e *CatalogueError) Unwrap() error { return ErrCatalogue }

const (
	maxCatalogue = 1 << 20 // bytes
	maxLine      = 4096
)

var (
	idShape      = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)
	keywordShape = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*\*?$`)
	amountShape  = regexp.MustCompile(`^[0-9]{1,6}\.[0-9]{2} EUR$`)
	phoneShape   = regexp.MustCompile(`^(1[0-9]{1,2}|3[0-9]{3}|0[1-9][0-9]{8})$`)
)

// parseCatalogue reads the catalogue format: [id] blocks of "key: value" lines.
func parseCatalogue(r io.Reader) ([]Procedure, error) {
	sc := bufio.NewScanner(io.LimitReader(r, maxCatalogue+1))
	sc.Buffer(make([]byte, 0, 1024), maxLine)
	var (
		procs []Procedure
		cur   *Procedure
		start int
		seen  map[string]bool
		ids   = map[string]bool{}
		line  int
		size  int
	)
	finish := func() error {
		if cur == nil {
			return nil
		}
		if err := validate(cur, seen); err != nil {
			return &CatalogueError{Line: start, Msg: fmt.Sprintf("[%s]: %s", cur.ID, err)}
		}
		procs = append(procs, *cur)
		return nil
	}
	for sc.Scan() {
		line++
		size += len(sc.Bytes()) + 1
		if size > maxCatalogue {
			return nil, &CatalogueError{Msg: fmt.Sprintf("larger than %d bytes", maxCatalogue)}
		}
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if strings.HasPrefix(text, "[") {
			if err := finish(); err != nil {
				return nil, err
			}
			id, ok := strings.CutPrefix(text, "[")
			id, ok2 := strings.CutSuffix(id, "]")
			if !ok || !ok2 || !idShape.MatchString(id) {
				return nil, &CatalogueError{Line: line, Msg: fmt.Sprintf("bad procedure id %.60q (want [lower-case-id])", text)}
			}
			if ids[id] {
				return nil, &CatalogueError{Line: line, Msg: fmt.Sprintf("duplicate procedure id %q", id)}
			}
			ids[id] = true
			cur, start, seen = &Procedure{ID: id}, line, map[string]bool{}
			continue
		}
		if cur == nil {
			return nil, &CatalogueError{Line: line, Msg: "text before the first [procedure]"}
		}
		key, value, ok := strings.Cut(text, ":")
		if !ok {
			return nil, &CatalogueError{Line: line, Msg: fmt.Sprintf("want key: value, got %.60q", text)}
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if err := set(cur, seen, key, value); err != nil {
			return nil, &CatalogueError{Line: line, Msg: err.Error()}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &CatalogueError{Line: line + 1, Msg: err.Error()}
	}
	if err := finish(); err != nil {
		return nil, err
	}
	if len(procs) == 0 {
		return nil, &CatalogueError{Msg: "no procedure"}
	}
	return procs, nil
}

func set(p *Procedure, seen map[string]bool, key, value string) error {
	if seen[key] && key != "source" {
		return fmt.Errorf("duplicate key %q", key)
	}
	seen[key] = true
	if value == "" && key != "legacy" && key != "topics" && key != "local" {
		return fmt.Errorf("empty %s", key)
	}
	switch key {
	case "kind":
		switch k := Kind(value); k {
		case KindProcedure, KindPublicBody, KindCompany:
			p.Kind = k
		default:
			return fmt.Errorf("kind %.30q is not procedure, public-body or company", value)
		}
	case "name":
		p.Name = value
	case "name.en":
		p.NameEN = value
	case "org":
		p.Organisation = value
	case "org.en":
		p.OrganisationEN = value
	case "url":
		p.URL = value
	case "hosts", "legacy":
		for _, f := range strings.Fields(value) {
			h, err := parseHost(f)
			if err != nil {
				return err
			}
			h.Legacy = key == "legacy"
			p.Hosts = append(p.Hosts, h)
		}
	case "cost":
		switch k := CostKind(value); k {
		case CostFree, CostTax, CostPrice, CostDues:
			p.Cost.Kind = k
		case "gratuit": // the catalogue's first format
			p.Cost.Kind = CostFree
		default:
			return fmt.Errorf("cost %.30q is not free, tax, price or dues", value)
		}
	case "cost.amount":
		if !amountShape.MatchString(value) {
			return fmt.Errorf("cost.amount %.30q is not an amount such as 3.70 EUR", value)
		}
		p.Cost.Amount = value
	case "cost.fr":
		p.Cost.FR = value
	case "cost.en":
		p.Cost.EN = value
	case "phones":
		for _, f := range strings.Fields(value) {
			if !phoneShape.MatchString(f) {
				return fmt.Errorf("phone %.30q is not a French number in national digits (3646, 0809401401)", f)
			}
			p.Phones = append(p.Phones, f)
		}
	case "note":
		p.Note = value
	case "brands", "topics", "local":
		words := strings.Fields(value)
		for _, w := range words {
			if !keywordShape.MatchString(w) {
				return fmt.Errorf("bad %s word %.40q (want lower-case words joined by -, optional * at the end)", key, w)
			}
			if strings.HasSuffix(w, "*") && len(strings.ReplaceAll(strings.TrimSuffix(w, "*"), "-", "")) < 5 {
				return fmt.Errorf("%s: a * word needs 5 letters or more", w)
			}
		}
		switch key {
		case "brands":
			p.Brands = words
		case "topics":
			p.Topics = words
		default:
			p.Local = words
		}
	case "source":
		if u, err := hostname.Parse(value); err != nil || !strings.HasPrefix(value, "https://") || strings.ContainsAny(value, " \t") || u.IP.IsValid() {
			return fmt.Errorf("source %.60q is not an https URL", value)
		}
		p.Sources = append(p.Sources, value)
	case "checked":
		if _, err := time.Parse(time.DateOnly, value); err != nil {
			return fmt.Errorf("checked %.20q is not a date YYYY-MM-DD", value)
		}
		p.Checked = value
	default:
		return fmt.Errorf("unknown key %.30q", key)
	}
	return nil
}

// parseHost reads "ameli.fr" (and subdomains) or "=ants.gouv.fr" (exact). The name
// must already be canonical: lower-case A-labels, no trailing dot, no IP address.
func parseHost(f string) (Host, error) {
	h := Host{Subdomains: true}
	if name, ok := strings.CutPrefix(f, "="); ok {
		h.Subdomains, f = false, name
	}
	u, err := hostname.Parse(f)
	if err != nil || u.Host != f || u.Path != "" || u.Port != "" || u.IP.IsValid() || !strings.Contains(f, ".") {
		return h, fmt.Errorf("host %.60q is not a canonical host name (lower-case, A-labels, no port, no trailing dot)", f)
	}
	h.Name = f
	return h, nil
}

func validate(p *Procedure, seen map[string]bool) error {
	if p.Kind == "" {
		p.Kind = KindProcedure
	}
	required := []string{"name", "org", "url", "hosts", "note", "source", "checked"}
	if p.Kind == KindProcedure {
		required = append(required, "cost")
	}
	for _, k := range required {
		if !seen[k] {
			return fmt.Errorf("missing %s", k)
		}
	}
	if err := validateCost(p.Cost); err != nil {
		return err
	}
	u, err := hostname.Parse(p.URL)
	if err != nil || u.Scheme != "https" || u.String() != p.URL || u.Path == "" {
		return fmt.Errorf("url %.60q is not a canonical https URL (https://host/path, lower-case host)", p.URL)
	}
	if !p.covers(u.Host) {
		return fmt.Errorf("url host %s is not among the official hosts", u.Host)
	}
	return nil
}

// validateCost: what is paid is said in both languages unless it is free, a price has
// its amount, and a free procedure has nothing more to say.
func validateCost(c Cost) error {
	switch {
	case c.Kind == "" && (c.Amount != "" || c.FR != "" || c.EN != ""):
		return fmt.Errorf("cost.* without cost")
	case c.Kind == CostFree && (c.Amount != "" || c.FR != "" || c.EN != ""):
		return fmt.Errorf("a free cost has no amount nor text")
	case c.Kind != "" && c.Kind != CostFree && (c.FR == "" || c.EN == ""):
		return fmt.Errorf("cost %s: say what is paid in cost.fr and cost.en", c.Kind)
	case c.Kind == CostPrice && c.Amount == "":
		return fmt.Errorf("cost price: missing cost.amount")
	case c.Kind != CostPrice && c.Amount != "":
		return fmt.Errorf("cost.amount is for a price only")
	}
	return nil
}
