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
)

var ibanEntries = map[Code]entry{
	IBANValid: {
		fr: text{"L'IBAN est bien formé.", "Un IBAN bien formé n'est pas forcément le bon : vérifiez qu'il correspond au RIB que vous connaissez."},
		en: text{"The IBAN is well formed.", "A well-formed IBAN is not always the right one: check it matches the bank details you know."},
	},
	IBANInvalidLength: {
		fr: text{"L'IBAN n'a pas le bon nombre de caractères[ : {length} au lieu de {want}].", "Recopiez l'IBAN depuis le RIB d'origine, sans rien ajouter ni oublier."},
		en: text{"The IBAN does not have the right number of characters[: {length} instead of {want}].", "Copy the IBAN again from the original bank details, with nothing added or missing."},
	},
	IBANInvalidCountry: {
		fr: text{"L'IBAN commence par un code pays qui n'existe pas pour un IBAN[ ({country})].[ Les comptes de ce territoire ont un IBAN qui commence par {use}.]", "Recopiez l'IBAN depuis le RIB d'origine."},
		en: text{"The IBAN starts with a country code that no IBAN uses[ ({country})].[ Accounts there have IBANs starting with {use}.]", "Copy the IBAN again from the original bank details."},
	},
	IBANInvalidFormat: {
		fr: text{"L'IBAN contient un caractère inattendu[ (position {pos}, sans compter les espaces)].", "Recopiez l'IBAN depuis le RIB d'origine."},
		en: text{"The IBAN contains an unexpected character[ (position {pos}, not counting spaces)].", "Copy the IBAN again from the original bank details."},
	},
	IBANInvalidChecksum: {
		fr: text{"L'IBAN est faux : sa clé de contrôle ne correspond pas (faute de frappe ?).", "Recopiez l'IBAN depuis le RIB d'origine. Ne faites pas le virement avec ce numéro."},
		en: text{"The IBAN is wrong: its check digits do not match (a typo?).", "Copy the IBAN again from the original bank details. Do not make the transfer with this number."},
	},
	IBANInvalidNationalKey: {
		fr: text{"L'IBAN passe le contrôle général mais sa clé bancaire[ ({key})] est fausse : c'est typique d'un faux RIB fabriqué.", "Ne faites pas ce virement. Appelez le bénéficiaire au numéro que vous connaissez, pas celui du message."},
		en: text{"The IBAN passes the general check but its bank key[ ({key})] is wrong: typical of a forged RIB.", "Do not make this transfer. Call the payee on the number you know, not the one in the message."},
	},
	IBANNewPayee: {
		fr: text{"C'est la première fois que vous payez ce bénéficiaire.", "Avant le premier virement, confirmez l'IBAN avec le bénéficiaire, de vive voix, au numéro que vous connaissez."},
		en: text{"This is the first time you pay this payee.", "Before the first transfer, confirm the IBAN with the payee by phone, on the number you know."},
	},
	IBANUnchanged: {
		fr: text{"L'IBAN est celui que vous avez déjà vérifié pour ce bénéficiaire.", "Vous pouvez continuer."},
		en: text{"The IBAN is the one you already checked for this payee.", "You can go on."},
	},
	IBANChanged: {
		fr: text{"L'IBAN a changé pour ce bénéficiaire[ (connu : {suggest})]. C'est la ruse du faux RIB.", "Ne payez pas. Appelez votre créancier au numéro que vous connaissez, pas celui du message."},
		en: text{"The IBAN has changed for this payee[ (known: {suggest})]. This is the fake bank details trick.", "Do not pay. Call your creditor on the number you know, not the one in the message."},
	},
	IBANCountryChanged: {
		fr: text{"Le compte de ce bénéficiaire est maintenant dans un autre pays[ ({evidence})].", "Ne payez pas. Appelez votre créancier au numéro que vous connaissez, pas celui du message."},
		en: text{"This payee's account is now in another country[ ({evidence})].", "Do not pay. Call your creditor on the number you know, not the one in the message."},
	},
	IBANNonSEPA: {
		fr: text{"Ce compte[ ({country})] est hors de la zone SEPA : le virement est plus coûteux et plus difficile à récupérer.", "Vérifiez auprès du bénéficiaire, au numéro que vous connaissez, qu'il a bien un compte dans ce pays."},
		en: text{"This account[ ({country})] is outside the SEPA area: the transfer costs more and is harder to recover.", "Check with the payee, on the number you know, that their account really is in this country."},
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
		fr: text{"Le code BIC de la banque ne correspond pas au pays de l'IBAN.", "Demandez au bénéficiaire, au numéro que vous connaissez, de confirmer ses coordonnées bancaires."},
		en: text{"The bank's BIC does not match the IBAN's country.", "Ask the payee, on the number you know, to confirm their bank details."},
	},
}
