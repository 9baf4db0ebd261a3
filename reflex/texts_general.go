package reflex

// Labels and words shared by every renderer: the CLI's text output, trustd's answers
// and the web component (which trustd serves them to, so that all agree).
var generalTexts = map[TextID]phrase{
	// Verdict words, one per severity (Severity.Label).
	"severity.ok":      {"Vérifié", "Verified"},
	"severity.info":    {"À savoir", "Good to know"},
	"severity.caution": {"Attention", "Caution"},
	"severity.danger":  {"Danger", "Danger"},

	// The word shown instead of a verdict for a subject that could not be checked.
	"label.could-not-check": {"Erreur", "Error"},

	// What an in-flow warning (trustd's web component) says around the reports.
	"label.checking": {"Vérification en cours…", "Checking…"},
	"label.failed":   {"Vérification impossible pour le moment. En cas de doute, ne continuez pas.", "Cannot check right now. If in doubt, do not go on."},
	"label.seen":     {"Ce que nous avons vu :", "What we saw:"},
	"label.nothing":  {"Nous n'avons rien repéré d'anormal. En cas de doute, contactez l'organisme par ses moyens habituels.", "We found nothing unusual. If in doubt, contact the organisation through its usual channels."},
}

// Labels returns, by name, the words that every renderer of reports shows, so that a
// CLI, a server and a web component always agree: the verdict word of each severity
// ("ok", "info", "caution", "danger", as Severity.Label), "could-not-check", and the
// words of an in-flow warning ("checking", "failed", "seen", "nothing").
func Labels(lang Lang) map[string]string {
	out := make(map[string]string, 9)
	for s := OK; s <= Danger; s++ {
		out[s.String()] = s.Label(lang)
	}
	for _, name := range []string{"could-not-check", "checking", "failed", "seen", "nothing"} {
		out[name] = Text{ID: TextID("label." + name)}.In(lang)
	}
	return out
}

// vocabularyTexts are the words that formats of placeholders use: months of dates,
// the last link of a list.
var vocabularyTexts = map[TextID]phrase{
	"list.and": {"et", "and"},
	"month.1":  {"janvier", "January"},
	"month.2":  {"février", "February"},
	"month.3":  {"mars", "March"},
	"month.4":  {"avril", "April"},
	"month.5":  {"mai", "May"},
	"month.6":  {"juin", "June"},
	"month.7":  {"juillet", "July"},
	"month.8":  {"août", "August"},
	"month.9":  {"septembre", "September"},
	"month.10": {"octobre", "October"},
	"month.11": {"novembre", "November"},
	"month.12": {"décembre", "December"},
}
