// trust-reflex.js: in-flow trust warnings for a partner page. No dependency, no
// external asset; works with the trustd HTTP API (POST /v1/check/{kind}).
//
// Include the script, then put the element right after the field it watches:
//
//   <script src="/trust-reflex.js" defer></script>
//   <label for="link">Lien reçu</label> <input id="link">
//   <trust-reflex-warning for="link" kind="url"></trust-reflex-warning>
//
// Attributes:
//   for          id of the watched field (input, textarea, or input type=file)
//   kind         url | iban | payment | message | file
//   endpoint     base URL of trustd (default: this page's origin)
//   lang         fr | en (default: the page's <html lang>, else fr)
//   procedure-field  (url) id of a field holding the procedure id ("for")
//   payee-field, name-field, bic-field  (payment) ids of the payee, name and BIC fields
//
// The element shows the reflex (the one safe action) first, then what was seen, in a
// live region that screen readers announce; it sets aria-invalid on the field for a
// danger, "verdict" and "codes" (the findings' codes) attributes on itself, and dispatches a bubbling "trust-reflex"
// event whose detail is the report (wire format), so that the page can hold back its
// "continue" button.
(() => {
  "use strict";
  if (customElements.get("trust-reflex-warning")) return;

  // The words of the warning, in French and English, from the trustreflex catalogue:
  // trustd writes them here when it serves this file (GET /v1/labels gives the same).
  const TEXT = /*LABELS*/{ fr: {}, en: {} };
  const ICON = { danger: "✖", caution: "⚠", info: "ℹ", ok: "✓" };
  const RANK = { ok: 0, info: 1, caution: 2, danger: 3 };

  // Colours meet WCAG AA contrast (at least 4.5:1) on their backgrounds.
  const CSS = `
trust-reflex-warning { display: block; }
trust-reflex-warning .trw-box { margin: .4em 0 1em; padding: .6em .8em; border-left: .35em solid; border-radius: .25em; font-size: 1rem; line-height: 1.4; }
trust-reflex-warning .trw-danger { background: #fdecea; color: #7a0b0b; border-color: #b3261e; }
trust-reflex-warning .trw-caution { background: #fff4ce; color: #5c4300; border-color: #9a6b00; }
trust-reflex-warning .trw-info { background: #e8f0fb; color: #1d3d6b; border-color: #2c5aa0; }
trust-reflex-warning .trw-ok { background: #e6f4ea; color: #0b5d1e; border-color: #1e7e34; }
trust-reflex-warning .trw-muted { background: #f3f3f3; color: #333; border-color: #777; }
trust-reflex-warning .trw-title { font-weight: 700; margin: 0 0 .2em; }
trust-reflex-warning .trw-reflex { font-weight: 700; margin: 0 0 .2em; }
trust-reflex-warning .trw-message { margin: 0 0 .2em; }
trust-reflex-warning .trw-evidence { font-size: .9em; margin: 0; overflow-wrap: anywhere; }
trust-reflex-warning ul { margin: .2em 0 0; padding-left: 1.2em; }
`;
  let styled = false;
  function adoptStyles() {
    if (styled) return;
    styled = true;
    // A constructed sheet: no inline <style>, so a strict Content-Security-Policy holds.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }

  let counter = 0;

  class TrustReflexWarning extends HTMLElement {
    connectedCallback() {
      adoptStyles();
      this.abort = new AbortController();
      const signal = this.abort.signal;
      if (!this.region) { // once, even if the element is moved in the page
        this.region = document.createElement("div");
        this.region.id = "trw-" + (++counter);
        this.region.className = "trw-region";
        this.region.setAttribute("role", "status");
        this.region.setAttribute("aria-live", "polite");
        this.region.setAttribute("aria-atomic", "true");
        this.appendChild(this.region);
      }

      this.field = document.getElementById(this.getAttribute("for") || "");
      if (!this.field) {
        console.warn(`trust-reflex-warning: no field with id "${this.getAttribute("for")}" (attribute for)`);
        return;
      }
      const described = (this.field.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
      if (!described.includes(this.region.id)) described.push(this.region.id);
      this.field.setAttribute("aria-describedby", described.join(" "));

      const kind = this.kind;
      const on = (el, type, fn) => el && el.addEventListener(type, fn, { signal });
      const later = (ms) => () => this.schedule(ms, false);
      const now = () => this.schedule(0, true);
      switch (kind) {
        case "file":
          on(this.field, "change", now);
          break;
        case "url":
          on(this.field, "paste", () => this.schedule(0, true));
          on(this.field, "input", later(700));
          on(this.field, "change", now);
          on(this.byId("procedure-field"), "change", now);
          break;
        case "iban":
        case "payment":
          on(this.field, "input", later(350));
          on(this.field, "blur", now);
          for (const a of ["payee-field", "name-field", "bic-field"]) {
            on(this.byId(a), "change", now);
          }
          break;
        default: // message
          on(this.field, "paste", () => this.schedule(0, true));
          on(this.field, "input", later(800));
          on(this.field, "change", now);
      }
    }

    disconnectedCallback() {
      if (this.abort) this.abort.abort();
      clearTimeout(this.timer);
    }

    get kind() { return (this.getAttribute("kind") || "url").toLowerCase(); }

    get lang() {
      const l = (this.getAttribute("lang") || (this.closest("[lang]") || document.documentElement).getAttribute("lang") || "fr").slice(0, 2).toLowerCase();
      return l === "en" ? "en" : "fr";
    }

    get endpoint() { return (this.getAttribute("endpoint") || "").replace(/\/+$/, ""); }

    byId(attr) {
      const id = this.getAttribute(attr);
      return id ? document.getElementById(id) : null;
    }

    schedule(ms, final) {
      clearTimeout(this.timer);
      // Let a paste land in the field before reading it.
      this.timer = setTimeout(() => this.check(final), ms);
    }

    // check sends the field's value to trustd and shows the answer. While the person is
    // still typing an IBAN, an unfinished one is not reported as wrong.
    async check(final) {
      const kind = this.kind;
      if (this.pending) this.pending.abort();
      const pending = new AbortController();
      this.pending = pending;
      let url, init;
      if (kind === "file") {
        const file = this.field.files && this.field.files[0];
        if (!file) return this.clear();
        url = `${this.endpoint}/v1/check/file?name=${encodeURIComponent(file.name)}&lang=${this.lang}`;
        init = { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" } };
      } else {
        const value = this.field.value.trim();
        if (!value) return this.clear();
        const body = { subject: value, lang: this.lang };
        let endpointKind = kind;
        if (kind === "iban" || kind === "payment") {
          const compact = value.replace(/[\s-]/g, "");
          if (compact.length < 15 && !final) return this.clear();
        }
        if (kind === "url") {
          const proc = this.byId("procedure-field");
          if (proc && proc.value) body.for = proc.value;
        }
        if (kind === "payment") {
          const payee = this.byId("payee-field");
          if (payee && payee.value) {
            body.payee = payee.value;
            const name = this.byId("name-field");
            const bic = this.byId("bic-field");
            if (name && name.value.trim()) body.name = name.value.trim();
            if (bic && bic.value.trim()) body.bic = bic.value.trim();
          } else {
            endpointKind = "iban"; // no saved payee chosen: check the IBAN alone
          }
        }
        url = `${this.endpoint}/v1/check/${endpointKind}`;
        init = { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } };
      }
      // Until the answer, the element shows no verdict (the page keeps its state).
      this.removeAttribute("verdict");
      this.removeAttribute("codes");
      // aria-busy: screen readers wait for the answer instead of announcing "checking".
      this.region.setAttribute("aria-busy", "true");
      this.showText("muted", TEXT[this.lang].checking, false);
      let report;
      try {
        const res = await fetch(url, { ...init, signal: pending.signal });
        report = await res.json();
        if (!res.ok && !report.findings) throw new Error(report.error || res.statusText);
      } catch (err) {
        if (pending.signal.aborted) return;
        this.showText("caution", TEXT[this.lang].failed, true);
        this.setVerdict(null);
        return;
      }
      if (pending.signal.aborted) return;
      if (report.error) {
        this.showText("caution", TEXT[this.lang].failed, true);
        this.setVerdict(null);
        return;
      }
      const typing = !final && document.activeElement === this.field;
      if (typing && report.findings.some((f) => f.code === "iban.invalid-length")) return this.clear();
      this.render(report);
      this.setVerdict(report);
    }

    clear() {
      if (this.pending) this.pending.abort();
      this.region.setAttribute("aria-busy", "false");
      this.region.replaceChildren();
      this.setVerdict(null);
    }

    setVerdict(report) {
      this.region.setAttribute("aria-busy", "false");
      const verdict = report ? report.verdict : "";
      if (verdict) {
        this.setAttribute("verdict", verdict);
        this.setAttribute("codes", report.findings.map((f) => f.code).join(" "));
      } else {
        this.removeAttribute("verdict");
        this.removeAttribute("codes");
      }
      if (this.field) {
        if (verdict === "danger") this.field.setAttribute("aria-invalid", "true");
        else this.field.removeAttribute("aria-invalid");
      }
      this.dispatchEvent(new CustomEvent("trust-reflex", { bubbles: true, detail: report }));
    }

    showText(kind, text, urgent) {
      const box = el("div", "trw-box trw-" + kind);
      box.append(el("p", "trw-message", text));
      this.region.setAttribute("aria-live", urgent ? "assertive" : "polite");
      this.region.replaceChildren(box);
    }

    // render shows the one reflex first (what to do), then what was seen: the
    // messages of the most severe findings. Text only (textContent): nothing from the answer is read as HTML.
    render(report) {
      const t = TEXT[this.lang];
      const verdict = report.verdict;
      const top = report.findings.filter((f) => f.severity === verdict);
      const box = el("div", "trw-box trw-" + verdict);
      const title = el("p", "trw-title");
      const icon = el("span", "", ICON[verdict] + " ");
      icon.setAttribute("aria-hidden", "true");
      title.append(icon, t[verdict]);
      box.append(title);
      if (top.length === 0) { // no finding at all: say so, without promising safety
        this.showText("muted", t.nothing, false);
        return;
      }
      // One safe action: the reflex of the most severe finding (findings come sorted).
      if (top[0].reflex) box.append(el("p", "trw-reflex", top[0].reflex));
      if (verdict === "ok") {
        box.replaceChildren(title, el("p", "trw-message", top[0].message));
      } else {
        box.append(el("p", "trw-message", t.seen));
        const list = el("ul", "");
        // The most severe findings, then what else is worth knowing ("not encrypted").
        const seen = report.findings.filter((f) => RANK[f.severity] >= RANK.info);
        for (const f of seen.slice(0, 3)) {
          const item = el("li", "", f.message);
          if (f.evidence) item.append(el("p", "trw-evidence", f.evidence));
          list.append(item);
        }
        box.append(list);
      }
      this.region.setAttribute("aria-live", verdict === "danger" ? "assertive" : "polite");
      this.region.replaceChildren(box);
    }
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  customElements.define("trust-reflex-warning", TrustReflexWarning);
})();
