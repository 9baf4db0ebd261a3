// Package docstore answers, for documents kept in folders, cloud drives and "secure
// spaces": is this storage really encrypted, and how strongly? Does anything in clear
// leak French personal data?
//
// # What to call first
//
// Make an Inspector and check a path. A file gives one report (Kind "file"); a folder
// gives the folder verdict (Kind "store"): encrypted, plaintext or mixed.
//
//	in := docstore.NewInspector()
//	report, err := in.Check(ctx, "/home/marie/Coffre") // err: could not read at all
//	if report.Verdict() >= reflex.Caution {
//		for _, f := range report.Findings {
//			fmt.Println(f.Reflex(reflex.French))
//		}
//	}
//
// Walk gives one report per file as it goes, then the folder's; InspectReader reads
// an upload (an io.ReaderAt and its size) without any file system.
//
// # How it decides
//
// Structure first, never a guess. The inspector reads each file's content, never its
// name, and recognises encrypted containers by their markers and structure: age
// (binary and armored), OpenPGP (it walks the packets: session keys then encrypted
// data; a signed message or a key is not encrypted), CMS and S/MIME (EnvelopedData vs
// SignedData), PKCS#12, encrypted PKCS#8 and legacy "Proc-Type: 4,ENCRYPTED" keys, ZIP
// (every entry: ZipCrypto, WinZip AES; mixed archives exist), 7z (the AES coder, in the
// LZMA-compressed header when names are visible), RAR 4 and 5, PDF (the /Encrypt
// dictionary, through the xref table or stream; the cipher from /V, /R and the crypt
// filter), encrypted Office documents and legacy Word and Excel encryption, LUKS 1 and
// 2, BitLocker, openssl enc, Ansible Vault, KeePass, JWE, rclone crypt, gocryptfs and
// the docstore Vault. Each answer names the format and, where the format records it,
// the cipher: "PDF, AES-256, /V 5 /R 6".
//
// Weak encryption is reported as such (store.weak-encryption): ZipCrypto, RC4 in PDFs
// and legacy Office files, and PDFs whose user password is empty: they open without a
// secret, which the inspector checks by running the standard password algorithm, and
// it then reads their text as anyone could.
//
// Statistics last. Only a blob with no known structure gets a chi-square test of byte
// uniformity on a bounded window; random-looking bytes give store.unknown-random
// ("cannot tell"), never store.encrypted: headerless ciphertext, a SHA-256 digest and
// some compressed data look alike.
//
// Bounded work: structure probes read a few KiB (a 1 GiB encrypted file costs well
// under 1 MiB of reads); plaintext is scanned up to WithMaxScanBytes, and what is
// decompressed (gzip, xz, bzip2, ZIP entries, PDF streams) is capped in size and in
// ratio (WithMaxExpand) against decompression bombs.
//
// # Personal data
//
// In what is readable, the inspector looks for French personal numbers, checksum
// first and context second, and reports their kinds (store.sensitive, {kinds} among
// nir, iban, card, mrz, spi) with masked values only. It reads what an ordinary reader
// would open: text in UTF-8, Latin-1 or UTF-16, gzip, ZIP entries and Office or
// OpenDocument XML, PDF content streams (including text in subset fonts, through
// their ToUnicode maps), signed-only OpenPGP messages. A sensitive file readable by every user of
// the computer adds store.permissions. In a folder, personal data in clear next to
// encrypted files (a vault with a stray copy) is danger.
//
// The detector is its own API, for other checks and partner apps: ScanPII reads any
// io.Reader and returns typed Matches with their offset, kind, masked value, checksum
// status and context. It lives here rather than in a package of its own because it
// serves this package's question (what leaks from stored documents) and shares its
// vocabulary (the kinds of store.sensitive); a partner app needs nothing else from
// docstore to use it.
//
//   - NIR (numéro de sécurité sociale): key = 97 - (13 digits mod 97), Corsica 2A/2B
//     read as 19/18, plausible first digit (1, 2, or 7, 8 for temporary numbers),
//     month (01-12, or 20-42 and 50-99 when unknown) and department.
//   - IBAN: through ibancheck, with the national bank key (the French RIB key).
//   - Payment card: Luhn, issuer prefix and length (the lengths of cards in use),
//     written in one block or in the usual groups; not all the same digit.
//   - MRZ: passport (TD3), identity card TD1 (2021 French card) and the 1988-2021
//     French card (2 x 36), with every 7-3-1 check digit.
//   - Numéro fiscal (SPI): 13 digits, first 0 to 3, last three = first ten mod 511.
//
// Separators (space, dot, dash, no-break spaces) are allowed between digit groups. A
// word just before a number decides its context: "SIRET", "IMEI", "commande", "suivi",
// "PDL" and the like rule a number out (a Luhn-valid SIRET or IMEI is not a card),
// "sécurité sociale", "IBAN", "carte", "numéro fiscal" confirm it.
package docstore
