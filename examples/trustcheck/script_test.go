package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/trustreflex/trustreflex/internal/golden"
	"github.com/trustreflex/trustreflex/internal/langwords"
)

// TestScripts runs the end-to-end scripts of testdata/script against the real binary,
// built once with `go build` (and the trustchecktest tag, which only adds the "echo"
// command the frame scripts use). Each script runs in its own temporary directory, with
// ../shared/data reachable as $SHARED when the evaluation corpora are present.
func TestScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end scripts build the binary; skipped with -short")
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-tags", "trustchecktest", "-o", filepath.Join(bin, "trustcheck"), ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		t.Fatalf("building trustcheck: %v", err)
	}
	shared, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared"))
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		// -update rewrites the files that `cmp stdout FILE` compares with.
		UpdateScripts: golden.Updating(),
		Setup: func(env *testscript.Env) error {
			env.Setenv("PATH", bin+string(os.PathListSeparator)+env.Getenv("PATH"))
			env.Setenv("SHARED", shared)
			env.Setenv("NO_COLOR", "")
			env.Setenv("TRUSTREFLEX_POSTGRES_URL", os.Getenv("TRUSTREFLEX_POSTGRES_URL"))
			return nil
		},
		// [postgres]: a PostgreSQL server is there for the scripts (.ci/postgres.sh).
		Condition: func(cond string) (bool, error) {
			if cond == "postgres" {
				return os.Getenv("TRUSTREFLEX_POSTGRES_URL") != "", nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":       cmdExits,
			"onelanguage": cmdOneLanguage,
			// vault scripts (vault_script_test.go)
			"flip":      cmdFlip,
			"swapfiles": cmdSwapFiles,
			"genfile":   cmdGenFile,
			"signals":   cmdSignals,
			"longline":  cmdLongLine,
		},
	})
}

// cmdExits runs `exits CODE PROGRAM ARGS...`: the program must exit with exactly CODE.
// Its stdout and stderr are then available to the stdout/stderr commands.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad code %q", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		got = exitErr.ExitCode()
	case err != nil:
		ts.Fatalf("exits: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d\nstderr: %s", strings.Join(args[1:], " "), got, want, ts.ReadFile("stderr"))
	}
}

// cmdOneLanguage runs `onelanguage fr|en`: every text a person reads in the last
// command's output (messages, reflexes, evidence, errors; JSON fields or human lines,
// subjects aside since they are the input) holds no word of the other language.
func cmdOneLanguage(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 || args[0] != "fr" && args[0] != "en" {
		ts.Fatalf("usage: onelanguage fr|en")
	}
	var texts []string
	for _, line := range strings.Split(ts.ReadFile("stdout"), "\n") {
		if strings.HasPrefix(line, "{") {
			var report struct {
				Error    string `json:"error"`
				Findings []struct {
					Message, Reflex, Evidence string
				} `json:"findings"`
			}
			if json.Unmarshal([]byte(line), &report) == nil {
				texts = append(texts, report.Error)
				for _, f := range report.Findings {
					texts = append(texts, f.Message, f.Reflex, f.Evidence)
				}
			}
			continue
		}
		for _, mark := range []string{"  → ", "  · ", "  ! "} {
			if text, ok := strings.CutPrefix(line, mark); ok {
				texts = append(texts, text)
			}
		}
	}
	for _, line := range strings.Split(ts.ReadFile("stderr"), "\n") {
		if rest, ok := strings.CutPrefix(line, programName+": "); ok {
			if cmd, text, ok := strings.Cut(rest, ": "); ok && !strings.ContainsAny(cmd, " \u00a0") {
				rest = text // "vault: ..." names the command
			}
			texts = append(texts, rest)
		}
	}
	for _, text := range texts {
		if words := langwords.Foreign(text, args[0]); len(words) > 0 {
			ts.Fatalf("words of the other language %v in %q", words, text)
		}
	}
}
