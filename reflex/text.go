package reflex

import (
	"maps"
	"slices"
	"strings"
)

// TextID names a text of the catalogue that is not a finding's own message or reflex:
// a label, an error a person reads, a word of a vocabulary ("pii.nir", "month.12").
// Ids are stable, dotted and lower-case.
type TextID string

// phrase is one text in French and in English.
type phrase struct{ fr, en string }

func (p phrase) in(lang Lang) string {
	if lang == English {
		return p.en
	}
	return p.fr
}

// textTables lists the tables of texts (texts_*.go), one per domain. Each id is in
// exactly one table; the tests check it.
var textTables = map[string]map[TextID]phrase{
	"general":    generalTexts,
	"error":      errorTexts,
	"check":      checkErrorTexts,
	"vault":      vaultTexts,
	"server":     serverTexts,
	"country":    countryTexts,
	"iban":       ibanVocabulary,
	"payment":    paymentVocabulary,
	"vocabulary": vocabularyTexts,
	"store":      storeTexts,
	"url":        urlTexts,
	"message":    messageTexts,
}

var texts = mergeTexts(textTables)

func mergeTexts(tables map[string]map[TextID]phrase) map[TextID]phrase {
	all := make(map[TextID]phrase)
	for _, t := range tables {
		for id, p := range t {
			all[id] = phrase{fr: typeset(p.fr), en: p.en}
		}
	}
	return all
}

// TextIDs returns the id of every text of the catalogue, sorted.
func TextIDs() []TextID {
	return slices.Sorted(maps.Keys(texts))
}

// Text is a text of the catalogue with the values of its placeholders: what a label
// or an error says to a person, rendered in their language by [Text.In].
type Text struct {
	ID     TextID
	Params map[string]string
}

// NewText returns the text id with its parameters given as name, value pairs.
func NewText(id TextID, nameValues ...string) Text {
	t := Text{ID: id}
	if len(nameValues) > 1 {
		t.Params = make(map[string]string, len(nameValues)/2)
		for i := 0; i+1 < len(nameValues); i += 2 {
			t.Params[nameValues[i]] = nameValues[i+1]
		}
	}
	return t
}

// In renders the text in lang. An unknown id renders as the id itself, so that nothing
// is silently dropped.
func (t Text) In(lang Lang) string {
	p, ok := texts[t.ID]
	if !ok {
		return string(t.ID)
	}
	return filler{lang: lang, params: t.Params}.fill(p.in(lang))
}

// Label returns the word a person reads for the severity, as the CLI and the web
// component show it: "Vérifié", "À savoir", "Attention", "Danger" in French.
func (s Severity) Label(lang Lang) string {
	if s < OK || s > Danger {
		return s.String()
	}
	return Text{ID: TextID("severity." + s.String())}.In(lang)
}

// Typeset applies the typography of lang to a text written with plain spaces: in
// French, a no-break space before « : », « ; », « ! », « ? » and inside guillemets
// (the catalogue's French texts are typeset this way; programs may do the same with
// their own texts). English text is returned as it is.
func Typeset(s string, lang Lang) string {
	if lang == English {
		return s
	}
	return typeset(s)
}

// typeset applies French typography to a French template: a no-break space before
// « : », « ; », « ! », « ? » and inside guillemets, so a line never breaks there. The
// catalogue is written with plain spaces; the tests check that no plain quote is left.
func typeset(s string) string {
	if !strings.ContainsAny(s, ":;!?«»") {
		return s
	}
	r := strings.NewReplacer(
		" :", nbsp+":",
		" ;", narrowNbsp+";",
		" !", narrowNbsp+"!",
		" ?", narrowNbsp+"?",
		"« ", "«"+nbsp,
		" »", nbsp+"»",
	)
	return r.Replace(s)
}
