// Package docstore inspects stored documents: for a file, a folder (a cloud drive, a
// "secure space") or an upload, is it really encrypted, and how strongly? Does
// anything in clear leak French personal data?
//
// # What to call first
//
// Make an [Inspector] with [NewInspector] and [Inspector.Check] a path. A file gives one
// report (Kind "file"); a folder gives the folder verdict (Kind "store"): encrypted,
// plaintext or mixed.
//
//	in := docstore.NewInspector()
//	report, err := in.Check(ctx, "/home/marie/Coffre") // err: could not read at all
//	if report.Verdict() >= reflex.Caution {
//		for _, f := range report.Findings {
//			fmt.Println(f.Reflex(reflex.French))
//		}
//	}
//
// [Inspector.Walk] gives one report per file as it goes, then the folder's;
// [Inspector.InspectReader] reads an upload (an [io.ReaderAt] and its size) without any
// file system.
//
// Two packages go with this one: [github.com/trustreflex/trustreflex/docstore/pii], the
// personal-data scanner the Inspector runs on what it can read (usable on any text), and
// [github.com/trustreflex/trustreflex/docstore/vault], an encrypted document vault to
// offer once a folder is found in clear (the Inspector calls a vault encrypted).
//
// # How it decides
//
// Structure first, never a guess. The inspector reads each file's content, never its
// name, and recognises encrypted containers by their markers and structure: age
// (binary and armored), OpenPGP (it walks the packets: session keys then encrypted
// data, whatever the key algorithm; a signed message or a key is not encrypted; an
// armored message after text in clear, as in a mail body, is found), CMS and S/MIME
// (EnvelopedData vs SignedData), PKCS#12, encrypted PKCS#8 and legacy
// "Proc-Type: 4,ENCRYPTED" keys, ZIP (every entry: ZipCrypto, WinZip AES; mixed
// archives exist), 7z (the AES coder, in the LZMA-compressed header when names are
// visible), RAR 4 and 5, PDF (the /Encrypt dictionary of any trailer a reader reads:
// the /Prev chain from startxref, xref streams, the first-page trailer of a linearized
// file; the cipher from /V, /R and the crypt filter), encrypted Office documents and
// legacy Word, Excel and PowerPoint encryption, LUKS 1 and 2, BitLocker, openssl enc,
// Ansible Vault, KeePass, JWE, rclone crypt, gocryptfs and docstore/vault. Each answer
// names the format and, where the format records it, the cipher: "PDF, AES-256, /V 5
// /R 6". A structure that cannot be decoded is no claim either way (store.unknown-random).
//
// A magic number is not a proof: what follows it must hold (age stanzas and MAC line,
// KeePass header fields and checksum, LUKS key slots, the vault's own file layouts) and
// the bytes meant to be ciphertext must look like ciphertext; a PDF whose streams are in
// clear under an /Encrypt dictionary is in clear. Plain text behind a fake header is
// read like any text, and text appended after a real ciphertext is reported
// (store.trailing-data) and read.
//
// Weak encryption is reported as such (store.weak-encryption): ZipCrypto, RC4 in PDFs
// and legacy Office files, PDFs that open with an empty password (user, or owner for
// revisions 5 and 6) and KeePass databases with an empty master password: they open
// without a secret, which the inspector checks by running the standard password
// algorithm or the database's key derivation (within a bounded cost), and it then reads
// such PDFs as anyone could.
//
// Key material is not a document: public keys and certificates (age recipients, SSH
// and OpenPGP public keys, PEM certificates) and a vault's lock file give
// store.no-document and leave a folder's verdict alone; a private key in clear beside
// encrypted files is danger (store.private-key).
//
// Statistics last. Only a blob with no known structure gets a chi-square test of byte
// uniformity on a bounded window; random-looking bytes give store.unknown-random
// ("cannot tell"), never store.encrypted: headerless ciphertext, a SHA-256 digest and
// some compressed data look alike.
//
// Bounded work: structure probes read a few KiB (a 1 GiB encrypted file costs well
// under 1 MiB of reads); plaintext is scanned up to [WithMaxBytes], and what is
// decompressed (gzip, xz, bzip2, ZIP entries, PDF streams) is capped in size and in
// ratio ([WithMaxExpand]) against decompression bombs. Nested archives are opened
// as deep as these budgets allow (16 levels at most); a scan stopped by a limit says
// so. Files are opened without blocking and only regular files are read: a named pipe
// gives [ErrNotRegular].
//
// # Personal data
//
// In what is readable, the inspector looks for French personal numbers with
// [pii.ScanBytes], checksum first and context second, and reports their kinds
// (store.sensitive; the catalogue names them for people: "numéro de sécurité sociale",
// "IBAN", ...) with masked values only. It reads what an ordinary reader would open:
// text in UTF-8, Latin-1 or UTF-16, gzip, ZIP entries and Office or OpenDocument XML,
// PDF text as a reader shows it (content streams, fonts' ToUnicode maps, form fields and
// document information as text strings, attachments; never the raw bytes), signed-only
// OpenPGP messages, e-mails and mbox mailboxes (MIME parts and encoded headers), vCard
// and iCalendar files (folded lines), and the records of SQLite databases, read from the
// file format without running anything. A sensitive file readable by every user of the
// computer adds store.permissions. In a folder, personal data in clear next to encrypted
// files (a vault with a stray copy) is danger.
//
// # Texts
//
// Findings carry language-neutral facts in their Params (format and note identifiers,
// cipher names, counts, file names, masked values); the reflex catalogue renders their
// evidence in the reader's language: use [reflex.Finding.EvidenceText].
package docstore
