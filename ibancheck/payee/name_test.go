package payee

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestNormalizeName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Jean Dupont", "jean dupont"},
		{"  JEAN   DUPONT  ", "jean dupont"},
		{"M. Jean-Éric DUPONT", "jean eric dupont"},
		{"Mme Hélène Lefèvre-Müller", "helene lefevre muller"},
		{"Mlle Zoé d'Arc", "zoe d arc"},
		{"Dr. François Œuvrard", "francois oeuvrard"},
		{"Me Gaëlle Nguyễn", "gaelle nguyen"},
		{"S.A.R.L. Boulangerie Martin", "boulangerie martin"},
		{"BOULANGERIE MARTIN (SARL)", "boulangerie martin"},
		{"SAS ACME-France", "acme france"},
		{"Dupont & Fils S.A.", "dupont fils"},
		{"M. et Mme Dupont", "dupont"},
		{"SCI Les Tilleuls", "les tilleuls"},
		{"EURL Plomberie 2000", "plomberie 2000"},
		{"Müller GmbH", "muller"},
		{"Straße Bau AG", "strasse bau"},
		{"Łukasz Żółć", "lukasz zolc"},
		{"ACME Ltd.", "acme"},
		{"Ｆｕｌｌｗｉｄｔｈ", "fullwidth"},
		{"ﬁnance", "finance"},
		{"J.P. Conseil", "j p conseil"}, // initials that are no legal form stay
		{"Иван Петров", "иван петров"},
		{"SARL", ""},
		{"M. Mme", ""},
		{"...", ""},
		{"", ""},
	} {
		assert.Equal(t, tc.want, NormalizeName(tc.in), "%q", tc.in)
	}
}

func TestMatchName(t *testing.T) {
	for _, tc := range []struct {
		recorded, given string
		want            NameResult
	}{
		// The published Verification of Payee examples.
		{"Jean Dupont", "Jean Dupont", NameMatch},
		{"Jean Dupont", "Jaen Dupont", NameCloseMatch},
		{"Jean Dupont", "Jean Dupond", NameCloseMatch},
		{"Jean Dupont", "Maxime Dupont", NameNoMatch},

		// Case, accents, punctuation, titles, legal forms, word order.
		{"Jean Dupont", "JEAN DUPONT", NameMatch},
		{"Jean Dupont", "DUPONT Jean", NameMatch},
		{"Jean Dupont", "M. Jean Dupont", NameMatch},
		{"Jean Dupont", "Monsieur DUPONT, Jean", NameMatch},
		{"Hélène Lefèvre", "HELENE LEFEVRE", NameMatch},
		{"Jean-Pierre Martin", "Jean Pierre Martin", NameMatch},
		{"Jean-Pierre Martin", "Jeanpierre Martin", NameMatch},
		{"Jean O'Neil", "Jean ONeil", NameMatch},
		{"Boulangerie Martin", "SARL Boulangerie Martin", NameMatch},
		{"S.A.R.L. BOULANGERIE MARTIN", "Boulangerie Martin", NameMatch},
		{"Plomberie Durand SAS", "SASU Plomberie Durand", NameMatch},
		{"Dr Claire Moreau", "Claire Moreau", NameMatch},
		{"Me Paul Girard", "Maître Paul Girard", NameMatch},
		{"M. et Mme Bernard", "Bernard", NameMatch},
		{"Müller GmbH", "MULLER", NameMatch},
		{"Straße Bau AG", "Strasse Bau", NameMatch},
		{"Sté Dupont & Cie", "Dupont", NameMatch},
		{"Ets Martin Frères", "ETABLISSEMENTS MARTIN FRERES", NameMatch},
		{"Jean-Claude Van Damme", "Jean Claude Vandamme", NameMatch},
		{"Marie-Hélène de La Tour", "Marie Helene Delatour", NameMatch},
		{"Dupont Jean-Pierre", "Jean Pierre DUPONT", NameMatch},
		{"Mme Nguyễn Thị Lan", "NGUYEN THI LAN", NameMatch},
		{"SAS L'Atelier du Pain", "L ATELIER DU PAIN", NameMatch},

		// Close: typos, initials, a missing or extra word.
		{"Jean Dupont", "Jaen Dupond", NameCloseMatch},
		{"Jean Dupont", "J. Dupont", NameCloseMatch},
		{"Jean Dupont", "Dupont", NameCloseMatch},
		{"Jean Dupont", "Jean Dupont Martin", NameCloseMatch},
		{"Müller GmbH", "Mueller GmbH", NameCloseMatch},
		{"Boulangerie Martin", "Boulangerie Martine", NameCloseMatch},
		{"Boulangerie", "Boulangere", NameCloseMatch},
		{"Electricité Générale du Sud", "Electricite Generale du Sud Est", NameCloseMatch},
		{"ACME", "ACME Services", NameCloseMatch},
		{"Dupont", "Dupond", NameCloseMatch},
		{"Paul Girard", "Paul Girad", NameCloseMatch},
		{"Lucia Fernández", "Lucia Fernandes", NameCloseMatch},
		{"Minoterie du Rhône SAS", "Minoterie du Rone", NameCloseMatch},
		{"Claire Durand", "C. Durand", NameCloseMatch},

		// No match: another person, another company, too many differences.
		{"Jean Dupont", "Marie Dupont", NameNoMatch},
		{"Jean Dupont", "Jeanne Dupont", NameNoMatch},
		{"Jean Dupont", "Jean Dupuis", NameNoMatch},
		{"Jean Dupont", "Jean Martin", NameNoMatch},
		{"Jean Dupont", "J. Dupond", NameNoMatch}, // an initial and a typo
		{"Jean Dupont", "J. Martin", NameNoMatch},
		{"Jean Dupont", "Joan Dupond Martin", NameNoMatch},
		{"Jean", "Joan", NameNoMatch}, // too short for a typo to be sure
		{"ACME", "ACME Services Paris", NameNoMatch},
		{"Boulangerie Martin", "Boucherie Martin", NameNoMatch},
		{"EDF", "GDF", NameNoMatch},
		{"Orange", "Free Mobile", NameNoMatch},
		{"EDF SA", "Electricité de France", NameNoMatch}, // acronyms are not expanded
		{"Claire Durand", "Claude Durand", NameNoMatch},
		{"SCI Les Tilleuls", "SCI Les Tilleuls Investissements Paris", NameNoMatch},
		{"Plomberie Durand", "Plomberie Durand Fils Paris Nord", NameNoMatch},

		// Not possible: nothing to compare.
		{"", "Jean Dupont", NameNotPossible},
		{"Jean Dupont", "", NameNotPossible},
		{"SARL", "SARL Dupont", NameNotPossible},
		{"Jean Dupont", "M. ---", NameNotPossible},
	} {
		got := MatchName(tc.recorded, tc.given)
		assert.Equal(t, tc.want, got, "%q vs %q: %s", tc.recorded, tc.given, got)
		assert.Equal(t, got, MatchName(tc.given, tc.recorded), "symmetric: %q vs %q", tc.given, tc.recorded)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"jean", "jean", 0}, {"jean", "jaen", 1}, {"dupont", "dupond", 1},
		{"jean", "jeanne", 2}, {"maxime", "jean", 3}, {"ab", "ba", 1}, {"é", "e", 1},
	} {
		assert.Equal(t, tc.want, editDistance(tc.a, tc.b, 2), "%q %q", tc.a, tc.b)
	}
}

func TestNameResultString(t *testing.T) {
	assert.Equal(t, "match", NameMatch.String())
	assert.Equal(t, "close match", NameCloseMatch.String())
	assert.Equal(t, "no match", NameNoMatch.String())
	assert.Equal(t, "not possible", NameNotPossible.String())
	assert.Equal(t, "unknown", NameResult(9).String())
}

func TestNameBoundedWork(t *testing.T) {
	long := strings.Repeat("Jean Dupont ", 10000)
	assert.LessOrEqual(t, len(NormalizeName(long)), maxNameBytes)
	assert.Equal(t, NameMatch, MatchName(long, long))
}

func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{"M. Jean-Éric DUPONT", "S.A.R.L. Boulangerie", "m s a", "Łukasz", "ﬁ", "\xff\xfe", "a b m"} {
		f.Add(s, "Jean Dupont")
	}
	f.Fuzz(func(t *testing.T, s, other string) {
		n := NormalizeName(s)
		if NormalizeName(n) != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, NormalizeName(n))
		}
		if !utf8.ValidString(n) || strings.Contains(n, "  ") || strings.TrimSpace(n) != n {
			t.Fatalf("bad form %q", n)
		}
		if len(n) > 4*maxNameBytes {
			t.Fatalf("unbounded output: %d bytes", len(n))
		}
		self := MatchName(s, s)
		if (n == "") != (self == NameNotPossible) || n != "" && self != NameMatch {
			t.Fatalf("MatchName(%q, itself) = %s", s, self)
		}
		if MatchName(s, other) != MatchName(other, s) {
			t.Fatalf("not symmetric: %q %q", s, other)
		}
	})
}
