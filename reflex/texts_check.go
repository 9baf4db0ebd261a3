package reflex

// Texts of the errors of the checks themselves: an input that is not what the check
// reads, a payee book that is not there.
const (
	TextInvalidURL         TextID = "error.invalid-url"
	TextUnknownProcedure   TextID = "error.unknown-procedure"
	TextNoBook             TextID = "error.no-book"
	TextInvalidPaymentFile TextID = "error.invalid-payment-file"
	TextNotPaymentFile     TextID = "error.not-payment-file"
	TextFileTooLarge       TextID = "error.file-too-large"
	TextNotABook           TextID = "error.not-a-book"
	TextNoPayee            TextID = "error.no-payee"
	TextNotConfirmed       TextID = "error.not-confirmed"
	TextLineTooLong        TextID = "error.line-too-long"
	// TextPaymentFileDuplicate: an element allowed once appears twice (pain001.ErrDuplicate).
	TextPaymentFileDuplicate TextID = "error.payment-file-duplicate"
)

var checkErrorTexts = map[TextID]phrase{
	TextInvalidURL:           {"Ce n'est pas une adresse de site web.", "This is not a web address."},
	TextUnknownProcedure:     {"Démarche inconnue[ : {procedure}]. Choisissez-en une dans la liste des démarches connues.", "Unknown procedure[: {procedure}]. Choose one from the list of known procedures."},
	TextNoBook:               {"Aucun carnet de bénéficiaires à cet endroit[ : {path}]. Vérifiez le chemin, ou enregistrez un premier bénéficiaire pour le créer.", "No payee book there[: {path}]. Check the path, or record a first payee to create it."},
	TextNotPaymentFile:       {"Ce fichier n'est pas un ordre de virement (pain.001).", "This file is not a transfer order (pain.001)."},
	TextFileTooLarge:         {"Ce fichier est trop gros pour être vérifié.", "This file is too large to be checked."},
	TextNotABook:             {"Ce fichier n'est pas un carnet de bénéficiaires, ou il est abîmé[ : {path}]. Il n'a pas été modifié.", "This file is not a payee book, or it is damaged[: {path}]. It was left untouched."},
	TextNoPayee:              {"Le bénéficiaire n'est pas indiqué.", "The payee is not given."},
	TextNotConfirmed:         {"Cet IBAN n'est pas confirmé pour ce bénéficiaire : il n'y a rien à retirer.", "This IBAN is not confirmed for this payee: there is nothing to withdraw."},
	TextInvalidPaymentFile:   {"Ce fichier de virements n'est pas valide[ (ligne {line})]. Exportez-le de nouveau depuis votre logiciel.", "This transfer file is not valid[ (line {line})]. Export it again from your software."},
	TextLineTooLong:          {"Cette ligne est trop longue pour être vérifiée (plus de {max:number} octets). Vérifiez ce qui a été collé.", "This line is too long to check (over {max:number} bytes). Check what was pasted."},
	TextPaymentFileDuplicate: {"N'envoyez pas ce fichier de virements : l'élément {element} y figure deux fois (ligne {line}). Un fichier modifié peut cacher un autre IBAN. Exportez-le de nouveau depuis votre logiciel.", "Do not send this transfer file: the element {element} appears twice in it (line {line}). A tampered file can hide another IBAN. Export it again from your software."},
}
