package urlcheck

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugTokens(t *testing.T) {
	s := os.Getenv("TOK")
	if s == "" {
		t.Skip()
	}
	c := New()
	w := c.idx.read([]string{s})
	for _, tk := range w.toks {
		fmt.Printf("%q kind=%d id=%d clean=%v\n", tk.s, tk.kind, tk.id, tk.clean)
	}
	fmt.Printf("%+v\n", w)
}
