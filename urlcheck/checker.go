package urlcheck

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck/internal/hostname"
)

//go:embed words.txt
var wordList string

//go:embed shorteners.txt
var shortenerList string

// Errors of Check and CheckFor. A lookalike or unknown site is an answer (findings), not
// an error: an error means the address could not be checked at all. Both are
// [reflex.Problem]s: [reflex.ErrorText] says them to a person in their language.
var (
	ErrInvalidURL       = &reflex.Problem{ID: reflex.TextInvalidURL, Err: errors.New("urlcheck: not a web address")}
	ErrUnknownProcedure = &reflex.Problem{ID: reflex.TextUnknownProcedure, Err: errors.New("urlcheck: unknown procedure")}
)

// Checker checks URLs against the catalogue of official sites. Make one with New; it is
// safe for concurrent use.
type Checker struct {
	idx *index
	err error // a bad option: every check returns it
}

// Option configures New.
type Option func(*config)

type config struct {
	replace io.Reader
	extend  []io.Reader
	public  []io.Reader
}

// WithCatalogue replaces the embedded catalogue by the one read from r (same format as
// catalogue.txt). Only the catalogue can make a site "official".
func WithCatalogue(r io.Reader) Option { return func(c *config) { c.replace = r } }

// WithExtraCatalogue adds the procedures read from r to the catalogue. Their ids must
// be new.
func WithExtraCatalogue(r io.Reader) Option {
	return func(c *config) { c.extend = append(c.extend, r) }
}

// WithPublicSectorHosts loads a list of public-sector hosts, one a line (# comments):
// the sites of town halls, schools, hospitals. A listed host is reported as
// url.public-sector (Info), never as official; lookalike signals still apply, since
// such lists hold expired names that anyone may register again.
func WithPublicSectorHosts(r io.Reader) Option {
	return func(c *config) { c.public = append(c.public, r) }
}

// New returns a Checker with the embedded catalogue, or the one the options give. A bad
// option does not panic: Err reports it, and every check returns it.
func New(opts ...Option) *Checker {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	c := &Checker{}
	c.idx, c.err = build(cfg)
	return c
}

func build(cfg config) (*index, error) {
	src := cfg.replace
	if src == nil {
		src = strings.NewReader(catalogue)
	}
	procs, err := parseCatalogue(src)
	if err != nil {
		return nil, err
	}
	for _, r := range cfg.extend {
		more, err := parseCatalogue(r)
		if err != nil {
			return nil, err
		}
		for _, p := range more {
			if slices.ContainsFunc(procs, func(q Procedure) bool { return q.ID == p.ID }) {
				return nil, &CatalogueError{Msg: fmt.Sprintf("extra procedure %q is already in the catalogue", p.ID)}
			}
		}
		procs = append(procs, more...)
	}
	x, err := buildIndex(procs, wordList, shortenerList)
	if err != nil {
		return nil, err
	}
	for _, r := range cfg.public {
		if err := x.addPublic(r); err != nil {
			return nil, err
		}
	}
	return x, nil
}

// errZero is what a Checker that did not come from New answers.
var errZero = errors.New("urlcheck: Checker not made with New")

// Err reports a bad option given to New (errors.Is(err, ErrCatalogue)), or nil.
func (c *Checker) Err() error {
	if c.idx == nil && c.err == nil {
		return errZero
	}
	return c.err
}

// Procedures returns the catalogue, in its order. The slice is a copy.
func (c *Checker) Procedures() []Procedure {
	if c.Err() != nil {
		return nil
	}
	out := make([]Procedure, len(c.idx.procs))
	for i, p := range c.idx.procs {
		out[i], _ = c.Procedure(p.ID)
	}
	return out
}

// Procedure returns the procedure with this id. Ids are matched without regard to case
// or surrounding blanks ("Carte-Grise" is carte-grise), as people type them.
func (c *Checker) Procedure(id string) (Procedure, bool) {
	i, ok := c.lookup(id)
	if !ok {
		return Procedure{}, false
	}
	p := c.idx.procs[i]
	p.Hosts = slices.Clone(p.Hosts)
	p.Brands, p.Topics, p.Sources = slices.Clone(p.Brands), slices.Clone(p.Topics), slices.Clone(p.Sources)
	p.Local, p.Phones = slices.Clone(p.Local), slices.Clone(p.Phones)
	return p, true
}

func (c *Checker) lookup(id string) (int, bool) {
	if c.Err() != nil {
		return 0, false
	}
	i, ok := c.idx.byID[strings.ToLower(strings.TrimSpace(id))]
	return i, ok
}

// Check tells whether rawURL is an official site, and if not how loudly to warn and which
// official address to type instead. It implements reflex.Checker.
func (c *Checker) Check(ctx context.Context, rawURL string) (reflex.Report, error) {
	return c.check(ctx, rawURL, -1)
}

// CheckFor is Check for one procedure (an id of Procedures): an official site of another
// procedure is reported as url.other-procedure, and the suggestion is this procedure's
// address. The id is matched as [Checker.Procedure] does; an unknown id is
// [ErrUnknownProcedure].
func (c *Checker) CheckFor(ctx context.Context, rawURL, procedureID string) (reflex.Report, error) {
	if err := c.Err(); err != nil {
		return reflex.Report{Subject: rawURL, Kind: reflex.KindURL}, err
	}
	i, ok := c.lookup(procedureID)
	if !ok {
		return reflex.Report{Subject: rawURL, Kind: reflex.KindURL}, &reflex.Problem{
			ID: reflex.TextUnknownProcedure, Params: map[string]string{"procedure": procedureID},
			Err: fmt.Errorf("%w %q (known: %s)", ErrUnknownProcedure, procedureID, strings.Join(c.ids(), ", ")),
		}
	}
	return c.check(ctx, rawURL, i)
}

func (c *Checker) ids() []string {
	ids := make([]string, len(c.idx.procs))
	for i, p := range c.idx.procs {
		ids[i] = p.ID
	}
	return ids
}

func (c *Checker) check(ctx context.Context, raw string, target int) (reflex.Report, error) {
	r := reflex.Report{Subject: raw, Kind: reflex.KindURL}
	if err := c.Err(); err != nil {
		return r, err
	}
	if err := ctx.Err(); err != nil {
		return r, err
	}
	u, err := hostname.Parse(raw)
	if err != nil {
		return r, fmt.Errorf("%w: %w", ErrInvalidURL, err)
	}
	r.Findings = c.idx.assess(u, target)
	r.Sort()
	return r, nil
}

var _ reflex.Checker = (*Checker)(nil)
