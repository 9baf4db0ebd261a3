package langwords

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestForeign(t *testing.T) {
	for _, tc := range []struct {
		text, lang string
		want       []string
	}{
		{"L'IBAN est bien formé. [FR France, mod 97 and clé RIB right]", "fr", []string{"mod", "and", "right"}},
		{"Official price: taxes du certificat seulement, aucun frais de service", "en", []string{"du", "aucun", "frais", "de"}},
		{"[ants-gouv.fr ~ ants.gouv.fr (hyphenation)]", "fr", []string{"hyphenation"}},
		{"[mode 0644: readable by every user]", "fr", []string{"readable", "by", "every", "user"}},
		{"confirmed 2026-12-06", "fr", []string{"confirmed"}},
		{"Tapez vous-même l'adresse\u00a0: https://immatriculation.ants.gouv.fr/", "fr", nil},
		{"Type the official address yourself: https://www.impots.gouv.fr/", "en", nil},
		{"FR76 **** **** 0189 ≠ FR14 **** **** 2606, le 6 décembre 2026", "fr", nil},
		{"Le site de la CAF (caf.fr) : code, date, message.", "fr", nil},
		{"The site of the CAF: code, date, message.", "en", nil},
		{"the the THE", "fr", []string{"the"}},
		{"This address borrows the name of a company (La Poste).", "en", nil},
	} {
		assert.Equal(t, tc.want, Foreign(tc.text, tc.lang), "%q", tc.text)
	}
}

func TestListsDoNotOverlap(t *testing.T) {
	for w := range englishOnly {
		assert.False(t, frenchOnly[w], w)
	}
}

func TestQuotedValuesAreNotWords(t *testing.T) {
	assert.Empty(t, Foreign("un rapport (type « payment ») par virement", "fr"))
	assert.Empty(t, Foreign("un rapport (type «\u00a0file\u00a0»)", "fr"))
	assert.Equal(t, []string{"the", "file"}, Foreign("« the file »", "fr"), "a quoted phrase is prose")
}

func TestCommandLinesAreNotWords(t *testing.T) {
	assert.Empty(t, Foreign("Créez-en un avec\u00a0: trustcheck vault init", "fr"))
	assert.Empty(t, Foreign("Lancez trustcheck url --for carte-grise avant de payer.", "fr"))
}
