package reflex

// Texts of trustd's error answers (examples/trustd): what a partner's developer or a
// person behind the web component reads in the {"error": ...} of a 4xx or 5xx answer,
// in the request's language. Values in {braces} are field names, numbers and HTTP
// methods: facts without words.
const (
	TextServerNotFound          TextID = "server.not-found"
	TextServerMethod            TextID = "server.method"
	TextServerContentType       TextID = "server.content-type"
	TextServerBodyEmpty         TextID = "server.body-empty"
	TextServerBodyMalformed     TextID = "server.body-malformed"
	TextServerBodyTooLarge      TextID = "server.body-too-large"
	TextServerOneObject         TextID = "server.one-object"
	TextServerNotObject         TextID = "server.not-object"
	TextServerFieldType         TextID = "server.field-type"
	TextServerDuplicateField    TextID = "server.duplicate-field"
	TextServerUnknownField      TextID = "server.unknown-field"
	TextServerMissingField      TextID = "server.missing-field"
	TextServerFieldTooLong      TextID = "server.field-too-long"
	TextServerBadLang           TextID = "server.bad-lang"
	TextServerNotEnabled        TextID = "server.not-enabled"
	TextServerUnauthorized      TextID = "server.unauthorized"
	TextServerRateLimited       TextID = "server.rate-limited"
	TextServerBookDown          TextID = "server.book-down"
	TextServerBadPayee          TextID = "server.bad-payee"
	TextServerInvalidIBAN       TextID = "server.invalid-iban"
	TextServerNoHolderName      TextID = "server.no-holder-name"
	TextServerNotConfirmed      TextID = "server.not-confirmed"
	TextServerUploadsBusy       TextID = "server.uploads-busy"
	TextServerUploadTooSlow     TextID = "server.upload-too-slow"
	TextServerUploadInterrupted TextID = "server.upload-interrupted"
	TextServerFileEmpty         TextID = "server.file-empty"
	TextServerFileTooLarge      TextID = "server.file-too-large"
	TextServerNotStored         TextID = "server.not-stored"
)

var serverTexts = map[TextID]phrase{
	TextServerNotFound:       {"Cette adresse n'existe pas sur ce service. La liste des adresses est dans /openapi.json.", "There is no such address on this service. The list of addresses is in /openapi.json."},
	TextServerMethod:         {"Cette adresse n'accepte pas cette méthode[ : utilisez {allow}].", "This address does not accept this method[: use {allow}]."},
	TextServerContentType:    {"Envoyez le corps en JSON[, avec l'en-tête {header}].", "Send the body as JSON[, with the header {header}]."},
	TextServerBodyEmpty:      {"Le corps de la demande est vide : envoyez un objet JSON.", "The body of the request is empty: send a JSON object."},
	TextServerBodyMalformed:  {"Le corps de la demande n'est pas un JSON valide.", "The body of the request is not valid JSON."},
	TextServerBodyTooLarge:   {"Le corps de la demande dépasse la taille permise[ : au plus {max:number} octets].", "The body of the request is too long[: at most {max:number} bytes]."},
	TextServerNotObject:      {"Le corps de la demande doit être un objet JSON.", "The body of the request must be a JSON object."},
	TextServerOneObject:      {"Envoyez un seul objet JSON par demande.", "Send one JSON object per request."},
	TextServerFieldType:      {"Le champ « {field} » doit être une chaîne de caractères.", "The field \"{field}\" must be a string."},
	TextServerUnknownField:   {"Champ inconnu : « {field} ».[ Champs acceptés : {fields}.][ Ce qu'il faut vérifier va dans le champ « {subject} ».]", "Unknown field: \"{field}\".[ Accepted fields: {fields}.][ What to check goes in the field \"{subject}\".]"},
	TextServerDuplicateField: {"Le champ « {field} » est donné deux fois : un seul est permis.", "The field \"{field}\" is given twice: only one is allowed."},
	TextServerMissingField:   {"Le champ « {field} » manque ou est vide.", "The field \"{field}\" is missing or empty."},
	TextServerFieldTooLong:   {"Le champ « {field} » dépasse la taille permise[ : au plus {max:number} octets].", "The field \"{field}\" is too long[: at most {max:number} bytes]."},
	TextServerBadLang:        {"Langue inconnue : ce service répond en français ou en anglais[ ({codes})].", "Unknown language: this service answers in French or English[ ({codes})]."},
	TextServerNotEnabled:     {"Ce service n'est pas activé sur ce serveur.", "This service is not enabled on this server."},
	TextServerUnauthorized:   {"Clé d'accès manquante ou refusée.[ Envoyez-la dans l'en-tête {header}, après le mot {scheme}.]", "Access key missing or refused.[ Send it in the header {header}, after the word {scheme}.]"},
	TextServerRateLimited:    {"Trop de demandes en peu de temps. Réessayez dans quelques secondes.", "Too many requests in a short time. Try again in a few seconds."},
	TextServerBookDown:       {"Le carnet de bénéficiaires ne répond pas. Réessayez dans un instant.", "The payee book does not answer. Try again in a moment."},
	TextServerBadPayee:       {"Identifiant de bénéficiaire refusé : de 1 à 200 caractères, sans caractère de contrôle.", "Payee identifier refused: 1 to 200 characters, without control characters."},
	TextServerInvalidIBAN:    {"Cet IBAN n'est pas valide : vérifiez-le avant de l'enregistrer.", "This IBAN is not valid: check it before recording it."},
	TextServerNoHolderName:   {"Indiquez le nom du titulaire du compte, tel qu'il figure sur le RIB.", "Give the account holder's name, as it appears on the bank details."},
	TextServerNotConfirmed:   {"Cet IBAN n'est pas un IBAN confirmé de ce bénéficiaire[ : {iban}].", "This IBAN is not a confirmed IBAN of this payee[: {iban}]."},
	TextServerUploadsBusy:    {"Trop de fichiers sont en cours d'analyse. Réessayez dans quelques secondes.", "Too many files are being analysed. Try again in a few seconds."},
	TextServerUploadTooSlow:  {"L'envoi du fichier est trop lent. Réessayez avec une meilleure connexion.", "The file is arriving too slowly. Try again with a better connection."},
	TextServerUploadInterrupted: {"L'envoi du fichier a été interrompu. Envoyez-le de nouveau.",
		"The upload of the file was interrupted. Send it again."},
	TextServerFileEmpty:    {"Le fichier est vide.", "The file is empty."},
	TextServerFileTooLarge: {"Le fichier est trop gros[ : au plus {max:number} octets].", "The file is too large[: at most {max:number} bytes]."},
	TextServerNotStored:    {"Le fichier n'a pas pu être reçu pour l'analyse. Réessayez plus tard.", "The file could not be received for analysis. Try again later."},
}
