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
// data; a signed message or a key is not encrypted), CMS and S/MIME (EnvelopedData vs
// SignedData), PKCS#12, encrypted PKCS#8 and legacy "Proc-Type: 4,ENCRYPTED" keys, ZIP
// (every entry: ZipCrypto, WinZip AES; mixed archives exist), 7z (the AES coder, in the
// LZMA-compressed header when names are visible), RAR 4 and 5, PDF (the /Encrypt
// dictionary, through the xref table or stream; the cipher from /V, /R and the crypt
// filter), encrypted Office documents and legacy Word and Excel encryption, LUKS 1 and
// 2, BitLocker, openssl enc, Ansible Vault, KeePass, JWE, rclone crypt, gocryptfs and
// docstore/vault. Each answer names the format and, where the format records it,
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
// under 1 MiB of reads); plaintext is scanned up to [WithMaxBytes], and what is
// decompressed (gzip, xz, bzip2, ZIP entries, PDF streams) is capped in size and in
// ratio ([WithMaxExpand]) against decompression bombs.
//
// # Personal data
//
// In what is readable, the inspector looks for French personal numbers with
// [pii.ScanBytes], checksum first and context second, and reports their kinds
// (store.sensitive, {kinds} among nir, iban, card, mrz, spi) with masked values only.
// It reads what an ordinary reader would open: text in UTF-8, Latin-1 or UTF-16, gzip,
// ZIP entries and Office or OpenDocument XML, PDF content streams (including text in
// subset fonts, through their ToUnicode maps), signed-only OpenPGP messages. A sensitive
// file readable by every user of the computer adds store.permissions. In a folder,
// personal data in clear next to encrypted files (a vault with a stray copy) is danger.
package docstore
