package reflex

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestVerdictIsHighestSeverity(t *testing.T) {
	for _, tc := range []struct {
		name     string
		findings []Finding
		want     Severity
	}{
		{"no finding", nil, OK},
		{"only ok", []Finding{{Code: URLOfficial, Severity: OK}}, OK},
		{"info", []Finding{{Code: URLNotOfficial, Severity: Info}}, Info},
		{"caution beats info", []Finding{{Code: URLNotOfficial, Severity: Info}, {Code: URLInsecure, Severity: Caution}}, Caution},
		{"danger anywhere", []Finding{{Code: URLInsecure, Severity: Caution}, {Code: URLLookalike, Severity: Danger}, {Code: URLShortener, Severity: Caution}}, Danger},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, NewReport("s", KindURL, tc.findings...).Verdict())
		})
	}
}

func TestFindingsOrderIsDeterministic(t *testing.T) {
	a := Finding{Code: URLInsecure, Severity: Caution}
	b := Finding{Code: URLLookalike, Severity: Danger, Evidence: "b"}
	c := Finding{Code: URLLookalike, Severity: Danger, Evidence: "a"}
	d := Finding{Code: URLEmbedding, Severity: Danger}
	e := Finding{Code: URLNotOfficial, Severity: Info}
	want := []Finding{c, b, d, a, e} // lookalike's reflex before embedding's (priority.go)
	perms := [][]Finding{{a, b, c, d, e}, {e, d, c, b, a}, {c, e, a, d, b}}
	for _, p := range perms {
		r := NewReport("x", KindURL, p...)
		assert.Equal(t, want, r.Findings)
	}
	var r Report
	r.Add(e, a)
	r.Add(d, b, c)
	assert.Equal(t, want, r.Findings)
}

func TestFindAndHas(t *testing.T) {
	r := NewReport("x", KindIBAN, Finding{Code: IBANChanged, Severity: Danger, Suggest: "FR76 **** 0189"})
	assert.True(t, r.Has(IBANChanged))
	assert.False(t, r.Has(IBANUnchanged))
	assert.Equal(t, "FR76 **** 0189", r.Find(IBANChanged).Suggest)
	assert.Nil(t, r.Find(IBANValid))
}
