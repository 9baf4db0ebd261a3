// Command gen writes ibancheck's IBAN registry table from its data file.
// It is run by go generate in package ibancheck:
//
//	go run ../internal/ibanregistry/gen -in registry.txt -out registry_table.go
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/trustreflex/trustreflex/internal/ibanregistry"
)

func main() {
	in := flag.String("in", "registry.txt", "registry data file")
	out := flag.String("out", "registry_table.go", "generated Go file")
	pkg := flag.String("pkg", "ibancheck", "package name of the generated file")
	flag.Parse()
	if err := run(*in, *out, *pkg); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out, pkg string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	countries, err := ibanregistry.Parse(data)
	if err != nil {
		return err
	}
	src, err := ibanregistry.Generate(pkg, filepath.Base(in), countries)
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}
