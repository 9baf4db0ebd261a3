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

// urgencies are the kinds of pressure a message puts on, each rendered by the catalogue
// (urgency.KIND) in the reader's language: the message's own words are never quoted.
var urgencies = []struct {
	kind  string
	words phraseList
}{
	{"deadline", phrases("immediatement", "sans delai", "sous 24h", "sous 24 h", "sous 48h", "sous 48 h", "sous 72h",
		"dans les 24h", "dans les 24 h", "dans les 48h", "avant ce soir", "aujourd hui", "au plus vite",
		"dans les plus brefs delais", "immediately", "within 24 hours", "today")},
	{"last-notice", phrases("dernier rappel", "derniere relance", "dernier avis", "derniere chance", "final notice", "last reminder")},
	{"penalty", phrases("majoration", "majoree", "majore", "poursuites", "huissier", "penalite", "penalites")},
	{"blocking", phrases("sera suspendu", "sera suspendue", "sera bloque", "sera bloquee", "expire", "expiration", "sera retourne", "sera detruit")},
	{"urgent", phrases("urgent", "urgence")},
}

// parcelWords name a parcel or its delivery; parcelFees the fees scams ask for.
var (
	parcelWords = phrases("colis", "livraison", "livreur", "paquet", "avis de passage", "point relais", "expedition",
		"dedouanement", "douane", "douanes", "parcel", "package", "delivery", "customs")
	parcelFees = phrases("frais", "frais de livraison", "frais de port", "frais de douane", "droits de douane",
		"taxe", "taxes", "payer", "reglez", "regler", "paiement", "fees", "fee", "pay")
)

// bankAlerts are the opening of the fake bank adviser: something is wrong with the
// account or the card; bankCalls ask to call someone about it.
var (
	bankAlerts = phrases("operation suspecte", "operations suspectes", "operation inhabituelle", "activite suspecte",
		"activite inhabituelle", "paiement suspect", "tentative de paiement", "tentative de fraude", "fraude",
		"carte bloquee", "carte suspendue", "compte bloque", "compte suspendu", "opposition sur votre carte",
		"suspicious activity", "suspicious transaction", "card blocked", "account suspended")
	bankCalls = phrases("appelez", "rappelez", "contactez", "composez", "joindre", "votre conseiller",
		"conseiller bancaire", "service fraude", "service anti fraude", "call", "contact your")
)

// negations cancel a phrase when one of them comes within negationWindow words before it:
// "vous n'avez rien à payer", "nous ne vous demanderons jamais vos coordonnées bancaires".
var negations = map[string]bool{"rien": true, "jamais": true, "aucun": true, "aucune": true, "never": true, "nothing": true}

const negationWindow = 4

var amount = regexp.MustCompile(`(?i)\d{1,6}(?:[.,]\d{1,2})?\s?(?:€|eur\b|euros?\b)|€\s?\d{1,6}`)

// signals are the message-level facts found in a message.
type signals struct {
	body      int      // the organisation named first (index in Checker.orgs), -1 if none
	company   int      // the company named first (a parcel carrier), -1 if none
	pay       bool     // asks to pay
	bank      bool     // asks for bank details (or baits with a refund and a link)
	amount    string   // the first amount of money shown, "1.99 EUR", or ""
	newBank   bool     // announces new bank details
	urgency   []string // the kinds of urgency found, in order
	parcel    bool     // speaks of a parcel or its delivery
	parcelFee bool     // with fees to pay
	bankAlert bool     // a problem with the account or the card
	bankCall  bool     // asks to call about it
}

// scanSignals finds the message-level facts; hasLink says whether the message holds a
// link (a request to "confirm your bank details" needs somewhere to do it).
func (c *Checker) scanSignals(text string, hasLink bool) signals {
	words := fold(text)
	s := signals{body: -1, company: -1}
	firstBody, firstCompany := len(words), len(words)
	for i, w := range words {
		for _, p := range c.orgWords.byFirst[w] {
			if !matchAt(words, i, p.words) {
				continue
			}
			if c.orgs[p.id].public && i < firstBody {
				s.body, firstBody = p.id, i
			}
			if !c.orgs[p.id].public && i < firstCompany {
				s.company, firstCompany = p.id, i
			}
		}
	}
	_, _, s.pay = findPhrase(words, payRequest)
	// The regexp only where a currency is written: it is the slowest step on long texts.
	if strings.Contains(text, "€") || indexFold(text, "eur") >= 0 {
		s.amount = neutralAmount(amount.FindString(text))
	}
	_, _, details := findPhrase(words, bankDetails)
	_, _, asks := findPhrase(words, dataRequest)
	_, _, refund := findPhrase(words, refundBait)
	s.bank = details && (asks || hasLink) || refund && hasLink
	_, _, s.newBank = findPhrase(words, newBankDetails)
	for _, u := range urgencies {
		if _, _, ok := findPhrase(words, u.words); ok {
			s.urgency = append(s.urgency, u.kind)
		}
	}
	_, _, s.parcel = findPhrase(words, parcelWords)
	if s.parcel {
		_, _, s.parcelFee = findPhrase(words, parcelFees)
	}
	_, _, s.bankAlert = findPhrase(words, bankAlerts)
	if s.bankAlert {
		_, _, s.bankCall = findPhrase(words, bankCalls)
	}
	return s
}

// neutralAmount writes an amount found in a message ("1,99 €", "€2.50", "35 euros") in
// the catalogue's language-neutral form ("1.99 EUR"), or "" for none.
func neutralAmount(found string) string {
	var num []byte
	for i := 0; i < len(found); i++ {
		switch c := found[i]; {
		case c >= '0' && c <= '9':
			num = append(num, c)
		case (c == ',' || c == '.') && len(num) > 0:
			num = append(num, '.')
		}
	}
	if len(num) == 0 {
		return ""
	}
	n := string(num)
	switch i := strings.IndexByte(n, '.'); {
	case i < 0:
		n += ".00"
	case len(n)-i == 2:
		n += "0"
	}
	return n + " EUR"
}

// small reports whether an amount ("1.99 EUR") is the small sum of a parcel-fee lure.
func small(amount string) bool {
	i := strings.IndexByte(amount, '.')
	return i > 0 && i <= 2
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
	byFirst map[string][]phrase
}

// phrase is one phrase of a list, with the id of what it names (an organisation), or -1.
type phrase struct {
	words []string
	id    int
}

func phrases(list ...string) phraseList {
	pl := phraseList{byFirst: make(map[string][]phrase, len(list))}
	for _, p := range list {
		pl.add(p, -1)
	}
	return pl
}

func (pl *phraseList) add(p string, id int) {
	words := strings.Split(p, " ")
	pl.byFirst[words[0]] = append(pl.byFirst[words[0]], phrase{words, id})
}

// findPhrase returns the first phrase of the list found as whole words in words, not
// negated, with the index of its first word.
func findPhrase(words []string, list phraseList) (found string, at int, ok bool) {
	for i, w := range words {
		for _, p := range list.byFirst[w] {
			if matchAt(words, i, p.words) && !negated(words, i) {
				return strings.Join(p.words, " "), i, true
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
