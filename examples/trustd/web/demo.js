// demo.js: what a partner page does with the warnings: hold back its "continue"
// button while a warning says danger. The warnings themselves come from trust-reflex.js.
(() => {
  "use strict";
  const fr = (document.documentElement.lang || "fr").startsWith("fr");
  const say = {
    blocked: fr ? "Bouton désactivé : suivez d'abord le conseil affiché ci-dessus." : "Button disabled: first follow the advice shown above.",
    sent: fr ? "Démo : rien n'est envoyé ni ouvert." : "Demo: nothing is sent or opened.",
  };
  for (const form of document.querySelectorAll("form.guarded")) {
    const button = form.querySelector("button[type=submit]");
    const status = form.querySelector(".form-status");
    form.addEventListener("trust-reflex", (e) => {
      if (!button) return;
      const danger = !!(e.detail && e.detail.verdict === "danger");
      button.disabled = danger;
      button.title = danger ? say.blocked : "";
      if (status) status.textContent = danger ? say.blocked : "";
    });
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      if (status) status.textContent = say.sent;
    });
  }
})();
