package reflex

// Codes of docstore: is this storage encrypted, and does anything sensitive leak?
const (
	StoreEncrypted      Code = "store.encrypted"
	StoreWeakEncryption Code = "store.weak-encryption"
	StorePlaintext      Code = "store.plaintext"
	StoreSensitive      Code = "store.sensitive"
	StoreUnknownRandom  Code = "store.unknown-random"
	StorePermissions    Code = "store.permissions"
	StoreTrailingData   Code = "store.trailing-data" // readable data after the end of an encrypted container
	StoreNoDocument     Code = "store.no-document"   // a public key, a certificate, a vault's lock file
	StorePrivateKey     Code = "store.private-key"   // a private key in clear beside encrypted files
)

// The evidence of the store codes is rendered from the finding's Params: a file's
// format (vocabulary store.format), its technical detail and cipher as they are, its
// notes (vocabulary store.note); a folder's counts and the names of its files. A
// file's params and a folder's never meet in one finding, so one template serves both:
// its optional parts show only what the finding has.
var (
	storeFileFR       = "[{format:store.format}][ {detail}][, {cipher}][ ({notes:store.note})]"
	storeFileEN       = storeFileFR
	storeNamesFR      = "[ : {names}][ (+{more:count:store.more})]"
	storeNamesEN      = "[: {names}][ (+{more:count:store.more})]"
	storeUnreadableFR = "[ ({unreadable:count:store.files-unreadable})]"
	storeUnreadableEN = storeUnreadableFR
)

// The evidence (format, cipher, counts, masked numbers) is shown beside the message by
// every renderer, so the messages do not repeat it.
var storeEntries = map[Code]entry{
	StoreEncrypted: {
		fr: text{"Le contenu est bien chiffré : sans la clé ou le mot de passe, personne ne peut le lire.", "Gardez la clé ou le mot de passe à part, jamais à côté des fichiers."},
		en: text{"The content is encrypted: without the key or password, nobody can read it.", "Keep the key or password apart, never next to the files."},
		evidence: phrase{
			storeFileFR + "[, entrées chiffrées : {encrypted-entries} sur {entries}]" +
				"[{folder:store.folder} : ][{encrypted:count:store.files-encrypted} sur {files}][ ({formats:store.format})]" + storeUnreadableFR,
			storeFileEN + "[, encrypted entries: {encrypted-entries} of {entries}]" +
				"[{folder:store.folder}: ][{encrypted} of {files:count:store.files} encrypted][ ({formats:store.format})]" + storeUnreadableEN,
		},
	},
	StoreWeakEncryption: {
		fr: text{"Le chiffrement est faible : il se casse en quelques minutes, ou s'ouvre sans mot de passe.", "Rechiffrez ces documents avec un outil moderne (7-Zip en AES-256, par exemple) ou rangez-les dans un coffre-fort numérique."},
		en: text{"The encryption is weak: it breaks in minutes, or opens without a password.", "Encrypt these documents again with a modern tool (7-Zip with AES-256, for instance) or keep them in a digital safe."},
		evidence: phrase{
			storeFileFR + "[, entrées chiffrées : {encrypted-entries} sur {entries}][{weak:count:store.files-weak}]" + storeNamesFR,
			storeFileEN + "[, encrypted entries: {encrypted-entries} of {entries}][{weak:count:store.files-weak}]" + storeNamesEN,
		},
	},
	StorePlaintext: {
		fr: text{"Le contenu n'est pas chiffré : qui accède au fichier peut le lire.", "Pour des documents sensibles, utilisez un coffre-fort numérique chiffré."},
		en: text{"The content is not encrypted: anyone who gets the file can read it.", "For sensitive documents, use an encrypted digital safe."},
		evidence: phrase{
			storeFileFR + "[, entrées en clair : {plain-entries} sur {entries}][ ; {partial:store.partial}]" +
				"[{folder:store.folder} : ][{plain:count:store.files-plain} sur {files}]" + storeNamesFR +
				"[{empty:count:store.files-empty}]" + storeUnreadableFR,
			storeFileEN + "[, entries in clear: {plain-entries} of {entries}][; {partial:store.partial}]" +
				"[{folder:store.folder}: ][{plain} of {files:count:store.files} in clear]" + storeNamesEN +
				"[{empty:count:store.files-empty}]" + storeUnreadableEN,
		},
	},
	StoreSensitive: {
		fr: text{"Des données personnelles sont lisibles en clair[ : {kinds:pii}].", "Rangez ce document dans un coffre-fort numérique chiffré et supprimez la copie en clair."},
		en: text{"Personal data can be read in clear[: {kinds:pii}].", "Keep this document in an encrypted digital safe and delete the plain copy."},
		evidence: phrase{
			"[{evidence}][ (+{values:count:store.values-more})][{sensitive:count:store.files}][ {where:store.where}]" + storeNamesFR,
			"[{evidence}][ (+{values:count:store.values-more})][{sensitive:count:store.files}][ {where:store.where}]" + storeNamesEN,
		},
	},
	StoreUnknownRandom: {
		fr: text{"Le contenu n'a pas pu être décodé : il peut être chiffré, ou non. Impossible de l'affirmer.", "Ne comptez pas sur ce fichier pour protéger des données tant que vous ne savez pas quel outil l'a chiffré."},
		en: text{"The content could not be decoded: it may be encrypted, or not. We cannot tell.", "Do not count on this file to protect data until you know which tool encrypted it."},
		evidence: phrase{
			storeFileFR + "[texte {encoding:store.encoding} d'octets d'apparence aléatoire][{bytes:count:store.bytes-random}][, khi-deux {chi}]" +
				"[{random:count:store.files-random} sur {files}]",
			storeFileEN + "[{encoding:store.encoding} text of random-looking bytes][{bytes:count:store.bytes-random}][, chi-square {chi}]" +
				"[{random} of {files:count:store.files} random-looking]",
		},
	},
	StorePermissions: {
		fr: text{"Ce fichier sensible peut être lu par tous les utilisateurs de l'ordinateur.", "Restreignez l'accès à ce fichier à votre seul compte."},
		en: text{"This sensitive file can be read by every user of the computer.", "Restrict access to this file to your own account."},
		evidence: phrase{
			"[droits {mode} : lisible par tous les utilisateurs][{perms:count:store.files-readable}]" + storeNamesFR,
			"[mode {mode}: readable by every user][{perms:count:store.files-readable}]" + storeNamesEN,
		},
	},
	StoreTrailingData: {
		fr: text{"Des données en clair suivent le contenu chiffré : elles ne sont pas protégées.", "Ne vous fiez pas à ce fichier : chiffrez de nouveau le document d'origine avec un outil connu."},
		en: text{"Data in clear follows the encrypted content: it is not protected.", "Do not rely on this file: encrypt the original document again with a known tool."},
		evidence: phrase{
			"{bytes:count:store.bytes-after}[ ({format:store.format})]",
			"{bytes:count:store.bytes-after}[ ({format:store.format})]",
		},
	},
	StoreNoDocument: {
		fr:       text{"Ce fichier ne contient aucun document à protéger : rien de secret n'y est lisible.", "Rien à faire pour ce fichier. Vérifiez plutôt les documents qui l'entourent."},
		en:       text{"This file holds no document to protect: nothing secret can be read in it.", "Nothing to do for this file. Check the documents around it instead."},
		evidence: phrase{storeFileFR, storeFileEN},
	},
	StorePrivateKey: {
		fr: text{"Une clé privée en clair est rangée à côté des fichiers chiffrés : elle suffit à les ouvrir.", "Déplacez cette clé hors du dossier, sur un support à part, ou protégez-la par un mot de passe."},
		en: text{"A private key in clear sits next to the encrypted files: it is enough to open them.", "Move this key out of the folder, to a separate device, or protect it with a password."},
		evidence: phrase{
			"{keys:count:store.private-keys}" + storeNamesFR,
			"{keys:count:store.private-keys}" + storeNamesEN,
		},
	},
}
