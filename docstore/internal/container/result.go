package container

// Verdict is what the structure of a blob says about its protection.
type Verdict uint8

const (
	// Unknown: no known structure, or a known one that could not be decoded; the
	// caller may fall back to statistics, never to "encrypted".
	Unknown Verdict = iota
	// Plain: a known format whose content is readable without a secret.
	Plain
	// Encrypted: a known encrypted container whose structure holds.
	Encrypted
	// Weak: encrypted, but with a breakable cipher or an empty password.
	Weak
)

func (v Verdict) String() string {
	switch v {
	case Plain:
		return "plain"
	case Encrypted:
		return "encrypted"
	case Weak:
		return "weak"
	}
	return "unknown"
}

// Result describes a blob as its structure shows it. Every field is a language-neutral
// fact: Format and Notes are identifiers whose words a person reads come from the
// reflex catalogue (vocabularies store.format and store.note); Detail and Cipher are
// technical names shown as they are.
type Result struct {
	Verdict Verdict
	// Format identifies the format ([FormatAge], [FormatPDF], ...).
	Format Format
	// Detail is a technical detail shown after the format name: a version ("KDBX 4"),
	// a PEM label, the age recipient types, the PDF /V and /R. Empty when none.
	Detail string
	// Cipher names the cipher or scheme when the format records it: "AES-256",
	// "RC4-128", "ZipCrypto", "ChaCha20-Poly1305". Empty when unknown.
	Cipher string
	// Notes are further facts: armored, empty user password, file names visible.
	Notes []Note
	// Entries and PlainEntries count the file entries of an archive and those stored
	// in clear; both are zero for other formats.
	Entries, PlainEntries int
	// Content says how to read what is readable (for Plain results and the plain
	// entries of archives).
	Content Content
	// Vault marks the metadata of an encrypted-folder layout (the docstore vault,
	// gocryptfs): the folder it sits in is meant to be encrypted throughout.
	Vault bool
	// Role says what the file is for when it is not a document: key material or a
	// vault's working file.
	Role Role
	// Clear lists the ranges of text in clear around or after an encrypted block (a
	// mail body before an armored message, data appended after a ciphertext): what
	// anyone can read, to be scanned like any plaintext.
	Clear []Span
	// Trailing counts the bytes that follow the end of the encrypted container (the
	// last range of Clear): data appended to a ciphertext is not protected by it.
	Trailing int64
}

// Span is a range of bytes of a blob.
type Span struct{ Off, Len int64 }

// Note adds n to the notes of r, once.
func (r *Result) Note(n Note) {
	for _, x := range r.Notes {
		if x == n {
			return
		}
	}
	r.Notes = append(r.Notes, n)
}

// HasNote reports whether r carries the note n.
func (r Result) HasNote(n Note) bool {
	for _, x := range r.Notes {
		if x == n {
			return true
		}
	}
	return false
}

// Role says what a file is for when it holds no document.
type Role uint8

const (
	RoleDocument   Role = iota // a document, or a container of documents
	RolePublicKey              // public key material or a certificate: nothing secret
	RolePrivateKey             // a private key (the Verdict says whether it is protected)
	RoleVaultFile              // a vault's working file with no document in it (its lock)
)

// Content says how a reader gets at the text of a readable blob.
type Content uint8

const (
	ContentBinary   Content = iota // unknown layout: text may sit in the raw bytes
	ContentText                    // text as it is (UTF-8, ASCII, Latin-1)
	ContentUTF16                   // UTF-16 text with its byte-order mark
	ContentEmpty                   // no bytes at all
	ContentOpaque                  // images, media, executables, keys: no text to read
	ContentGzip                    // gzip stream
	ContentXz                      // xz stream
	ContentBzip2                   // bzip2 stream
	ContentZip                     // ZIP archive (and the office documents built on it)
	ContentSevenZip                // 7z archive
	ContentPDF                     // PDF
	ContentOLE                     // OLE compound file (legacy Office)
	ContentOpenPGP                 // signed or compressed OpenPGP message
	ContentJWS                     // JWS compact token
	ContentSQLite                  // SQLite database: the text of its records
	ContentMail                    // an e-mail or a mailbox (mbox): headers and MIME parts
	ContentVCard                   // vCard or iCalendar: folded content lines
)

// Format identifies a file format. The values are stable identifiers; the reflex
// catalogue names each one for people (store.format.ID).
type Format string

// The formats the probes name.
const (
	FormatEmpty   Format = "empty"
	FormatText    Format = "text"
	FormatUTF16   Format = "utf16-text"
	FormatUnknown Format = "unknown"

	FormatAge           Format = "age"
	FormatAgeRecipients Format = "age-recipients"
	FormatAgeIdentity   Format = "age-identity"
	FormatOpenPGP       Format = "openpgp"
	FormatPGPSignedText Format = "openpgp-signed-text"
	FormatPGPSignature  Format = "openpgp-signature"
	FormatPGPPublicKey  Format = "openpgp-public-key"
	FormatPGPPrivateKey Format = "openpgp-private-key"
	FormatPKCS8         Format = "pkcs8"
	FormatPKCS12        Format = "pkcs12"
	FormatPEM           Format = "pem"
	FormatPEMPrivateKey Format = "pem-private-key"
	FormatPEMPublicKey  Format = "pem-public-key"
	FormatX509          Format = "x509-certificate"
	FormatOpenSSHKey    Format = "openssh-private-key"
	FormatSSHPublicKey  Format = "ssh-public-key"
	FormatCMSEnveloped  Format = "cms-enveloped"
	FormatCMSEncrypted  Format = "cms-encrypted"
	FormatCMSSigned     Format = "cms-signed"
	FormatCMSData       Format = "cms-data"
	FormatSMIME         Format = "smime"
	FormatSMIMESigned   Format = "smime-signed"
	FormatJWE           Format = "jwe"
	FormatJWS           Format = "jws"

	FormatZIP        Format = "zip"
	FormatDOCX       Format = "docx"
	FormatXLSX       Format = "xlsx"
	FormatPPTX       Format = "pptx"
	FormatODF        Format = "opendocument"
	FormatSevenZip   Format = "7z"
	FormatRAR4       Format = "rar4"
	FormatRAR5       Format = "rar5"
	FormatPDF        Format = "pdf"
	FormatOfficeEnc  Format = "office-encrypted"
	FormatWord97     Format = "word-97"
	FormatExcel97    Format = "excel-97"
	FormatPPT97      Format = "powerpoint-97"
	FormatOLE        Format = "ole"
	FormatLUKS       Format = "luks"
	FormatLUKS1      Format = "luks1"
	FormatLUKS2      Format = "luks2"
	FormatBitLocker  Format = "bitlocker"
	FormatBitLockTG  Format = "bitlocker-to-go"
	FormatOpenSSL    Format = "openssl-enc"
	FormatAnsible    Format = "ansible-vault"
	FormatKeePass    Format = "keepass"
	FormatRclone     Format = "rclone-crypt"
	FormatGocryptfs  Format = "gocryptfs"
	FormatVault      Format = "trustreflex-vault"
	FormatSQLite     Format = "sqlite"
	FormatEmail      Format = "email"
	FormatMbox       Format = "mbox"
	FormatVCard      Format = "vcard"
	FormatICalendar  Format = "icalendar"
	FormatPostScript Format = "postscript"
	FormatRTF        Format = "rtf"

	FormatPNG      Format = "png"
	FormatJPEG     Format = "jpeg"
	FormatGIF      Format = "gif"
	FormatTIFF     Format = "tiff"
	FormatBMP      Format = "bmp"
	FormatRIFF     Format = "riff"
	FormatMP4      Format = "mp4"
	FormatMP3      Format = "mp3"
	FormatOgg      Format = "ogg"
	FormatFLAC     Format = "flac"
	FormatMatroska Format = "matroska"
	FormatELF      Format = "elf"
	FormatPE       Format = "windows-executable"
	FormatGzip     Format = "gzip"
	FormatXz       Format = "xz"
	FormatBzip2    Format = "bzip2"
	FormatZstd     Format = "zstd"
	FormatLZMA     Format = "lzma"
)

// Formats lists every format a probe may name (the catalogue's tests check that each
// has a name in both languages).
func Formats() []Format {
	return []Format{
		FormatEmpty, FormatText, FormatUTF16, FormatUnknown,
		FormatAge, FormatAgeRecipients, FormatAgeIdentity, FormatOpenPGP, FormatPGPSignedText, FormatPGPSignature,
		FormatPGPPublicKey, FormatPGPPrivateKey, FormatPKCS8, FormatPKCS12, FormatPEM, FormatPEMPrivateKey,
		FormatPEMPublicKey, FormatX509, FormatOpenSSHKey, FormatSSHPublicKey, FormatCMSEnveloped, FormatCMSEncrypted,
		FormatCMSSigned, FormatCMSData, FormatSMIME, FormatSMIMESigned, FormatJWE, FormatJWS,
		FormatZIP, FormatDOCX, FormatXLSX, FormatPPTX, FormatODF, FormatSevenZip, FormatRAR4, FormatRAR5, FormatPDF,
		FormatOfficeEnc, FormatWord97, FormatExcel97, FormatPPT97, FormatOLE, FormatLUKS, FormatLUKS1, FormatLUKS2,
		FormatBitLocker, FormatBitLockTG, FormatOpenSSL, FormatAnsible, FormatKeePass, FormatRclone, FormatGocryptfs,
		FormatVault, FormatSQLite, FormatEmail, FormatMbox, FormatVCard, FormatICalendar, FormatPostScript, FormatRTF,
		FormatPNG, FormatJPEG, FormatGIF, FormatTIFF, FormatBMP, FormatRIFF, FormatMP4, FormatMP3, FormatOgg,
		FormatFLAC, FormatMatroska, FormatELF, FormatPE, FormatGzip, FormatXz, FormatBzip2, FormatZstd, FormatLZMA,
	}
}

// Note is a fact about a result beyond its format and cipher. The values are stable
// identifiers; the reflex catalogue words each one (store.note.ID).
type Note string

// The notes the probes give.
const (
	NoteArmored              Note = "armored"
	NoteBase64               Note = "base64"
	NoteSigned               Note = "signed"
	NoteSignedOrCompressed   Note = "signed-or-compressed"
	NotePayloadReadable      Note = "payload-readable"
	NotePassphrase           Note = "passphrase"
	NotePublicKeyRecipient   Note = "public-key"
	NoteNoIntegrity          Note = "no-integrity"
	NotePacketsNotDecoded    Note = "packets-not-decoded"
	NoteAfterText            Note = "after-text"
	NotePrivateKeyInClear    Note = "private-key-in-clear"
	NotePassphraseProtected  Note = "passphrase-protected"
	NoteProtectionNotDecoded Note = "protection-not-decoded"
	NoteLegacyPEM            Note = "legacy-pem-encryption"
	NoteLegacyPKCS12         Note = "legacy-pkcs12"
	NoteNothingSecret        Note = "nothing-secret"
	NoteCipherNotRecorded    Note = "cipher-not-recorded"
	NoteFolderConfig         Note = "folder-configuration"
	NoteFolderIV             Note = "folder-iv"
	NoteLongName             Note = "long-name"
	NoteNamesVisible         Note = "names-visible"
	NoteNamesEncrypted       Note = "names-encrypted"
	NoteHeaderNotReadable    Note = "header-not-readable"
	NoteAgile                Note = "agile-encryption"
	NoteStandard             Note = "standard-encryption"
	NoteCryptoAPI            Note = "cryptoapi"
	NoteObfuscation          Note = "obfuscation-only"
	NoteEmptyUserPassword    Note = "empty-user-password"
	NoteEmptyOwnerPassword   Note = "empty-owner-password"
	NoteEmptyMasterPassword  Note = "empty-master-password"
	NoteKDFNotTried          Note = "empty-password-not-tried"
	NoteEncryptDictMissing   Note = "encryption-dictionary-not-found"
	NoteDeprecatedRevision   Note = "deprecated-revision"
	NoteCertificate          Note = "certificate"
	NoteStreamsInClear       Note = "streams-in-clear"
	NoteContentInClear       Note = "content-in-clear"
	NoteVaultMetadata        Note = "vault-metadata"
	NoteLockFile             Note = "lock-file"
	NoteStateFile            Note = "state-file"
)

// Notes lists every note a probe may give (the catalogue's tests check that each has
// its words in both languages).
func Notes() []Note {
	return []Note{
		NoteArmored, NoteBase64, NoteSigned, NoteSignedOrCompressed, NotePayloadReadable, NotePassphrase,
		NotePublicKeyRecipient, NoteNoIntegrity, NotePacketsNotDecoded, NoteAfterText, NotePrivateKeyInClear,
		NotePassphraseProtected, NoteProtectionNotDecoded, NoteLegacyPEM, NoteLegacyPKCS12, NoteNothingSecret,
		NoteCipherNotRecorded, NoteFolderConfig, NoteFolderIV, NoteLongName, NoteNamesVisible, NoteNamesEncrypted,
		NoteHeaderNotReadable, NoteAgile, NoteStandard, NoteCryptoAPI, NoteObfuscation, NoteEmptyUserPassword,
		NoteEmptyOwnerPassword, NoteEmptyMasterPassword, NoteKDFNotTried, NoteEncryptDictMissing,
		NoteDeprecatedRevision, NoteCertificate, NoteStreamsInClear, NoteContentInClear, NoteVaultMetadata,
		NoteLockFile, NoteStateFile,
	}
}
