package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/reflex"
)

// The browser tests drive the demo pages in a real headless Chromium (Debian package
// chromium): they type, paste, choose and upload as a person would, and assert that the
// warnings appear with the right text, that the page holds back its button on a danger,
// and that the page logs no error (a Content-Security-Policy violation included).
// Screenshots go to .artifacts/screenshots at the module root (or $TRUSTD_SCREENSHOTS).
//
// Without chromium they skip, except under CI=true where they fail: CI installs it.

// chromiumPath finds the browser, or skips (fails under CI).
func chromiumPath(t *testing.T) string {
	t.Helper()
	candidates := []string{os.Getenv("TRUSTD_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	msg := "browser tests need Chromium: apt-get install chromium (or set TRUSTD_CHROMIUM)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// browser is one headless Chromium on a fresh profile, pointed at a test server.
type browser struct {
	ctx     context.Context
	base    string
	shots   string
	mu      sync.Mutex
	console []string // errors logged by the pages
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	exe := chromiumPath(t)
	s := newTestServer(t)
	ts := httptest.NewServer(s) // 127.0.0.1 only
	t.Cleanup(ts.Close)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1000, 1100),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("mute-audio", true),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)

	shots := os.Getenv("TRUSTD_SCREENSHOTS")
	if shots == "" {
		shots = filepath.Join("..", "..", ".artifacts", "screenshots")
	}
	require.NoError(t, os.MkdirAll(shots, 0o755))
	b := &browser{ctx: ctx, base: ts.URL, shots: shots}
	require.NoError(t, chromedp.Do(ctx)) // start the browser and the tab
	_, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{})
	require.NoError(t, err)
	messages := chromedp.Console(ctx)
	consoleDone := make(chan struct{})
	go func() {
		defer close(consoleDone)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.logError(m.String())
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		<-consoleDone
		b.mu.Lock()
		defer b.mu.Unlock()
		assert.Empty(t, b.console, "the pages logged errors")
	})
	return b
}

func (b *browser) logError(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.console = append(b.console, s)
}

func (b *browser) run(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	require.NoError(t, chromedp.Do(b.ctx, actions...))
}

// get runs one action that returns a value.
func get[T any](t *testing.T, b *browser, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	require.NoError(t, err)
	return v
}

// js evaluates a JavaScript expression in the page.
func js[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	return get(t, b, chromedp.Evaluate[T](expr))
}

// screenshot scrolls to the element sel and saves the viewport as NAME.png.
func (b *browser) screenshot(t *testing.T, name, sel string) {
	t.Helper()
	b.run(t, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).scrollIntoView({block: "center"})`, sel)))
	png := get(t, b, chromedp.CaptureScreenshot())
	require.NoError(t, os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644))
}

// waitCode waits until the warning element sel shows a finding with this code, and
// returns the warning's verdict and text.
func (b *browser) waitCode(t *testing.T, sel string, code reflex.Code) (verdict, text string) {
	t.Helper()
	var codes string
	ok := assert.Eventually(t, func() bool {
		verdict, codes, text = b.warningNow(sel)
		return slices.Contains(strings.Fields(codes), string(code))
	}, 15*time.Second, 50*time.Millisecond)
	require.True(t, ok, "%s never showed %s; last: %s %q %q", sel, code, verdict, codes, text)
	return verdict, text
}

// fixed is the start of a code's message in lang: what the warning must show whatever
// the finding's parameters (the first words, before any optional part).
func fixed(code reflex.Code, lang reflex.Lang) string {
	m := []rune(reflex.Finding{Code: code}.Message(lang))
	return string(m[:min(len(m), 20)])
}

// fill empties a field and types value into it, as a person would.
func fill(sel, value string) chromedp.Action[chromedp.Void] {
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
			const f = document.querySelector(%q);
			f.value = "";
			f.dispatchEvent(new Event("input", {bubbles: true}));
		})()`, sel)),
		chromedp.Focus(chromedp.CSS(sel)),
	}
	if value != "" {
		// KeyEvent types into the focused field as a person does. (chromedp.SendKeys
		// reads the node's attributes without its lock: a data race under -race.)
		steps = append(steps, chromedp.KeyEvent(value))
	}
	return chromedp.Steps(steps...)
}

// paste puts value in a field and fires a paste event, as a paste from the clipboard.
func paste(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const f = document.querySelector(%q);
		f.focus();
		f.value = %q;
		f.dispatchEvent(new Event("paste", {bubbles: true}));
	})()`, sel, value))
}

// choose selects an option of a select element and fires change.
func choose(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const s = document.querySelector(%q);
		s.value = %q;
		s.dispatchEvent(new Event("change", {bubbles: true}));
	})()`, sel, value))
}

func TestBrowserProcedurePage(t *testing.T) {
	b := newBrowser(t)
	b.run(t, chromedp.Navigate(b.base+"/demo/procedure"), chromedp.WaitReady(chromedp.CSS("#link")))
	assert.Equal(t, "fr", js[string](t, b, "document.documentElement.lang"), "French by default")

	// A pasted lookalike link is warned about before the person leaves.
	b.run(t, paste("#link", "https://ants-gouv.fr/carte-grise"))
	verdict, text := b.waitCode(t, "#link-warning", reflex.URLLookalike)
	assert.Equal(t, "danger", verdict)
	assert.Contains(t, text, "Danger")
	assert.Contains(t, text, fixed(reflex.URLLookalike, reflex.French))
	assert.Contains(t, text, "ants.gouv.fr", "the reflex names the official site")
	assert.Equal(t, "true", js[string](t, b, `document.querySelector("#link").getAttribute("aria-invalid")`))
	assert.True(t, js[bool](t, b, `document.querySelector("#link-form button").disabled`), "the page holds back its button on a danger")
	b.screenshot(t, "procedure-lookalike-fr", "#link-warning")

	// The official site is confirmed, and the button comes back.
	b.run(t, fill("#link", "https://immatriculation.ants.gouv.fr/"), chromedp.Blur(chromedp.CSS("#link")))
	verdict, text = b.waitCode(t, "#link-warning", reflex.URLOfficial)
	assert.Equal(t, "ok", verdict)
	assert.Contains(t, text, fixed(reflex.URLOfficial, reflex.French))
	assert.False(t, js[bool](t, b, `document.querySelector("#link-form button").disabled`))

	// The link is official, but for another procedure than the one chosen.
	b.run(t, choose("#procedure", "carte-grise"), paste("#link", "https://www.impots.gouv.fr/"))
	verdict, text = b.waitCode(t, "#link-warning", reflex.URLOtherProcedure)
	assert.Equal(t, "caution", verdict)
	assert.Contains(t, text, fixed(reflex.URLOtherProcedure, reflex.French))
	b.run(t, choose("#procedure", ""))

	// A message with nothing to say gets a calm answer, not a promise.
	b.run(t, paste("#message", "Bonjour, c'est Paul. On se voit demain à 18h ?"))
	require.Eventually(t, func() bool {
		v, _, txt := b.warningNow("#message-warning")
		return v == "ok" && strings.Contains(txt, "rien repéré")
	}, 15*time.Second, 50*time.Millisecond)

	// A scam SMS pasted in the message box.
	b.run(t, paste("#message", "INFO ANTAI : avis de contravention impayé. Réglez 35 € sous 24h sur antai-gouv-amendes.net pour éviter une majoration."))
	verdict, text = b.waitCode(t, "#message-warning", reflex.MessagePublicBodyPayment)
	assert.Equal(t, "danger", verdict)
	assert.Contains(t, text, fixed(reflex.MessagePublicBodyPayment, reflex.French))
	b.screenshot(t, "procedure-sms-fr", "#message-warning")
}

// warningNow reads the verdict, codes and text of a warning at once, without waiting.
func (b *browser) warningNow(sel string) (verdict, codes, text string) {
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](fmt.Sprintf(`(() => {
		const w = document.querySelector(%q);
		return [w.getAttribute("verdict") || "", w.getAttribute("codes") || "", w.textContent];
	})()`, sel)))
	if err != nil || len(v) != 3 {
		return "", "", ""
	}
	return v[0], v[1], v[2]
}

func TestBrowserTransferPage(t *testing.T) {
	b := newBrowser(t)
	b.run(t, chromedp.Navigate(b.base+"/demo/transfer"), chromedp.WaitReady(chromedp.CSS("#iban")))

	// Scene 1: a saved payee, and an IBAN that is not the one on file.
	b.run(t, choose("#payee", "proprietaire"), fill("#name", "Jean Martin"), fill("#iban", "FR76 3000 4000 0312 3456 7890 143"))
	verdict, text := b.waitCode(t, "#iban-warning", reflex.IBANChanged)
	assert.Equal(t, "danger", verdict)
	assert.Contains(t, text, reflex.Finding{Code: reflex.IBANChanged}.Reflex(reflex.French))
	assert.True(t, js[bool](t, b, `document.querySelector("#transfer-form button").disabled`))
	b.screenshot(t, "transfer-changed-fr", "#iban-warning")

	// Scene 2: a forged RIB (mod 97 right, French bank key wrong), new payee.
	b.run(t, choose("#payee", ""), fill("#name", ""), fill("#iban", "FR21 3000 6000 0112 3456 7890 112"))
	verdict, text = b.waitCode(t, "#iban-warning", reflex.IBANInvalidNationalKey)
	assert.Equal(t, "danger", verdict)
	assert.Contains(t, text, fixed(reflex.IBANInvalidNationalKey, reflex.French))
	b.screenshot(t, "transfer-forged-key-fr", "#iban-warning")

	// Scene 3: the right IBAN, the wrong name.
	b.run(t, choose("#payee", "proprietaire"), fill("#name", "Paul Durand"), fill("#iban", "FR76 3000 6000 0112 3456 7890 189"))
	_, text = b.waitCode(t, "#iban-warning", reflex.IBANNameMismatch)
	assert.Contains(t, text, fixed(reflex.IBANNameMismatch, reflex.French))
	b.screenshot(t, "transfer-name-mismatch-fr", "#iban-warning")

	// The right IBAN and name: the warning says so, the button is back. (Wait for the
	// name's code: iban.unchanged was in the previous answer too.)
	b.run(t, fill("#name", "Jean Martin"), chromedp.Focus(chromedp.CSS("#iban")), chromedp.Blur(chromedp.CSS("#iban")))
	verdict, _ = b.waitCode(t, "#iban-warning", reflex.IBANNameMatch)
	assert.Equal(t, "ok", verdict)
	assert.False(t, js[bool](t, b, `document.querySelector("#transfer-form button").disabled`))

	// While the person is still typing, a short IBAN is not called wrong.
	b.run(t, choose("#payee", ""), fill("#iban", "FR76 3000 6000"))
	time.Sleep(800 * time.Millisecond) // past the typing pause
	assert.Eventually(t, func() bool {
		return js[string](t, b, `document.querySelector("#iban-warning .trw-region").getAttribute("aria-busy")`) != "true"
	}, 10*time.Second, 50*time.Millisecond)
	verdict, _, _ = b.warningNow("#iban-warning")
	assert.Empty(t, verdict, "no warning for an IBAN being typed")
}

func TestBrowserUploadPage(t *testing.T) {
	b := newBrowser(t)
	dir := t.TempDir()
	plain := filepath.Join(dir, "avis-imposition.txt")
	require.NoError(t, os.WriteFile(plain, []byte("Avis d'impôt 2026\nNuméro fiscal : 1234567890123\nIBAN FR76 3000 6000 0112 3456 7890 189\n"), 0o644))
	sealed := filepath.Join(dir, "passeport.pdf.age")
	require.NoError(t, os.WriteFile(sealed, ageLike(), 0o644))

	b.run(t, chromedp.Navigate(b.base+"/demo/upload"), chromedp.WaitReady(chromedp.CSS("#doc")))
	b.run(t, chromedp.SetUploadFiles(chromedp.CSS("#doc"), []string{plain}))
	verdict, text := b.waitCode(t, "#doc-warning", reflex.StoreSensitive)
	assert.Contains(t, []string{"caution", "danger"}, verdict)
	assert.Contains(t, text, fixed(reflex.StoreSensitive, reflex.French))
	assert.Contains(t, text, "FR76 **** **** 0189", "the IBAN found is shown masked")
	assert.NotContains(t, text, "3000 6000")
	_, codes, _ := b.warningNow("#doc-warning")
	assert.Contains(t, strings.Fields(codes), string(reflex.StorePlaintext))
	assert.Contains(t, text, fixed(reflex.StorePlaintext, reflex.French), "the page says the file is not encrypted")
	b.screenshot(t, "upload-plaintext-fr", "#doc-warning")

	b.run(t, chromedp.SetUploadFiles(chromedp.CSS("#doc"), []string{sealed}))
	verdict, text = b.waitCode(t, "#doc-warning", reflex.StoreEncrypted)
	assert.Equal(t, "ok", verdict)
	assert.Contains(t, text, fixed(reflex.StoreEncrypted, reflex.French))
	b.screenshot(t, "upload-encrypted-fr", "#doc-warning")
}

func TestBrowserEnglishAndAccessibility(t *testing.T) {
	b := newBrowser(t)
	b.run(t, chromedp.Navigate(b.base+"/demo/procedure"), chromedp.WaitReady(chromedp.CSS("#lang-toggle")))
	b.run(t, chromedp.Click(chromedp.CSS("#lang-toggle")), chromedp.WaitReady(chromedp.CSS(`html[lang="en"]`)))

	// Every field has a label; every warning is a live region the field points to.
	unlabelled := js[[]string](t, b, `[...document.querySelectorAll("input, select, textarea")]
		.filter(f => !f.labels || f.labels.length === 0).map(f => f.id)`)
	assert.Empty(t, unlabelled)
	regionOK := js[bool](t, b, `[...document.querySelectorAll("trust-reflex-warning")].every(w => {
		const r = w.querySelector("[role=status][aria-live]");
		const f = document.getElementById(w.getAttribute("for"));
		return !!(r && f && f.getAttribute("aria-describedby").split(" ").includes(r.id));
	})`)
	assert.True(t, regionOK)

	// Keyboard: the first Tab reaches the skip link, which leads to the content.
	b.run(t, chromedp.KeyEvent("\t"))
	assert.Equal(t, "skip", js[string](t, b, `document.activeElement.className`))

	b.run(t, paste("#link", "ants.gouv.fr.secure-verif.com/paiement"))
	verdict, text := b.waitCode(t, "#link-warning", reflex.URLEmbedding)
	assert.Equal(t, "danger", verdict)
	assert.Contains(t, text, "What we saw")
	assert.Contains(t, text, fixed(reflex.URLEmbedding, reflex.English))

	// Contrast: every text of the warning on its background reaches WCAG AA (4.5:1).
	worst := js[float64](t, b, `(() => {
		const lum = (c) => {
			const [r, g, b] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
				v /= 255;
				return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
			});
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		let worst = 21;
		for (const box of document.querySelectorAll(".trw-box")) {
			const bg = lum(getComputedStyle(box).backgroundColor);
			for (const el of [box, ...box.querySelectorAll("*")]) {
				const fg = lum(getComputedStyle(el).color);
				worst = Math.min(worst, (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05));
			}
		}
		return worst;
	})()`)
	assert.GreaterOrEqual(t, worst, 4.5, "contrast ratio of the warning's text")
	b.screenshot(t, "procedure-embedding-en", "#link-warning")
}

// ageLike returns the start of an age-encrypted file: its header, then random-looking
// bytes (the payload).
func ageLike() []byte {
	out := []byte("age-encryption.org/v1\n-> X25519 TEiF0ypqr+bpvcqXNyCVJpL7OuwPdVwPL7KQEbFDOCc\nEmECAEcKN+n/Vs9SbWiV+Hu0r+E8R77DdWYyd83nw7U\n--- Vn+54jqiiUCE+WZcEVY3f1sqHjlu/z1LCQ/T7Xm7qI0\n")
	x := uint32(2463534242)
	for range 4096 {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		out = append(out, byte(x))
	}
	return out
}
