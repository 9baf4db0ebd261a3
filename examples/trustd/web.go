package main

import (
	"bytes"
	"embed"
	"encoding/json"
	"html/template"
	"net/http"

	"github.com/trustreflex/trustreflex/reflex"
	"github.com/trustreflex/trustreflex/urlcheck"
)

// The demo pages and the embeddable component, compiled in: the demo works offline and
// loads nothing from elsewhere.
//
//go:embed web
var webFS embed.FS

// pageCSP forbids everything but this server's own scripts, styles and API: no inline
// script or style, no external asset.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// pages are the parsed page templates, by name: the layout plus the page's content.
var pages = func() map[string]*template.Template {
	m := map[string]*template.Template{}
	for _, p := range []string{"index", "procedure", "transfer", "upload"} {
		m[p] = template.Must(template.ParseFS(webFS, "web/layout.html", "web/"+p+".html"))
	}
	return m
}()

// pageData is what the page templates see.
type pageData struct {
	Lang, Other, Page, Title string
	T                        map[string]string
	Procedures               []urlcheck.Procedure
	Payees                   []payeeOption
	Scenes                   []string
}

func (s *server) webRoutes() []*route {
	page := func(path string, h func(*call)) *route { return &route{method: "GET", path: path, handler: h} }
	return []*route{
		page("/", s.page("index")),
		page("/demo/procedure", s.page("procedure")),
		page("/demo/transfer", s.page("transfer")),
		page("/demo/upload", s.page("upload")),
		page("/trust-reflex.js", componentScript()),
		page("/demo.js", asset("web/demo.js", "text/javascript; charset=utf-8")),
		page("/demo.css", asset("web/demo.css", "text/css; charset=utf-8")),
		page("/favicon.ico", noContent),
	}
}

// page renders a demo page in the language of ?lang= (French by default).
func (s *server) page(name string) func(*call) {
	return func(c *call) {
		w, r := c, c.r
		lang, other := "fr", "en"
		if r.URL.Query().Get("lang") == "en" {
			lang, other = "en", "fr"
		}
		t := pageText[lang]
		d := pageData{Lang: lang, Other: other, Page: name, Title: t[name+"_title"], T: t}
		switch name {
		case "procedure":
			if s.checks.procedures != nil {
				d.Procedures = s.checks.procedures()
			}
		case "transfer":
			for _, p := range s.demoPayees {
				d.Payees = append(d.Payees, payeeOption{ID: p.ID, Label: p.Name + " (" + p.Role[lang] + ")"})
			}
			d.Scenes = []string{t["scene_changed"], t["scene_key"], t["scene_name"]}
		}
		var buf bytes.Buffer
		if err := pages[name].ExecuteTemplate(&buf, "layout", d); err != nil {
			s.logger.Error("page", "page", name, "err", err)
			s.fail(c, &httpError{status: http.StatusInternalServerError, text: reflex.Text{ID: reflex.TextInternal}, err: err})
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Security-Policy", pageCSP)
		h.Set("Content-Language", lang)
		_, _ = w.Write(buf.Bytes())
	}
}

func asset(name, contentType string) func(*call) {
	b, err := webFS.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time: a missing file is a build mistake
	}
	return serveBytes(b, contentType)
}

// componentScript serves the web component with the catalogue's labels written in, so
// that it shows the very words of the CLI and of GET /v1/labels.
func componentScript() func(*call) {
	b, err := webFS.ReadFile("web/trust-reflex.js")
	if err != nil {
		panic(err)
	}
	const slot = "/*LABELS*/{ fr: {}, en: {} }"
	if !bytes.Contains(b, []byte(slot)) {
		panic("web/trust-reflex.js has no labels slot") // a build mistake, caught by the tests
	}
	labels, err := json.Marshal(map[string]map[string]string{
		"fr": reflex.Labels(reflex.French),
		"en": reflex.Labels(reflex.English),
	})
	if err != nil {
		panic(err)
	}
	return serveBytes(bytes.Replace(b, []byte(slot), labels, 1), "text/javascript; charset=utf-8")
}

func serveBytes(b []byte, contentType string) func(*call) {
	return func(c *call) {
		c.Header().Set("Content-Type", contentType)
		c.Header().Set("Cache-Control", "public, max-age=300")
		_, _ = c.Write(b)
	}
}

// noContent answers 204: the demo has no icon, and browsers ask for one.
func noContent(c *call) { c.WriteHeader(http.StatusNoContent) }
