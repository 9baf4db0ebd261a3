package messagecheck

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
)

// numbering.txt is the part of ARCEP's French numbering plan that says what a call
// costs (see its header for the source and date).
//
//go:embed numbering.txt
var numberingPlan string

// Tier is how a French number is charged, by ARCEP's numbering plan.
type Tier string

const (
	TierFree      Tier = "free"      // 0800 to 0805, short numbers 30xx and 31xx
	TierNormal    Tier = "normal"    // the price of a normal call (0806 to 0809, 01 to 07, 09)
	TierPremium   Tier = "premium"   // 081, 082, 089: a charge on top of the call
	TierDirectory Tier = "directory" // 118 XYZ directory enquiries, charged on top of the call
)

// errNumbering is wrapped by every error of the numbering plan's parser.
var errNumbering = errors.New("messagecheck: bad numbering plan")

// plan maps number prefixes (national digits) to tiers.
type plan map[string]Tier

// parsePlan reads the format of numbering.txt.
func parsePlan(r io.Reader) (plan, error) {
	p := plan{}
	sc := bufio.NewScanner(io.LimitReader(r, 1<<16))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		prefix, tier, ok := strings.Cut(text, " ")
		tier = strings.TrimSpace(tier)
		if !ok || prefix == "" || len(prefix) > 6 || !allDigitsN(prefix) {
			return nil, fmt.Errorf("%w: line %d: want PREFIX TIER, got %.40q", errNumbering, line, text)
		}
		switch t := Tier(tier); t {
		case TierFree, TierNormal, TierPremium, TierDirectory:
			if _, dup := p[prefix]; dup {
				return nil, fmt.Errorf("%w: line %d: prefix %s twice", errNumbering, line, prefix)
			}
			p[prefix] = t
		default:
			return nil, fmt.Errorf("%w: line %d: tier %.20q is not free, normal, premium or directory", errNumbering, line, tier)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", errNumbering, err)
	}
	if len(p) == 0 {
		return nil, fmt.Errorf("%w: no prefix", errNumbering)
	}
	return p, nil
}

// tier returns the tier of a number in national digits: the longest prefix's, else a
// normal call.
func (p plan) tier(number string) Tier {
	for n := min(len(number), 6); n > 0; n-- {
		if t, ok := p[number[:n]]; ok {
			return t
		}
	}
	return TierNormal
}

func allDigitsN(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
