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
