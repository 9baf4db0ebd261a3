package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/internal/langwords"
	"github.com/trustreflex/trustreflex/reflex"
)

// fakeFindings answers a subject "WORD:..." with the finding of WORD.
var fakeFindings = map[string]reflex.Finding{
	"ok":      {Code: reflex.URLOfficial, Severity: reflex.OK},
	"info":    {Code: reflex.URLNotOfficial, Severity: reflex.Info},
	"caution": {Code: reflex.URLInsecure, Severity: reflex.Caution, Evidence: "http"},
	"danger":  {Code: reflex.URLLookalike, Severity: reflex.Danger, Evidence: "ants-gouv.fr ~ ants.gouv.fr", Suggest: "https://ants.gouv.fr/"},
}

var fakeChecker = reflex.CheckerFunc(func(ctx context.Context, s string) (reflex.Report, error) {
	word, _, _ := strings.Cut(s, ":")
	if word == "error" {
		return reflex.Report{}, errors.New("store down")
	}
	r := reflex.NewReport(s, reflex.KindURL)
	if f, ok := fakeFindings[word]; ok {
		r.Add(f)
	}
	return r, nil
})

func fakeCommands(display func(string) string) []command {
	return []command{{
		name: "fake", summary: cliText{"une vérification de test", "a test check"}, usage: cliText{"Utilisation : trustcheck fake SUJET...\nExemple : trustcheck fake ok:1\n", "Usage: trustcheck fake SUBJECT...\nExample: trustcheck fake ok:1\n"},
		run: func(ctx context.Context, a *app, cmd *command, args []string) int {
			f := newFlags(cmd)
			subjects, code, done := f.parse(a, args)
			if done {
				return code
			}
			return a.check(ctx, f, subjects, checkRun{src: single(reflex.KindURL, fakeChecker), display: display, workers: 3})
		},
	}}
}

type result struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, stdin io.Reader, env map[string]string, tty bool, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	a := newApp(fakeCommands(nil), stdio{
		in: stdin, out: &out, err: &errb,
		getenv: func(k string) string { return env[k] },
		outTTY: tty,
	})
	code := a.run(context.Background(), args)
	return result{code, out.String(), errb.String()}
}

func TestExitStatus(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"fake", "ok:a"}, exitOK},
		{[]string{"fake", "none:a", "info:b"}, exitOK},
		{[]string{"fake", "info:a", "caution:b"}, exitCaution},
		{[]string{"fake", "caution:a", "danger:b", "ok:c"}, exitDanger},
		{[]string{"fake", "ok:a", "error:b"}, exitUnchecked},
		{[]string{"fake", "error:a", "caution:b"}, exitCaution},
		{[]string{"fake", "error:a", "danger:b"}, exitDanger},
		{[]string{"fake"}, exitUsage},
		{[]string{"fake", "--lang", "de", "ok:a"}, exitUsage},
		{[]string{"fake", "--nope", "ok:a"}, exitUsage},
		{[]string{"nope"}, exitUsage},
		{[]string{}, exitUsage},
		{[]string{"--json", "fake", "ok:a"}, exitUsage},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			assert.Equal(t, tc.want, runCLI(t, nil, nil, false, tc.args...).code)
		})
	}
}

func TestUsageErrorsAreOneLine(t *testing.T) {
	for _, args := range [][]string{{"nope"}, {"fake", "--nope"}, {}, {"fake"}, {"fake", "--lang=xx", "ok:1"}} {
		r := runCLI(t, nil, nil, false, args...)
		assert.Equal(t, exitUsage, r.code)
		assert.Empty(t, r.stdout)
		assert.Equal(t, 1, strings.Count(r.stderr, "\n"), "%q", r.stderr)
		assert.True(t, strings.HasPrefix(r.stderr, "trustcheck: "), r.stderr)
	}
	r := runCLI(t, nil, nil, false, "nope")
	assert.Equal(t, "trustcheck: commande inconnue «\u00a0nope\u00a0» (commandes\u00a0: fake)\u202f; voir «\u00a0trustcheck --help\u00a0»\n", r.stderr)
	r = runCLI(t, nil, nil, false, "--lang", "en", "nope")
	assert.Equal(t, "trustcheck: unknown command \"nope\" (commands: fake); see 'trustcheck --help'\n", r.stderr)
	r = runCLI(t, nil, nil, false, "fake", "--nope", "--lang=en")
	assert.Equal(t, "trustcheck: fake: unknown flag: -nope; see 'trustcheck fake --help'\n", r.stderr, "the hint names the command's own help")
	r = runCLI(t, nil, nil, false, "fake", "--for")
	assert.Equal(t, "trustcheck: fake: option inconnue\u00a0: -for\u202f; voir «\u00a0trustcheck fake --help\u00a0»\n", r.stderr)
	r = runCLI(t, nil, nil, false, "fake", "--json=maybe", "ok:1")
	assert.Contains(t, r.stderr, "valeur invalide pour -json")
	r = runCLI(t, nil, nil, false, "fake", "ok:\x1b]0;pwned\x07", "--lang", "xx\x1b[2J")
	assert.Contains(t, r.stderr, `xx\x1b[2J`, "values are printable")
	assert.NotContains(t, r.stderr, "\x1b")
}

// TestLanguageChoice: --lang, else TRUSTCHECK_LANG, else the locale, else French.
func TestLanguageChoice(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		args []string
		want string // the verdict word of a caution
	}{
		{nil, nil, "ATTENTION"},
		{map[string]string{"LANG": "en_US.UTF-8"}, nil, "CAUTION"},
		{map[string]string{"LANG": "C"}, nil, "CAUTION"},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, nil, "ATTENTION"},
		{map[string]string{"LANG": "fr_FR.UTF-8", "LC_ALL": "en_GB.UTF-8"}, nil, "CAUTION"},
		{map[string]string{"LANG": "en_US.UTF-8", "TRUSTCHECK_LANG": "fr"}, nil, "ATTENTION"},
		{map[string]string{"TRUSTCHECK_LANG": "en"}, []string{"--lang", "fr"}, "ATTENTION"},
		{nil, []string{"--lang=en"}, "CAUTION"},
		{nil, []string{"-lang", "EN"}, "CAUTION"},
		{nil, []string{"--lang", "fr", "--lang", "en"}, "CAUTION"},
	} {
		args := append([]string{"fake", "caution:x"}, tc.args...)
		r := runCLI(t, nil, tc.env, false, args...)
		assert.True(t, strings.HasPrefix(r.stdout, tc.want+" "), "%v %v: %q", tc.env, tc.args, r.stdout)
	}
	r := runCLI(t, nil, map[string]string{"TRUSTCHECK_LANG": "klingon", "LANG": "en_US"}, false, "fake", "ok:1")
	assert.Equal(t, exitUsage, r.code)
	assert.Equal(t, "trustcheck: unknown language \"klingon\" in TRUSTCHECK_LANG: fr or en; see 'trustcheck --help'\n", r.stderr)
	r = runCLI(t, nil, nil, false, "fake", "--", "--lang", "en")
	assert.True(t, strings.HasPrefix(r.stdout, "VÉRIFIÉ"), "after --, --lang is a subject: %q", r.stdout)
}

func TestUnreadableStdinIsUsageError(t *testing.T) {
	r := runCLI(t, iotest.ErrReader(errors.New("input/output error")), nil, false, "fake", "-")
	assert.Equal(t, exitUsage, r.code)
	assert.Equal(t, "trustcheck: fake: lecture de l'entrée standard impossible\n", r.stderr)
}

func TestOutputInInputOrderWithStdin(t *testing.T) {
	var lines []string
	var stdin strings.Builder
	for i := range 200 {
		word := []string{"ok", "info", "caution", "none"}[i%4]
		s := word + ":" + strings.Repeat("x", i%7) + string(rune('a'+i%26))
		lines = append(lines, s)
		stdin.WriteString("  " + s + " \r\n\n")
	}
	r := runCLI(t, strings.NewReader(stdin.String()), nil, false, "fake", "first:1", "-", "--json", "last:2")
	require.Equal(t, exitCaution, r.code, r.stderr)
	want := append(append([]string{"first:1"}, lines...), "last:2")
	got := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	require.Len(t, got, len(want))
	for i, line := range got {
		assert.Contains(t, line, `{"subject":"`+want[i]+`"`)
	}
}

func TestHumanOutputShowsReflexFirst(t *testing.T) {
	r := runCLI(t, nil, nil, false, "fake", "danger:https://ants-gouv.fr/", "ok:x", "error:y", "none:z")
	assert.Equal(t, exitDanger, r.code)
	assert.Equal(t, ""+
		"DANGER    danger:https://ants-gouv.fr/\n"+
		"  → Ne saisissez rien et ne payez rien. Tapez vous-même l'adresse officielle\u00a0: https://ants.gouv.fr/\n"+
		"  · Cette adresse imite un site officiel (https://ants.gouv.fr/). C'est le signe d'une arnaque. [ants-gouv.fr ~ ants.gouv.fr]\n"+
		"VÉRIFIÉ   ok:x\n"+
		"  → Vous pouvez continuer sur ce site.\n"+
		"  · C'est un site officiel.\n"+
		"ERREUR    error:y\n"+
		"  ! Une erreur technique a empêché la vérification.\n"+ // the developer's "store down" is never shown
		"VÉRIFIÉ   none:z\n", r.stdout)

	en := runCLI(t, nil, nil, false, "fake", "--lang", "en", "caution:x")
	assert.Equal(t, "CAUTION      caution:x\n  → Do not send a password or bank details on this page.\n  · The connection is not encrypted (http, not https). [http]\n", en.stdout)
}

func TestColourOnlyOnTerminalWithoutNoColor(t *testing.T) {
	plain := runCLI(t, nil, nil, false, "fake", "danger:x")
	assert.NotContains(t, plain.stdout, "\033[")
	tty := runCLI(t, nil, nil, true, "fake", "danger:x")
	assert.Contains(t, tty.stdout, "\033[1;31mDANGER    \033[0m")
	noColor := runCLI(t, nil, map[string]string{"NO_COLOR": "1"}, true, "fake", "danger:x")
	assert.NotContains(t, noColor.stdout, "\033[")
	dumb := runCLI(t, nil, map[string]string{"TERM": "dumb"}, true, "fake", "danger:x")
	assert.NotContains(t, dumb.stdout, "\033[")
	json := runCLI(t, nil, nil, true, "fake", "--json", "danger:x")
	assert.NotContains(t, json.stdout, "\033[")
}

func TestHelp(t *testing.T) {
	r := runCLI(t, nil, nil, false, "--help")
	assert.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, "  fake        une vérification de test\n")
	assert.Contains(t, r.stdout, "Code de sortie\u00a0: 0 tout est vérifié ou à savoir")
	r = runCLI(t, nil, nil, false, "--help", "--lang", "en")
	assert.Contains(t, r.stdout, "  fake        a test check\n")
	assert.Contains(t, r.stdout, "Exit status: 0 all ok or info, 3 some caution, 4 some danger")
	for _, args := range [][]string{{"fake", "--help"}, {"fake", "-h"}, {"help", "fake"}} {
		r := runCLI(t, nil, nil, false, args...)
		assert.Equal(t, exitOK, r.code)
		assert.Contains(t, r.stdout, "Exemple\u00a0: trustcheck fake ok:1")
		r = runCLI(t, nil, nil, false, append(args, "--lang=en")...)
		assert.Contains(t, r.stdout, "Example: trustcheck fake ok:1")
	}
}

func TestDisplayMasksHumanSubjectOnly(t *testing.T) {
	mask := func(s string) string { return s[:2] + "****" }
	var out bytes.Buffer
	a := newApp(fakeCommands(mask), stdio{in: strings.NewReader(""), out: &out, err: io.Discard, getenv: func(string) string { return "" }})
	a.run(context.Background(), []string{"fake", "ok:secret"})
	assert.Equal(t, "VÉRIFIÉ   ok****\n  → Vous pouvez continuer sur ce site.\n  · C'est un site officiel.\n", out.String())
	out.Reset()
	a.run(context.Background(), []string{"fake", "--json", "ok:secret"})
	assert.Contains(t, out.String(), `"subject":"ok:secret"`)
}

func TestDoubleDashEndsFlags(t *testing.T) {
	r := runCLI(t, nil, nil, false, "fake", "--json", "--", "--lang")
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, `"subject":"--lang"`)
}

// TestHelpReadsInOneLanguage: every help page of the real CLI, in French and in
// English, holds no word of the other language (flags, commands and examples aside).
func TestHelpReadsInOneLanguage(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		pages := [][]string{{"--help"}}
		for _, c := range defaultCommands() {
			pages = append(pages, []string{c.name, "--help"})
		}
		for _, args := range pages {
			var out bytes.Buffer
			a := newApp(defaultCommands(), stdio{in: strings.NewReader(""), out: &out, err: io.Discard, getenv: func(string) string { return "" }})
			require.Equal(t, exitOK, a.run(context.Background(), append(args, "--lang", lang)))
			var prose []string
			for _, line := range strings.Split(out.String(), "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "trustcheck ") || strings.Contains(line, "| trustcheck") {
					continue // an example command line
				}
				for _, c := range defaultCommands() { // names of commands and actions are code
					line = strings.ReplaceAll(line, " "+c.name+" ", " ")
				}
				for action := range vaultArgs {
					line = regexp.MustCompile(`\b`+action+`\b`).ReplaceAllString(line, "")
				}
				prose = append(prose, line)
			}
			assert.Empty(t, langwords.Foreign(strings.Join(prose, "\n"), lang), "%v in %s", args, lang)
		}
	}
}
