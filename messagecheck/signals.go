package messagecheck

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// The message-level rules come from the official advice given to the public
// (Cybermalveillance.gouv.fr's fiches réflexes, the ANTAI, the Assurance Maladie, the
// DGFiP): a public body never asks for a payment or bank details by SMS or mail (fines
// are paid on the spot to an officer, or on the official site from a paper notice); a
// "new bank details" message is the faux-RIB trick; urgency plus payment is the
// pressure of every scam. Phrases are written folded: lower case, no accents, words
// separated by one space (see fold).

// publicBody is an organisation that scammers impersonate.
type publicBody struct {
	name  string     // as shown to the person: "ANTAI"
	site  string     // its official site, suggested instead of the message's links
	words phraseList // folded phrases that name it or its business
}

var publicBodies = []publicBody{
	{"ANTAI", "https://www.antai.gouv.fr/", phrases("antai", "amende", "amendes", "contravention", "avis de contravention", "proces verbal", "infraction routiere")},
	{"Assurance Maladie", "https://www.ameli.fr/", phrases("assurance maladie", "ameli", "carte vitale", "cpam")},
	{"Finances publiques / impôts", "https://www.impots.gouv.fr/", phrases("impots", "impot", "dgfip", "finances publiques", "tresor public", "taxe d habitation", "taxe fonciere")},
	{"CAF", "https://www.caf.fr/", phrases("caf", "allocations familiales", "caisse d allocations")},
	{"France Travail", "https://www.francetravail.fr/", phrases("france travail", "pole emploi")},
	{"ANTS", "https://ants.gouv.fr/", phrases("ants", "carte grise", "certificat d immatriculation", "permis de conduire", "titres securises")},
	{"Urssaf", "https://www.urssaf.fr/", phrases("urssaf")},
	{"Crit'Air", "https://www.certificat-air.gouv.fr/", phrases("crit air", "critair", "vignette crit")},
	{"Mon Compte Formation", "https://www.moncompteformation.gouv.fr/", phrases("cpf", "compte formation", "mon compte formation")},
}

// payRequest: the message asks to pay (imperatives, infinitives, fees).
var payRequest = phrases(
	"payez", "payer", "reglez", "regler", "acquittez", "acquitter", "regularisez", "regulariser",
	"effectuez le paiement", "effectuer le paiement", "proceder au paiement", "procedez au paiement",
	"frais d envoi", "frais de livraison", "frais de dossier", "frais de port", "frais de renouvellement",
	"pay", "pay now", "payment required",
)

// bankDetails: what a scammer wants to collect.
var bankDetails = phrases(
	"coordonnees bancaires", "rib", "iban", "carte bancaire", "numero de carte", "cryptogramme",
	"carte de credit", "bank details", "card number", "banking details",
)

// dataRequest: verbs asking the person to give or confirm something.
var dataRequest = phrases(
	"mettre a jour", "mettez a jour", "confirmer", "confirmez", "renseigner", "renseignez", "saisir",
	"saisissez", "communiquer", "communiquez", "transmettre", "transmettez", "indiquer", "indiquez",
	"envoyer", "envoyez", "verifier", "verifiez", "completer", "completez", "actualiser", "actualisez",
	"cliquez", "update", "confirm", "enter your", "send us",
)

// refundBait: the "you are owed money" variant, which leads to a form asking for card
// details.
var refundBait = phrases("remboursement", "rembourse", "trop percu", "refund", "vous etes eligible")

var newBankDetails = phrases(
	"coordonnees bancaires ont change", "coordonnees bancaires ont ete modifiees",
	"coordonnees bancaires ont ete mises a jour", "changement de coordonnees bancaires",
	"nouvelles coordonnees bancaires", "nouvelles coordonnees de paiement", "nouveau rib", "nouvel iban",
	"nouveau compte bancaire", "changement de rib", "changement d iban", "changement de banque",
	"rib a change", "iban a change", "rib a ete modifie", "nous avons change de banque",
	"modification de nos coordonnees bancaires", "mise a jour de nos coordonnees bancaires",
	"new bank details", "bank details have changed", "new banking details", "updated bank details",
	"changed our bank", "new account details",
)

var urgency = phrases(
	"urgent", "urgence", "immediatement", "sans delai", "dernier rappel", "derniere relance", "dernier avis",
	"derniere chance", "sous 24h", "sous 24 h", "sous 48h", "sous 48 h", "sous 72h", "dans les 24h",
	"dans les 24 h", "dans les 48h", "avant ce soir", "aujourd hui", "majoration", "majoree", "majore",
	"poursuites", "huissier", "sera suspendu", "sera suspendue", "sera bloque", "sera bloquee",
	"expire", "expiration", "au plus vite", "dans les plus brefs delais", "immediately",
	"within 24 hours", "final notice", "last reminder", "today",
)

// negations cancel a phrase when one of them comes within negationWindow words before it:
// "vous n'avez rien à payer", "nous ne vous demanderons jamais vos coordonnées bancaires".
var negations = map[string]bool{"rien": true, "jamais": true, "aucun": true, "aucune": true, "never": true, "nothing": true}

const negationWindow = 4

var amount = regexp.MustCompile(`(?i)\d{1,6}(?:[.,]\d{1,2})?\s?(?:€|eur\b|euros?\b)|€\s?\d{1,6}`)

// signals are the message-level facts found in a message.
type signals struct {
	body    *publicBody // the public body named first, if any
	pay     bool        // asks to pay
	bank    bool        // asks for bank details (or baits with a refund and a link)
	amount  bool        // shows an amount of money
	newBank string      // the "new bank details" phrase found
	urgent  string      // the urgency phrase found
}

// scanSignals finds the message-level facts; hasLink says whether the message holds a
// link (a request to "confirm your bank details" needs somewhere to do it).
func scanSignals(text string, hasLink bool) signals {
	words := fold(text)
	var s signals
	first := len(words)
	for i := range publicBodies {
		if _, at, ok := findPhrase(words, publicBodies[i].words); ok && at < first {
			s.body, first = &publicBodies[i], at
		}
	}
	_, _, s.pay = findPhrase(words, payRequest)
	// The regexp only where a currency is written: it is the slowest step on long texts.
	s.amount = (strings.Contains(text, "€") || indexFold(text, "eur") >= 0) && amount.MatchString(text)
	_, _, details := findPhrase(words, bankDetails)
	_, _, asks := findPhrase(words, dataRequest)
	_, _, refund := findPhrase(words, refundBait)
	s.bank = details && (asks || hasLink) || refund && hasLink
	s.newBank, _, _ = findPhrase(words, newBankDetails)
	s.urgent, _, _ = findPhrase(words, urgency)
	return s
}

// fold returns the words of text in lower case without accents: "Réglez l'amende !"
// gives [reglez l amende].
func fold(text string) []string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, text)
	if err != nil {
		folded = text
	}
	return strings.FieldsFunc(strings.ToLower(folded), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// phraseList holds phrases split into words once, indexed by their first word so that
// a message is scanned in one pass whatever the number of phrases.
type phraseList struct {
	byFirst map[string][][]string
}

func phrases(list ...string) phraseList {
	pl := phraseList{byFirst: make(map[string][][]string, len(list))}
	for _, p := range list {
		words := strings.Split(p, " ")
		pl.byFirst[words[0]] = append(pl.byFirst[words[0]], words)
	}
	return pl
}

// findPhrase returns the first phrase of the list found as whole words in words, not
// negated, with the index of its first word.
func findPhrase(words []string, list phraseList) (phrase string, at int, ok bool) {
	for i, w := range words {
		for _, p := range list.byFirst[w] {
			if matchAt(words, i, p) && !negated(words, i) {
				return strings.Join(p, " "), i, true
			}
		}
	}
	return "", -1, false
}

func matchAt(words []string, i int, phrase []string) bool {
	if len(words)-i < len(phrase) {
		return false
	}
	for k, w := range phrase {
		if words[i+k] != w {
			return false
		}
	}
	return true
}

func negated(words []string, i int) bool {
	for k := max(0, i-negationWindow); k < i; k++ {
		if negations[words[k]] {
			return true
		}
	}
	return false
}
