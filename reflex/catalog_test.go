package reflex

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pendingCodes are catalogue codes that no check produces yet, with the issue that will.
// The list must shrink as checks land: the test fails when a listed code becomes used.
var pendingCodes = map[Code]int{}

var codeShape = regexp.MustCompile(`^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$`)

func TestCatalogueEntriesAreComplete(t *testing.T) {
	seen := map[Code]string{}
	for domain, table := range domainTables {
		for code, e := range table {
			if other, dup := seen[code]; dup {
				t.Errorf("%s is in two tables: %s and %s", code, other, domain)
			}
			seen[code] = domain
			assert.Regexp(t, codeShape, string(code))
			assert.True(t, strings.HasPrefix(string(code), domain+"."), "%s is in the %s table", code, domain)
			for lang, txt := range map[string]text{"fr": e.fr, "en": e.en} {
				assert.NotEmpty(t, strings.TrimSpace(txt.message), "%s: %s message", code, lang)
				assert.NotEmpty(t, strings.TrimSpace(txt.reflex), "%s: %s reflex", code, lang)
				for _, s := range []string{txt.message, txt.reflex} {
					assert.True(t, balanced(s), "%s (%s): unbalanced brackets or braces in %q", code, lang, s)
					assert.LessOrEqual(t, len([]rune(s)), 220, "%s (%s): keep it short for a non-expert: %q", code, lang, s)
				}
			}
			assert.ElementsMatch(t, placeholders(e.fr.message+e.fr.reflex, true), placeholders(e.en.message+e.en.reflex, true),
				"%s: French and English must use the same placeholders", code)
			assert.NotEqual(t, e.fr.reflex, e.en.reflex, "%s: the English reflex is a copy of the French one", code)
		}
	}
	assert.Len(t, catalogue, len(seen))
}

func balanced(s string) bool {
	var stack []rune
	for _, r := range s {
		switch r {
		case '[', '{':
			if len(stack) > 0 && (stack[len(stack)-1] == '{' || r == '[' && stack[len(stack)-1] == '[') {
				return false // no nesting of braces, nor of brackets
			}
			stack = append(stack, r)
		case ']', '}':
			if len(stack) == 0 {
				return false
			}
			open := stack[len(stack)-1]
			if (r == ']') != (open == '[') {
				return false
			}
			stack = stack[:len(stack)-1]
		}
	}
	return len(stack) == 0
}

func TestFill(t *testing.T) {
	f := Finding{Code: URLLookalike, Suggest: "https://ants.gouv.fr/", Params: map[string]string{"org": "ANTS"}}
	for _, tc := range []struct{ tmpl, want string }{
		{"plain", "plain"},
		{"go to {suggest}", "go to https://ants.gouv.fr/"},
		{"site[ of {org}].", "site of ANTS."},
		{"site[ of {missing}].", "site."},
		{"[{org} ][{missing} ]end", "ANTS end"},
		{"{org}{org}", "ANTSANTS"},
		{"open {brace", "open {brace"},
	} {
		assert.Equal(t, tc.want, f.filler(French).fill(tc.tmpl), tc.tmpl)
	}
}

func TestValidateReportsMissingParams(t *testing.T) {
	ok := NewReport("x", KindURL, Finding{Code: URLOtherProcedure, Severity: Caution, Suggest: "https://ants.gouv.fr/"})
	assert.NoError(t, ok.Validate())

	missing := NewReport("x", KindURL, Finding{Code: URLOtherProcedure, Severity: Caution})
	err := missing.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "{suggest}")

	unknown := NewReport("x", KindURL, Finding{Code: "url.nope", Severity: Caution})
	assert.ErrorContains(t, unknown.Validate(), `unknown code "url.nope"`)
	assert.Equal(t, "url.nope", unknown.Findings[0].Message(French), "an unknown code is shown, not dropped")
}

// TestEveryCodeHasAnEntryAndIsUsed reads the whole module: every Code that Go code
// names must have a catalogue entry, and every entry must be produced somewhere outside
// this package's catalogue (or be listed in pendingCodes with the issue that will).
func TestEveryCodeHasAnEntryAndIsUsed(t *testing.T) {
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	constName := map[string]Code{} // URLLookalike -> "url.lookalike"
	fset := token.NewFileSet()
	files, err := filepath.Glob("catalog_*.go")
	require.NoError(t, err)
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		for ident, value := range codeConsts(f) {
			constName[ident] = value
		}
	}
	for _, c := range Codes() {
		assert.Contains(t, constName, constFor(constName, c), "code %s has no constant", c)
	}

	used := map[Code][]string{}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != root && (strings.HasPrefix(n, ".") || n == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		inReflex := filepath.Dir(path) == filepath.Join(root, "reflex")
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			return err
		}
		if testOnlyBuild(f) {
			return nil // a test fixture built into a binary only for tests
		}
		rel, _ := filepath.Rel(root, path)
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr: // reflex.URLLookalike
				if x, ok := n.X.(*ast.Ident); ok && x.Name == "reflex" {
					if code, ok := constName[n.Sel.Name]; ok {
						used[code] = append(used[code], rel)
					} else if codeLike(n.Sel.Name) {
						t.Errorf("%s: reflex.%s is not a catalogue code", rel, n.Sel.Name)
					}
				}
			case *ast.CallExpr: // reflex.Code("url.x") or Code("url.x")
				if isCodeType(n.Fun) && len(n.Args) == 1 {
					if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						v, _ := strconv.Unquote(lit.Value)
						if !Known(Code(v)) {
							t.Errorf("%s: code %q has no catalogue entry", rel, v)
						}
						used[Code(v)] = append(used[Code(v)], rel)
					}
				}
			case *ast.KeyValueExpr: // Finding{Code: "url.x"}
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Code" {
					if lit, ok := n.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						v, _ := strconv.Unquote(lit.Value)
						if !Known(Code(v)) {
							t.Errorf("%s: code %q has no catalogue entry", rel, v)
						}
						used[Code(v)] = append(used[Code(v)], rel)
					}
				}
			case *ast.ValueSpec: // const x reflex.Code = "url.x" outside the catalogue
				if inReflex || n.Type == nil || !isCodeType(n.Type) {
					return true
				}
				for _, v := range n.Values {
					if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, _ := strconv.Unquote(lit.Value)
						t.Errorf("%s: code %q is declared outside reflex; declare it in the catalogue", rel, s)
					}
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)

	for _, c := range Codes() {
		issue, pending := pendingCodes[c]
		switch {
		case pending && len(used[c]) > 0:
			t.Errorf("%s is used now (%s): remove it from pendingCodes (issue %d)", c, used[c][0], issue)
		case !pending && len(used[c]) == 0:
			t.Errorf("%s has a catalogue entry but no check produces it", c)
		}
	}
	for c := range pendingCodes {
		assert.True(t, Known(c), "pending code %s is not in the catalogue", c)
	}
}

// testOnlyBuild reports whether f is built only with the trustchecktest tag.
func testOnlyBuild(f *ast.File) bool {
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if strings.HasPrefix(c.Text, "//go:build") && strings.Contains(c.Text, "trustchecktest") && !strings.Contains(c.Text, "!trustchecktest") {
				return true
			}
		}
	}
	return false
}

func codeConsts(f *ast.File) map[string]Code {
	out := map[string]Code{}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if vs.Type == nil || !isCodeType(vs.Type) {
				continue // a TextID, not a Code
			}
			for i, name := range vs.Names {
				if i < len(vs.Values) {
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok {
						v, _ := strconv.Unquote(lit.Value)
						out[name.Name] = Code(v)
					}
				}
			}
		}
	}
	return out
}

func constFor(consts map[string]Code, c Code) string {
	for name, v := range consts {
		if v == c {
			return name
		}
	}
	return ""
}

func isCodeType(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name == "Code"
	case *ast.SelectorExpr:
		x, ok := e.X.(*ast.Ident)
		return ok && x.Name == "reflex" && e.Sel.Name == "Code"
	}
	return false
}

// codeLike reports whether an exported reflex name looks like a code constant
// (URLFoo, IBANFoo, StoreFoo, ...), to catch a typo against a removed code.
func codeLike(name string) bool {
	for _, p := range []string{"URL", "IBAN", "Store", "Message", "Payment"} {
		if strings.HasPrefix(name, p) && len(name) > len(p) && name[len(p)] >= 'A' && name[len(p)] <= 'Z' {
			return true
		}
	}
	return false
}
