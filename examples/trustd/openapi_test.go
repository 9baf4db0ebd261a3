package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openAPI is the part of an OpenAPI 3.1 document this test reads.
type openAPI struct {
	OpenAPI    string                          `json:"openapi"`
	Paths      map[string]map[string]operation `json:"paths"`
	Components struct {
		Schemas map[string]schema `json:"schemas"`
	} `json:"components"`
}

type operation struct {
	OperationID string `json:"operationId"`
	Parameters  []struct {
		Name, In string
		Example  string
	} `json:"parameters"`
	Security    []map[string][]string `json:"security"`
	RequestBody *struct {
		Content map[string]struct {
			Schema  schema          `json:"schema"`
			Example json.RawMessage `json:"example"`
		} `json:"content"`
	} `json:"requestBody"`
	Responses map[string]struct {
		Content map[string]struct {
			Schema schema `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

// schema is the subset of JSON Schema the document uses.
type schema struct {
	Ref                  string            `json:"$ref"`
	Type                 string            `json:"type"`
	Required             []string          `json:"required"`
	Properties           map[string]schema `json:"properties"`
	AdditionalProperties *bool             `json:"additionalProperties"`
	Items                *schema           `json:"items"`
	Enum                 []string          `json:"enum"`
	MinLength            *int              `json:"minLength"`
	MaxLength            *int              `json:"maxLength"`
	Pattern              string            `json:"pattern"`
}

func loadOpenAPI(t *testing.T) openAPI {
	t.Helper()
	var doc openAPI
	require.NoError(t, json.Unmarshal(openAPIDoc, &doc))
	require.Equal(t, "3.1.0", doc.OpenAPI)
	return doc
}

// validate checks v (decoded JSON) against s, resolving $refs in doc.
func (doc openAPI) validate(s schema, v any, at string) error {
	if s.Ref != "" {
		name := strings.TrimPrefix(s.Ref, "#/components/schemas/")
		target, ok := doc.Components.Schemas[name]
		if !ok {
			return fmt.Errorf("%s: unknown $ref %s", at, s.Ref)
		}
		return doc.validate(target, v, at)
	}
	switch s.Type {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want an object, got %T", at, v)
		}
		for _, k := range s.Required {
			if _, ok := m[k]; !ok {
				return fmt.Errorf("%s: missing required %q", at, k)
			}
		}
		for k, val := range m {
			ps, ok := s.Properties[k]
			if !ok {
				if s.AdditionalProperties != nil && !*s.AdditionalProperties {
					return fmt.Errorf("%s: undocumented property %q", at, k)
				}
				continue
			}
			if err := doc.validate(ps, val, at+"."+k); err != nil {
				return err
			}
		}
	case "array":
		a, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: want an array, got %T", at, v)
		}
		for i, item := range a {
			if err := doc.validate(*s.Items, item, fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s: want a string, got %T", at, v)
		}
		if len(s.Enum) > 0 && !slices.Contains(s.Enum, str) {
			return fmt.Errorf("%s: %q is not one of %v", at, str, s.Enum)
		}
		if s.MinLength != nil && len([]rune(str)) < *s.MinLength || s.MaxLength != nil && len([]rune(str)) > *s.MaxLength {
			return fmt.Errorf("%s: length of %q out of bounds", at, str)
		}
		if s.Pattern != "" && !regexp.MustCompile(s.Pattern).MatchString(str) {
			return fmt.Errorf("%s: %q does not match %s", at, str, s.Pattern)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s: want a boolean, got %T", at, v)
		}
	case "integer", "number":
		n, ok := v.(float64)
		if !ok {
			return fmt.Errorf("%s: want a number, got %T", at, v)
		}
		if s.Type == "integer" && n != float64(int64(n)) {
			return fmt.Errorf("%s: want an integer, got %v", at, n)
		}
	case "":
	default:
		return fmt.Errorf("%s: the test does not know type %q", at, s.Type)
	}
	return nil
}

// TestOpenAPIDocumentsEveryRoute checks that the document and the route table agree:
// every documented operation is served, every API route is documented.
func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	doc := loadOpenAPI(t)
	s := newTestServer(t)
	var documented, served []string
	for path, ops := range doc.Paths {
		for method := range ops {
			documented = append(documented, strings.ToUpper(method)+" "+path)
		}
	}
	for _, rt := range s.routes {
		if rt.api {
			served = append(served, rt.method+" "+rt.path)
		}
	}
	assert.ElementsMatch(t, documented, served)
}

// TestOpenAPIMatchesTheHandlers sends each operation's documented example (and a
// malformed body to each JSON operation) and validates the answer against the schema
// documented for its status.
func TestOpenAPIMatchesTheHandlers(t *testing.T) {
	doc := loadOpenAPI(t)
	s := newTestServer(t)
	for path, ops := range doc.Paths {
		for method, op := range ops {
			method = strings.ToUpper(method)
			type call struct {
				name, ct, body string
			}
			var calls []call
			switch {
			case op.RequestBody == nil:
				calls = append(calls, call{"no body", "", ""})
			case op.RequestBody.Content["application/json"].Example != nil:
				c := op.RequestBody.Content["application/json"]
				require.NoError(t, doc.validate(c.Schema, decode(t, c.Example), "example"), "%s %s: the example fits its schema", method, path)
				calls = append(calls, call{"example", "application/json", string(c.Example)},
					call{"malformed", "application/json", `{"subject":`},
					call{"unknown field", "application/json", `{"subject":"x","nope":1}`},
					call{"huge", "application/json", `{"subject":"` + strings.Repeat("x", 200<<10) + `"}`})
			default:
				calls = append(calls, call{"file", "application/octet-stream", "age-encryption.org/v1\n-> X25519 abc\n"},
					call{"empty file", "application/octet-stream", ""})
			}
			target := path
			for _, p := range op.Parameters {
				if p.In == "path" {
					target = strings.ReplaceAll(target, "{"+p.Name+"}", p.Example)
				}
			}
			keyOnly := len(op.Security) > 0 && !slices.ContainsFunc(op.Security, func(m map[string][]string) bool { return len(m) == 0 })
			if keyOnly {
				calls = append(calls, call{"without key", "", ""})
			}
			for _, c := range calls {
				t.Run(method+" "+path+" "+c.name, func(t *testing.T) {
					req := httptest.NewRequest(method, target, strings.NewReader(c.body))
					if c.ct != "" {
						req.Header.Set("Content-Type", c.ct)
					}
					if len(op.Security) > 0 && c.name != "without key" {
						req.Header.Set("Authorization", "Bearer "+testKey)
					}
					rec := httptest.NewRecorder()
					s.ServeHTTP(rec, req)
					resp, ok := op.Responses[strconv.Itoa(rec.Code)]
					require.True(t, ok, "status %d is not documented: %s", rec.Code, rec.Body.String())
					if c.name == "without key" {
						assert.Equal(t, http.StatusUnauthorized, rec.Code)
					}
					if _, ok := resp.Content["text/plain"]; ok {
						assert.True(t, strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain"), rec.Header().Get("Content-Type"))
						assert.Equal(t, http.StatusOK, rec.Code)
						return
					}
					media, ok := resp.Content["application/json"]
					require.True(t, ok, "status %d has no JSON schema", rec.Code)
					assert.True(t, strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json"))
					assert.NoError(t, doc.validate(media.Schema, decode(t, rec.Body.Bytes()), "response"), rec.Body.String())
					if c.name == "example" || c.name == "no body" || c.name == "file" {
						assert.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
					}
				})
			}
		}
	}
}

func decode(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(b, &v), string(b))
	return v
}

func TestOpenAPIValidatorRejects(t *testing.T) {
	doc := loadOpenAPI(t)
	ref := schema{Ref: "#/components/schemas/Report"}
	assert.NoError(t, doc.validate(ref, decode(t, []byte(`{"subject":"x","kind":"url","verdict":"ok","findings":[]}`)), "r"))
	for _, bad := range []string{
		`{"subject":"x","kind":"url","verdict":"fine","findings":[]}`,
		`{"subject":"x","kind":"url","verdict":"ok"}`,
		`{"subject":"x","kind":"url","verdict":"ok","findings":[],"extra":1}`,
		`{"subject":"x","kind":"url","verdict":"ok","findings":[{"code":"URL","severity":"ok","message":"m","reflex":"r"}]}`,
	} {
		assert.Error(t, doc.validate(ref, decode(t, []byte(bad)), "r"), bad)
	}
}
