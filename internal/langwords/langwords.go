// Package langwords finds words of the other language in a text a person reads: English
// words in a French text, French words in an English one. Tests of every package that
// renders text use it, so that "Official price: taxes du certificat" or "[FR France,
// mod 97 and clé RIB right]" cannot come back.
//
// It knows the common words of each language (function words, and the words of this
// project's texts: files, payments, sites), minus the words both languages share
// ("site", "code", "date", "message", "transfer" is English only). Names, hosts, URLs,
// numbers, acronyms and masked values are not words of either language: tokens with a
// digit, a dot, a slash, an @, no lower-case letter or a capital first letter are
// skipped.
package langwords

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Foreign returns the words of text that belong to the other language than lang ("fr"
// or "en"), in order, without duplicates.
func Foreign(text, lang string) []string {
	text = commandLine.ReplaceAllString(text, " ") // "trustcheck vault init" is code, not words
	text = quotedWord.ReplaceAllString(text, " ")  // « payment », "none": a value quoted as is
	other := englishOnly
	if lang == "en" {
		other = frenchOnly
	}
	var found []string
	for _, tok := range tokens(text) {
		w := strings.ToLower(tok)
		if other[w] && !slices.Contains(found, w) {
			found = append(found, w)
		}
	}
	return found
}

// tokens splits text into candidate words: runs of letters (apostrophes split French
// elisions: "l'IBAN" is "l" and "IBAN"), skipping runs glued to digits, dots, slashes
// or @ (hosts, URLs, masked numbers), and all-capital acronyms.
func tokens(text string) []string {
	var out []string
	for field := range strings.FieldsFuncSeq(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`,;:!?()[]{}«»"“”…–—·→=≠~+*<>`, r)
	}) {
		if strings.ContainsAny(field, "./@\\_#%&$|0123456789") || strings.HasPrefix(field, "-") {
			continue // a host, a path, a number, a masked value, a flag, a variable
		}
		for part := range strings.FieldsFuncSeq(field, func(r rune) bool { return r == '\'' || r == '’' || r == '-' }) {
			if !strings.ContainsFunc(part, unicode.IsLower) {
				continue // an acronym (IBAN, BIC, SEPA) or a code
			}
			if r, _ := utf8.DecodeRuneInString(part); unicode.IsUpper(r) {
				continue // a name (La Poste), or a sentence's first word: the rest of it still counts
			}
			out = append(out, part)
		}
	}
	return out
}

// commandLine matches a command of the trustcheck CLI quoted in a text.
var commandLine = regexp.MustCompile(`trustcheck( +-{0,2}[a-z][a-z-]*)*`)

// quotedWord matches one word alone between quotes: a value cited as it is written.
var quotedWord = regexp.MustCompile(`«[\s\x{a0}\x{202f}]*[\pL\d-]+[\s\x{a0}\x{202f}]*»|"[\pL\d-]+"|'[\pL\d-]+'`)

var englishOnly, frenchOnly = only(english, french), only(french, english)

func only(words, others string) map[string]bool {
	shared := map[string]bool{}
	for _, w := range strings.Fields(others) {
		shared[w] = true
	}
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		if len([]rune(w)) > 1 && !shared[w] && !bothLanguages[w] { // single letters: elisions, "a"
			m[w] = true
		}
	}
	return m
}

// bothLanguages are written the same way in French and English texts.
var bothLanguages = map[string]bool{
	"site": true, "sites": true, "code": true, "codes": true, "date": true, "message": true, "messages": true,
	"format": true, "formats": true, "important": true, "total": true, "simple": true, "service": true,
	"services": true, "type": true, "mode": true, "note": true, "national": true, "international": true,
	"on": true, "a": true, "me": true, "ne": false, "permission": true, "permissions": true, "protection": true,
	"page": true, "pages": true, "client": true, "contact": true, "a-t-il": true, "suspect": true, "normal": true,
	"vignette": true, "chat": true, "bureau": true, "standard": true, "signal": true, "email": true, "mail": true,
	"identification": true, "information": true, "informations": true, "application": true, "applications": true,
	"question": true, "questions": true, "action": true, "actions": true, "encryption": false, "support": true,
	"option": true, "options": true, "minute": true, "minutes": true, "message-ci": true, "sms": true,
}

// english holds common English words and those of this project's texts.
const english = `
the a an and or but not no nor of to in on at by for from with without about into onto over under
this that these those it its it's is are was were be been being am do does did done has have had
will would shall should can could may might must you your yours we our us they their them he she his her
who whom which what when where why how there here then than so as if else all any each every some
none nothing something anything one two three first last next only also just still yet again ever never
more most less least very too much many few other another same such own both either neither
file files folder folders checked check checks checking confirmed confirm revoked revoke characters
character expected right wrong text readable user users every payee payees book books transfer
transfers flagged stop stopped found known unknown number numbers name names account accounts bank
banks holder key keys password passwords encrypted encryption plain clear copy copies weak strong
safe vault vaults document documents data personal address addresses official site link links
procedure procedures free price fee fees pay paid payment payments tax taxes amount amounts
there's don't doesn't isn't aren't can't won't
go goes going gone went get gets got make makes made take takes took give gives given see seen saw
keep kept use used using type typed call called ask asked send sent open opened read write written
changed changes new old same different before after while during since until because
please yourself itself themselves first last left right up down out off back
mod hyphenation omission addition repetition replacement transposition homoglyph keyboard
swapped suffix vowel bit flip glued embedded inside path userinfo letters digits missing added
error errors could cannot stopped too long took access denied rights allow reading such folder
record recorded entry history instead characters expected
`

// french holds common French words and those of this project's texts.
const french = `
le la les l un une des du de d et ou mais ni ne pas plus jamais rien personne aucun aucune
ce cet cette ces c ça cela ceci celui celle ceux celles qui que qu quoi dont où quand comment pourquoi
je j tu il elle on nous vous ils elles me m te t se s lui leur leurs y en
mon ma mes ton ta tes son sa ses notre nos votre vos
est sont était étaient être été a ont avait avaient avoir eu fait faire font
sur sous dans par pour avec sans chez vers entre avant après pendant depuis jusqu
tout tous toute toutes chaque quelque quelques autre autres même mêmes tel telle tels telles
seul seule seuls seules aussi encore déjà toujours très trop peu beaucoup moins bien mal
si alors donc car puis ainsi comme
fichier fichiers dossier dossiers vérifié vérifiée vérifiés vérification vérifier vérifiez
confirmé confirmée confirmer confirmez retiré retirée caractères caractère attendu attendus juste
faux fausse lisible lisibles utilisateur utilisateurs bénéficiaire bénéficiaires carnet virement
virements signalé signalés arrêter trouvé trouvés connu connue inconnu inconnue numéro numéros nom
noms compte comptes banque banques titulaire clé clés mot passe chiffré chiffrée chiffrés chiffrement
clair copie copies faible fort sûr coffre coffres document documents données personnelles personnel
adresse adresses officiel officielle officiels lien liens démarche démarches gratuit gratuite prix
frais payer payez paiement paiements taxe taxes montant montants
aller allez prendre prenez donner donnez voir vu garder gardez utiliser utilisez taper tapez
appeler appelez demander demandez envoyer envoyez ouvrir ouvrez lire écrire écrit
changé changement nouveau nouvelle ancien ancienne différent différente parce
vous-même lui-même eux-mêmes
erreur erreurs impossible interrompue longtemps accès refusé droits lire
enregistré enregistrer entrée historique au lieu aux
`
