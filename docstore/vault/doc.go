// Package vault is an encrypted document vault: a directory of age-encrypted files
// (filippo.io/age) that hides not only the documents but their names, metadata, number
// of versions and exact sizes.
//
// # What to call first
//
// [Create] makes a vault for an owner (a passphrase through age's scrypt recipient, or
// an age public key); [Open] opens it with the matching identity. Then [Vault.Put],
// [Vault.Get], [Vault.Stat], [Vault.List], [Vault.Delete]; [Vault.Verify] checks every
// document, [Vault.Purge] removes the files no document refers to, [Vault.Log] reads the
// operation log, [Vault.Export] and [Vault.ExportFile]
// write everything to a tar or zip with a JSON manifest. [Exists] says, without a key,
// whether a folder holds a vault; [Recover] rebuilds a lost or damaged index.
//
//	r, _ := age.NewScryptRecipient(passphrase)
//	v, err := vault.Create(dir, r)                     // or vault.Open(dir, identity)
//	defer v.Close()
//	_, err = v.Put(ctx, "bulletin 2026-10.pdf", file, vault.Meta{"type": "payslip"})
//	rc, err := v.Get(ctx, "bulletin 2026-10.pdf")      // read to io.EOF before trusting
//
// The docstore Inspector ([github.com/trustreflex/trustreflex/docstore]) reports a vault
// folder as encrypted, and one holding a stray plaintext file as mixed.
//
// # How it works
//
// Keys. A random vault key (age hybrid ML-KEM-768 + X25519 by default, [WithKeyAlgorithm]
// for X25519) encrypts every file. Each recipient (the owner's passphrase via scrypt, a
// mandated third party's age public key) gets a key slot that wraps it:
// [Vault.SetRecipient] and [Vault.RemoveRecipient] rewrite one slot, and changing a
// passphrase is SetRecipient([OwnerLabel], newScryptRecipient): no document is re-encrypted. A removed recipient cannot open the vault
// with its own key, but one that held the vault open could have kept the vault key: to revoke
// fully, export into a new vault.
//
// On disk. dir/index ([IndexFile]) holds the format version and algorithm ids, the key
// slots and the encrypted manifest (names, metadata, sizes, versions, the generation counter
// and the log head); dir/keys ([KeysFile]) a copy of the key slots; dir/log ([LogFile]) the
// encrypted, hash-chained operation log; dir/d/ one age file per document version, named by
// a random 128-bit id; dir/lock the lock file. If the index is lost or damaged (Open fails
// with a [*DamageError] naming IndexFile), [Recover] rebuilds it from the keys copy and the
// intact part of the log, which says which version of each document is current and which
// were deleted; each document file carries its name, version and metadata in its
// encrypted header, and must match. Files never override the log: an older version put
// back in the folder does not become current, and what could not be restored is reported
// ([RecoverReport]). Every file starts with "age-encryption.org/v1" or with the vault
// marker, which is how the Inspector knows them.
//
// Padding. Inside its age file a document is header + content + 16-byte trailer, padded with
// zeros to Padmé (Nikitin et al., PETS 2019) with a 4 KiB floor: every document under ~4 KiB
// looks the same, and above that the size leaks only its top log2(log2(n))+1 bits. The cost
// is at most 11.1 % (about 2 % at 100 KiB, 3 % at 64 MiB). The number of documents is
// visible.
//
// Binding. The encrypted header of each document names its vault, id, name and version;
// Get checks it against the manifest before releasing any content, so a file swapped with
// another, replayed from an older version or copied from another vault is refused
// (a [*DamageError], [ReasonSwapped]). age authenticates each 64 KiB chunk before releasing
// it and detects truncation at the end: Get's reader returns an error matching [ErrDamaged]
// instead of io.EOF when the file is truncated, extended or does not match its recorded size.
// Bytes already returned are authentic but may be incomplete: read to io.EOF, or call
// [Vault.VerifyDocument] first (as the trustcheck CLI does) before showing anything.
//
// Rollback. The manifest carries a generation counter and the head of the log. Without
// outside state, Open detects an index rolled back by two operations or more behind the
// append-only log ([ErrRollback]) and a truncated or edited log; an index rolled back by one
// operation looks like a crash during that operation (its documents' files are then missing
// and Verify says so), and a whole directory restored from an old copy is self-consistent.
// [WithStateFile] keeps the last generation seen in a file outside the vault, which detects
// both.
//
// Durability. Every change writes new files (temp file, fsync, rename, directory fsync),
// appends its log record, then replaces the index atomically: a crash at any point leaves the
// previous state or the new one, whole. Replaced versions are deleted only after the commit;
// a crash in between leaves an orphan file that Verify counts and [Vault.Purge] removes
// (with the ciphertext of deleted documents, saying what each file held). A log record
// whose index update never happened is shown by Log as not committed. One process at a
// time: Open takes an exclusive flock ([ErrLocked]) before it reads anything a commit
// depends on. Every file is opened without blocking and must be a regular file: a FIFO
// or a device in place of a vault file is damage, never a hang.
//
// # Errors
//
// Every failure a caller may want to tell apart matches a sentinel with errors.Is:
// [ErrNotVault], [ErrNotEmpty], [ErrWrongPassphrase], [ErrWrongIdentity], [ErrLocked],
// [ErrNotFound], [ErrDamaged] (and [ErrRollback], a kind of damage), [ErrUnsupported],
// [ErrClosed], [ErrInvalidName], [ErrLastRecipient]; fs.ErrExist from Create on an existing
// vault and from ExportFile on an existing file. errors.As gives a [*DamageError] with the
// document (or vault file) and its [Reason].
package vault
