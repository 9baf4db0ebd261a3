package reflex

// Codes of docstore: is this storage encrypted, and does anything sensitive leak?
const (
	StoreEncrypted      Code = "store.encrypted"
	StoreWeakEncryption Code = "store.weak-encryption"
	StorePlaintext      Code = "store.plaintext"
	StoreSensitive      Code = "store.sensitive"
	StoreUnknownRandom  Code = "store.unknown-random"
	StorePermissions    Code = "store.permissions"
)

// The evidence (format, cipher, counts, masked numbers) is shown beside the message by
// every renderer, so the messages do not repeat it.
var storeEntries = map[Code]entry{
	StoreEncrypted: {
		fr: text{"Le contenu est bien chiffré : sans la clé ou le mot de passe, personne ne peut le lire.", "Gardez la clé ou le mot de passe à part, jamais à côté des fichiers."},
		en: text{"The content is encrypted: without the key or password, nobody can read it.", "Keep the key or password apart, never next to the files."},
	},
	StoreWeakEncryption: {
		fr: text{"Le chiffrement est faible : il se casse en quelques minutes, ou s'ouvre sans mot de passe.", "Rechiffrez ces documents avec un outil moderne (7-Zip en AES-256, par exemple) ou rangez-les dans un coffre-fort numérique."},
		en: text{"The encryption is weak: it breaks in minutes, or opens without a password.", "Encrypt these documents again with a modern tool (7-Zip with AES-256, for instance) or keep them in a digital safe."},
	},
	StorePlaintext: {
		fr: text{"Le contenu n'est pas chiffré : qui accède au fichier peut le lire.", "Pour des documents sensibles, utilisez un coffre-fort numérique chiffré."},
		en: text{"The content is not encrypted: anyone who gets the file can read it.", "For sensitive documents, use an encrypted digital safe."},
	},
	StoreSensitive: {
		fr: text{"Des données personnelles sont lisibles en clair[ : {kinds}].", "Rangez ce document dans un coffre-fort numérique chiffré et supprimez la copie en clair."},
		en: text{"Personal data can be read in clear[: {kinds}].", "Keep this document in an encrypted digital safe and delete the plain copy."},
	},
	StoreUnknownRandom: {
		fr: text{"Le contenu semble aléatoire, sans format reconnu : il peut être chiffré, ou non. Impossible de l'affirmer.", "Ne comptez pas sur ce fichier pour protéger des données tant que vous ne savez pas quel outil l'a chiffré."},
		en: text{"The content looks random, with no known format: it may be encrypted, or not. We cannot tell.", "Do not count on this file to protect data until you know which tool encrypted it."},
	},
	StorePermissions: {
		fr: text{"Ce fichier sensible peut être lu par tous les utilisateurs de l'ordinateur.", "Restreignez l'accès à ce fichier à votre seul compte."},
		en: text{"This sensitive file can be read by every user of the computer.", "Restrict access to this file to your own account."},
	},
}
