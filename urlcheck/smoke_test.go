package urlcheck

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestSmoke(t *testing.T) {
	c := New()
	if c.Err() != nil {
		t.Fatal(c.Err())
	}
	in := os.Getenv("SMOKE")
	if in == "" {
		t.Skip()
	}
	for _, s := range strings.Split(in, ",") {
		r, err := c.Check(context.Background(), s)
		if err != nil {
			fmt.Println(s, "ERR", err)
			continue
		}
		fmt.Printf("%-45s %-8s", s, r.Verdict())
		for _, f := range r.Findings {
			fmt.Printf(" [%s %s | %s | %s]", f.Code, f.Severity, f.Evidence, f.Suggest)
		}
		fmt.Println()
		if err := r.Validate(); err != nil {
			fmt.Println("INVALID", err)
		}
	}
}
