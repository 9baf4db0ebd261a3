package reflex

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTextsAreComplete(t *testing.T) {
	seen := map[TextID]string{}
	for table, m := range textTables {
		for id, p := range m {
			if other, dup := seen[id]; dup {
				t.Errorf("%s is in two tables: %s and %s", id, other, table)
			}
			seen[id] = table
			assert.Regexp(t, `^[a-z0-9]+(\.[a-z0-9]+(-[a-z0-9]+)*)*\.[A-Za-z0-9]+(-[A-Za-z0-9]+)*$`, string(id), "lower-case and dotted; a vocabulary's last part is the value as checks write it")
			assert.NotEmpty(t, strings.TrimSpace(p.fr), "%s: French", id)
			assert.NotEmpty(t, strings.TrimSpace(p.en), "%s: English", id)
			assert.True(t, balanced(p.fr) && balanced(p.en), "%s: unbalanced brackets or braces", id)
			assert.ElementsMatch(t, placeholders(p.fr, true), placeholders(p.en, true), "%s: French and English must use the same placeholders", id)
		}
	}
	assert.Len(t, texts, len(seen))
	for _, id := range TextIDs() {
		_, isCode := catalogue[Code(id)]
		assert.False(t, isCode, "%s is both a code and a text", id)
	}
}

// TestFrenchTypography: French texts use « » rather than straight quotes, and the
// renderer puts a no-break space before the double punctuation.
func TestFrenchTypography(t *testing.T) {
	check := func(what, s string) {
		assert.NotContains(t, s, `"`, "%s: French quotes are « »: %q", what, s)
		for _, p := range []string{" :", " ;", " !", " ?", "« ", " »"} {
			assert.NotContains(t, s, p, "%s: a plain space where French typography wants a no-break space: %q", what, s)
		}
	}
	for code, e := range catalogue {
		check(string(code), e.fr.message)
		check(string(code), e.fr.reflex)
		check(string(code), e.evidence.fr)
	}
	for id, p := range texts {
		check(string(id), p.fr)
	}
}

func TestEveryCodeHasAPriority(t *testing.T) {
	listed := map[Code]bool{}
	for _, c := range reflexPriority {
		assert.True(t, Known(c), "%s is in reflexPriority but not in the catalogue", c)
		assert.False(t, listed[c], "%s is twice in reflexPriority", c)
		listed[c] = true
	}
	for _, c := range Codes() {
		assert.True(t, listed[c], "%s has no place in reflexPriority (priority.go)", c)
	}
}

// The first reflex is the most useful one among findings of equal severity.
func TestReflexPriority(t *testing.T) {
	r := NewReport("https://ants-gouv.fr/", KindURL,
		Finding{Code: URLGouvToken, Severity: Danger, Suggest: "https://ants.gouv.fr/"},
		Finding{Code: URLLookalike, Severity: Danger, Suggest: "https://ants.gouv.fr/"})
	assert.Equal(t, URLLookalike, r.Findings[0].Code)

	f := NewReport("paie.pdf", KindFile,
		Finding{Code: StorePermissions, Severity: Caution},
		Finding{Code: StoreSensitive, Severity: Caution, Params: map[string]string{"kinds": "nir"}})
	assert.Equal(t, StoreSensitive, f.Findings[0].Code)
}

func TestSeverityLabels(t *testing.T) {
	for s, want := range map[Severity][2]string{
		OK: {"Vérifié", "Verified"}, Info: {"À savoir", "Good to know"},
		Caution: {"Attention", "Caution"}, Danger: {"Danger", "Danger"},
	} {
		assert.Equal(t, want[0], s.Label(French))
		assert.Equal(t, want[1], s.Label(English))
	}
	assert.Equal(t, "severity(9)", Severity(9).Label(French))
}

func TestText(t *testing.T) {
	assert.Equal(t, "Accès refusé à /srv/a.pdf\u00a0: vos droits ne permettent pas de le lire.",
		NewText(TextPermission, "path", "/srv/a.pdf").In(French))
	assert.Equal(t, "Access denied: your rights do not allow reading it.", NewText(TextPermission).In(English))
	assert.Equal(t, "no.such.text", NewText("no.such.text").In(French), "an unknown id is shown, not dropped")
	assert.Equal(t, `Impossible de lire /tmp/\x1b[31mx.`, NewText(TextUnreadable, "path", "/tmp/\x1b[31mx").In(French),
		"values from the input are shown through Printable")
	assert.Equal(t, Text{ID: TextNotFound}, NewText(TextNotFound, "odd"), "an odd name without value is dropped")
}

func TestCountFormat(t *testing.T) {
	f := Finding{Code: PaymentBatchFlagged, Severity: Caution, Params: map[string]string{}}
	for n, want := range map[string][2]string{
		"0": {"0 janvier", "0 Januaries"}, "1": {"1 janvier", "1 January"}, "2": {"2 janviers", "2 Januaries"},
	} {
		f.Params["n"] = n
		// A made-up vocabulary in the test's own table, to check the mechanism.
		texts["test-count.one"] = phrase{"{n} janvier", "{n} January"}
		texts["test-count.other"] = phrase{"{n:number} janviers", "{n:number} Januaries"}
		assert.Equal(t, want[0], f.filler(French).fill("{n:count:test-count}"), n)
		assert.Equal(t, want[1], f.filler(English).fill("{n:count:test-count}"), n)
	}
	delete(texts, "test-count.one")
	delete(texts, "test-count.other")
}

func TestValidateChecksFormattedValues(t *testing.T) {
	assert.Empty(t, checkValues("x", "{d:date} {m:month}", func(n string) string { return map[string]string{"d": "2026-12-06", "m": "1,2"}[n] }))
	errs := checkValues("x", "{d:date} {m:month} {a:amount}", func(n string) string {
		return map[string]string{"d": "6/12/2026", "m": "13", "a": "lots"}[n]
	})
	assert.Len(t, errs, 3)
}

func TestProblemAndErrorText(t *testing.T) {
	sentinel := &Problem{ID: TextTimeout, Err: errors.New("pkg: too slow")}
	wrapped := fmt.Errorf("checking x: %w", sentinel)
	assert.ErrorIs(t, wrapped, sentinel)
	assert.Equal(t, "checking x: pkg: too slow", wrapped.Error(), "developers keep their text")
	assert.Equal(t, "La vérification a pris trop de temps.", ErrorText(wrapped, French))

	// An occurrence with values still matches its sentinel.
	occurrence := &Problem{ID: TextUnreadable, Params: map[string]string{"path": "/a"}, Err: errors.New("boom")}
	assert.ErrorIs(t, occurrence, &Problem{ID: TextUnreadable})
	assert.NotErrorIs(t, occurrence, &Problem{ID: TextNotFound})
	assert.Equal(t, "Cannot read /a.", ErrorText(occurrence, English))
	assert.Equal(t, "Cannot read /a.", (&Problem{ID: TextUnreadable, Params: map[string]string{"path": "/a"}}).Error())

	for _, tc := range []struct {
		err    error
		fr, en string
	}{
		{context.Canceled, "La vérification a été interrompue.", "The check was stopped."},
		{fmt.Errorf("x: %w", context.DeadlineExceeded), "La vérification a pris trop de temps.", "The check took too long."},
		{&fs.PathError{Op: "open", Path: "/home/léa/a.pdf", Err: fs.ErrNotExist}, "Fichier ou dossier introuvable\u00a0: /home/léa/a.pdf.", "No such file or folder: /home/léa/a.pdf."},
		{fs.ErrNotExist, "Fichier ou dossier introuvable.", "No such file or folder."},
		{&fs.PathError{Op: "open", Path: "/root/x", Err: fs.ErrPermission}, "Accès refusé à /root/x\u00a0: vos droits ne permettent pas de le lire.", "Access denied to /root/x: your rights do not allow reading it."},
		{&fs.PathError{Op: "read", Path: "/dev/x", Err: errors.New("i/o error")}, "Impossible de lire /dev/x.", "Cannot read /dev/x."},
		{errors.New("sqlite: database disk image is malformed"), "Une erreur technique a empêché la vérification.", "A technical error stopped the check."},
	} {
		assert.Equal(t, tc.fr, ErrorText(tc.err, French), "%v", tc.err)
		assert.Equal(t, tc.en, ErrorText(tc.err, English), "%v", tc.err)
		assert.NotContains(t, ErrorText(tc.err, French), tc.err.Error(), "the developer's text is never shown")
	}
}

func TestEvidenceText(t *testing.T) {
	// Without an evidence text in the catalogue, the evidence is shown as it is, printable.
	f := Finding{Code: URLIPHost, Severity: Caution, Evidence: "192.0.2.1\x1b[0m"}
	assert.Equal(t, `192.0.2.1\x1b[0m`, f.EvidenceText(French))
	assert.Equal(t, "", Finding{Code: URLInsecure}.EvidenceText(English))
	require.NotPanics(t, func() { _ = Finding{Code: "nope.nope"}.EvidenceText(French) })
}

func TestLabels(t *testing.T) {
	for _, lang := range []Lang{French, English} {
		l := Labels(lang)
		assert.Len(t, l, 9)
		for name, v := range l {
			assert.NotEmpty(t, v, name)
			assert.NotContains(t, v, "label.", "%s has no text", name)
		}
		assert.Equal(t, Danger.Label(lang), l["danger"])
	}
	assert.Equal(t, "À savoir", Labels(French)["info"])
	assert.Equal(t, "What we saw:", Labels(English)["seen"])
}
