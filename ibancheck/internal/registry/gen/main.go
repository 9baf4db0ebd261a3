// Command gen writes ibancheck's IBAN registry table (table.go) from its data file.
// It is run by go generate in package registry, beside the table:
//
//	go run ./gen -in ../../registry.txt -out table.go
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/trustreflex/trustreflex/ibancheck/internal/registry"
)

func main() {
	in := flag.String("in", "../../registry.txt", "registry data file")
	out := flag.String("out", "table.go", "generated Go file")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	countries, err := registry.Parse(data)
	if err != nil {
		return err
	}
	src, err := registry.Generate(filepath.Base(in), countries)
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}
