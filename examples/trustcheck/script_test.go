package main

import (
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
			"exits": cmdExits,
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
