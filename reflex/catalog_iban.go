package reflex

// Codes of ibancheck: is this IBAN well formed, and unchanged for this payee?
const (
	IBANValid              Code = "iban.valid"
	IBANInvalidLength      Code = "iban.invalid-length"
	IBANInvalidCountry     Code = "iban.invalid-country"
	IBANInvalidFormat      Code = "iban.invalid-format"
	IBANInvalidChecksum    Code = "iban.invalid-checksum"
	IBANInvalidNationalKey Code = "iban.invalid-national-key"
	IBANNewPayee           Code = "iban.new-payee"
	IBANUnchanged          Code = "iban.unchanged"
	IBANChanged            Code = "iban.changed"
	IBANCountryChanged     Code = "iban.country-changed"
	IBANNonSEPA            Code = "iban.non-sepa"
	IBANNameMatch          Code = "iban.name-match"
	IBANNameCloseMatch     Code = "iban.name-close-match"
	IBANNameMismatch       Code = "iban.name-mismatch"
	IBANBICMismatch        Code = "iban.bic-mismatch"
	IBANRevoked            Code = "iban.revoked"           // the payee book withdrew this IBAN
	IBANNameNotPossible    Code = "iban.name-not-possible" // no recorded holder, or nothing to compare
)

// ibanVocabulary names the national check keys (ibancheck's national key algorithms)
// and why a payee reads as new.
var ibanVocabulary = map[TextID]phrase{
	"nationalkey.rib":    {"clé RIB", "RIB key"},
	"nationalkey.es":     {"chiffres de contrôle espagnols", "Spanish check digits"},
	"nationalkey.cin":    {"lettre de contrôle CIN", "CIN check letter"},
	"nationalkey.be":     {"chiffres de contrôle belges", "Belgian check digits"},
	"nationalkey.no":     {"chiffre de contrôle norvégien", "Norwegian check digit"},
	"nationalkey.fi":     {"chiffre de contrôle finlandais", "Finnish check digit"},
	"nationalkey.ee":     {"chiffre de contrôle estonien", "Estonian check digit"},
	"nationalkey.pl":     {"chiffre de contrôle du code banque polonais", "Polish bank code check digit"},
	"nationalkey.cz":     {"clés du compte tchèque ou slovaque", "Czech or Slovak account keys"},
	"nationalkey.is":     {"chiffre de contrôle du numéro d'identité islandais", "Icelandic ID number check digit"},
	"nationalkey.bban97": {"clé nationale du compte", "national account key"},

	"newpayee.none":        {"aucun IBAN confirmé pour ce bénéficiaire", "no confirmed IBAN for this payee"},
	"newpayee.all-revoked": {"tous ses IBAN confirmés ont été retirés", "all their confirmed IBANs were withdrawn"},
	"newpayee.no-creditor": {"le fichier ne donne ni le nom ni l'identifiant du créancier", "the file gives neither the creditor's name nor an identifier"},
}

var ibanEntries = map[Code]entry{
	IBANValid: {
		fr:       text{"L'IBAN est bien formé.", "Un IBAN bien formé n'est pas forcément le bon : vérifiez qu'il correspond au RIB que vous connaissez."},
		en:       text{"The IBAN is well formed.", "A well-formed IBAN is not always the right one: check it matches the bank details you know."},
		evidence: phrase{"[{country:country}, contrôles réussis][ (y compris : {key:nationalkey})]", "[{country:country}, checks passed][ (including: {key:nationalkey})]"},
	},
	IBANInvalidLength: {
		fr:       text{"L'IBAN n'a pas le bon nombre de caractères[ : {length} au lieu de {want}].", "Recopiez l'IBAN depuis le RIB d'origine, sans rien ajouter ni oublier."},
		en:       text{"The IBAN does not have the right number of characters[: {length} instead of {want}].", "Copy the IBAN again from the original bank details, with nothing added or missing."},
		evidence: phrase{"[{country:country}]", "[{country:country}]"},
	},
	IBANInvalidCountry: {
		fr: text{"L'IBAN commence par un code pays qui n'existe pas pour un IBAN[ ({country})].[ Les comptes de ce territoire ont un IBAN qui commence par {use}.]", "Recopiez l'IBAN depuis le RIB d'origine."},
		en: text{"The IBAN starts with a country code that no IBAN uses[ ({country})].[ Accounts there have IBANs starting with {use}.]", "Copy the IBAN again from the original bank details."},
	},
	IBANInvalidFormat: {
		fr:       text{"L'IBAN contient un caractère inattendu[ (position {pos}, sans compter les espaces)].", "Recopiez l'IBAN depuis le RIB d'origine."},
		en:       text{"The IBAN contains an unexpected character[ (position {pos}, not counting spaces)].", "Copy the IBAN again from the original bank details."},
		evidence: phrase{"[caractère « {char} »]", "[character \"{char}\"]"},
	},
	IBANInvalidChecksum: {
		fr:       text{"L'IBAN est faux : sa clé de contrôle ne correspond pas (faute de frappe ?).", "Recopiez l'IBAN depuis le RIB d'origine. Ne faites pas le virement avec ce numéro."},
		en:       text{"The IBAN is wrong: its check digits do not match (a typo?).", "Copy the IBAN again from the original bank details. Do not make the transfer with this number."},
		evidence: phrase{"[{country:country}]", "[{country:country}]"},
	},
	IBANInvalidNationalKey: {
		fr:       text{"L'IBAN passe le contrôle général, mais sa clé bancaire[ ({key:nationalkey})] est fausse. C'est typique d'un faux RIB fabriqué.", "Ne faites pas ce virement. Appelez le bénéficiaire au numéro que vous connaissez, pas celui du message."},
		en:       text{"The IBAN passes the general check, but its bank key[ ({key:nationalkey})] is wrong. This is typical of a forged RIB.", "Do not make this transfer. Call the payee on the number you know, not the one in the message."},
		evidence: phrase{"[{country:country}]", "[{country:country}]"},
	},
	IBANNewPayee: {
		fr:       text{"Aucun IBAN vérifié n'est enregistré pour ce bénéficiaire : c'est peut-être un premier paiement.", "Avant de payer, confirmez l'IBAN avec le bénéficiaire, de vive voix, au numéro que vous connaissez, puis enregistrez-le."},
		en:       text{"No verified IBAN is recorded for this payee: this may be a first payment.", "Before you pay, confirm the IBAN with the payee by phone, on the number you know, then record it."},
		evidence: phrase{"[{reason:newpayee}]", "[{reason:newpayee}]"},
	},
	IBANUnchanged: {
		fr:       text{"L'IBAN est celui que vous avez vérifié pour ce bénéficiaire[ (le {date:date})].", "Vous pouvez continuer."},
		en:       text{"The IBAN is the one you checked for this payee[ (on {date:date})].", "You can go on."},
		evidence: phrase{"[confirmé par {by}]", "[confirmed by {by}]"},
	},
	IBANChanged: {
		fr:       text{"L'IBAN a changé pour ce bénéficiaire[ (connu : {suggest})]. C'est la ruse du faux RIB.", "Ne payez pas. Appelez votre créancier au numéro que vous connaissez, pas celui du message."},
		en:       text{"The IBAN has changed for this payee[ (known: {suggest})]. This is the fake bank details trick.", "Do not pay. Call your creditor on the number you know, not the one in the message."},
		evidence: phrase{"[{iban} au lieu de {known}][, confirmé le {date:date}]", "[{iban} instead of {known}][, confirmed on {date:date}]"},
	},
	IBANCountryChanged: {
		fr:       text{"Le compte de ce bénéficiaire est passé dans un autre pays. Un fournisseur habituel ne change pas de pays du jour au lendemain.", "Ne payez pas. Appelez votre créancier au numéro que vous connaissez, pas celui du message."},
		en:       text{"This payee's account has moved to another country. A regular supplier does not move abroad overnight.", "Do not pay. Call your creditor on the number you know, not the one in the message."},
		evidence: phrase{"[{from:country} → {to:country}]", "[{from:country} → {to:country}]"},
	},
	IBANNonSEPA: {
		fr: text{"Ce compte[ ({country:country})] est hors de la zone SEPA : le virement est plus coûteux et plus difficile à récupérer.", "Vérifiez auprès du bénéficiaire, au numéro que vous connaissez, qu'il a bien un compte dans ce pays."},
		en: text{"This account[ ({country:country})] is outside the SEPA area: the transfer costs more and is harder to recover.", "Check with the payee, on the number you know, that their account really is in this country."},
	},
	IBANNameMatch: {
		fr: text{"Le nom correspond au titulaire connu de ce compte.", "Vous pouvez continuer."},
		en: text{"The name matches the known holder of this account.", "You can go on."},
	},
	IBANNameCloseMatch: {
		fr: text{"Le nom ressemble à celui du titulaire connu[ : {name}], sans être identique.", "Vérifiez le nom du bénéficiaire avant de payer[ : le titulaire connu est {name}]."},
		en: text{"The name is close to the known holder's[: {name}], but not the same.", "Check the payee's name before you pay[: the known holder is {name}]."},
	},
	IBANNameMismatch: {
		fr: text{"Le nom ne correspond pas au titulaire connu de ce compte.", "Ne payez pas avant d'avoir appelé le bénéficiaire au numéro que vous connaissez."},
		en: text{"The name does not match the known holder of this account.", "Do not pay before calling the payee on the number you know."},
	},
	IBANBICMismatch: {
		fr:       text{"Le code BIC de la banque ne correspond pas à l'IBAN : il est d'un autre pays, ou mal formé.", "Demandez au bénéficiaire, au numéro que vous connaissez, de confirmer ses coordonnées bancaires."},
		en:       text{"The bank's BIC does not match the IBAN: it is from another country, or malformed.", "Ask the payee, on the number you know, to confirm their bank details."},
		evidence: phrase{"[BIC {bic}][ : {from:country} au lieu de {to:country}]", "[BIC {bic}][: {from:country} instead of {to:country}]"},
	},
	IBANRevoked: {
		fr:       text{"Cet IBAN a été retiré pour ce bénéficiaire[ le {date:date}] : il ne doit plus être payé.", "Ne payez pas. Appelez votre créancier au numéro que vous connaissez, pas celui du message."},
		en:       text{"This IBAN was withdrawn for this payee[ on {date:date}]: it must not be paid any more.", "Do not pay. Call your creditor on the number you know, not the one in the message."},
		evidence: phrase{"[retiré par {by}]", "[withdrawn by {by}]"},
	},
	IBANNameNotPossible: {
		fr: text{"Le nom du titulaire n'a pas pu être vérifié : il ne reste rien à comparer.", "Comparez vous-même le nom avec celui du RIB que vous avez déjà."},
		en: text{"The holder's name could not be checked: nothing is left to compare.", "Compare the name yourself with the bank details you already have."},
	},
}
