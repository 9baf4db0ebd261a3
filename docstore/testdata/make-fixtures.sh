#!/bin/sh
# Makes the tool-made fixtures of fixtures/ from the generated texts (gen_pii.py).
# Tools: Debian 12 packages gnupg, age, openssl, p7zip-full, zip, qpdf, cryptsetup-bin,
# ansible-core, keepassxc, rclone, gocryptfs, python3-msoffcrypto-tool.
# Every output is random (salts, nonces): the files differ at each run, their kind does not.
# "./make-fixtures.sh issue15" makes only the files of that section (the last one), with
# the Debian 12 packages qpdf, gnupg, sqlite3, zip, age, keepassxc.
set -eu
gpg() { command gpg --yes "$@"; }
cd "$(dirname "$0")/fixtures"
SRC=pii-bulletin-paie.txt
PW=motdepasse
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if [ "${1:-}" = issue15 ]; then SECTION=issue15; else SECTION=all; fi
earlier_fixtures() {

# age: X25519 recipient (binary and armored); passphrase (scrypt) through a fake tty
age-keygen -o "$T/age.key" 2>/dev/null
R=$(age-keygen -y "$T/age.key")
age -r "$R" -o enc-age-x25519.age "$SRC"
age -a -r "$R" -o enc-age-armor.txt "$SRC"
printf '%s\n%s\n' "$PW" "$PW" | script -qec "age -p -o enc-age-scrypt.bin $SRC" /dev/null >/dev/null

# OpenPGP (gpg): symmetric, to a public key, armored; signed-only and keys are not encrypted
export GNUPGHOME="$T/gnupg"; mkdir -m 700 "$GNUPGHOME"
gpg -q --batch --passphrase "$PW" --pinentry-mode loopback -c -o enc-gpg-symmetric.gpg "$SRC"
gpg -q --batch --passphrase "$PW" --pinentry-mode loopback -c -a -o enc-gpg-armor.asc "$SRC"
gpg -q --batch --pinentry-mode loopback --passphrase '' --quick-gen-key 'Test <test@example.org>' ed25519 cert,sign never
FPR=$(gpg --list-keys --with-colons | awk -F: '/^fpr/{print $10; exit}')
gpg -q --batch --pinentry-mode loopback --passphrase '' --quick-add-key "$FPR" cv25519 encr never
gpg -q --batch --trust-model always -e -r test@example.org -o enc-gpg-pubkey.pdf "$SRC"
gpg -q --batch --sign -o plain-gpg-signed.gpg plain-note.txt
gpg -q --batch --sign -o pii-gpg-signed.gpg pii-carte.txt
gpg -q --batch --sign -a -o pii-gpg-signed.asc pii-carte.txt
gpg -q --batch --clearsign -o plain-gpg-clearsigned.asc plain-note.txt
gpg -q --batch --export -a test@example.org > plain-gpg-pubkey.asc
gpg -q --batch --export-secret-keys -a test@example.org > plain-gpg-secret-key.asc
gpg -q --batch -u test@example.org --sign < pii-carte.txt > pii-gpg-signed-stream.gpg
gpg -q --batch --pinentry-mode loopback --passphrase "$PW" --quick-gen-key 'Protected <p@example.org>' ed25519 sign never
gpg -q --batch --pinentry-mode loopback --passphrase "$PW" --export-secret-keys -a p@example.org > enc-gpg-secret-key.asc

# OpenSSH keys, with and without a passphrase
rm -f enc-ssh-key plain-ssh-key
ssh-keygen -q -t ed25519 -N "$PW" -C test -f enc-ssh-key && rm enc-ssh-key.pub
ssh-keygen -q -t ed25519 -N '' -C test -f plain-ssh-key && rm plain-ssh-key.pub

# openssl enc (binary and base64), CMS enveloped (DER, S/MIME) vs signed, PKCS#12, keys
openssl enc -aes-256-cbc -pbkdf2 -salt -pass pass:$PW -in "$SRC" -out enc-openssl.bin
openssl enc -aes-256-cbc -pbkdf2 -salt -a -pass pass:$PW -in "$SRC" -out enc-openssl-b64.txt
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/k.pem" -out "$T/c.pem" -subj /CN=test -days 3650 2>/dev/null
openssl cms -encrypt -aes256 -in "$SRC" -outform DER -out enc-cms.der "$T/c.pem"
openssl cms -encrypt -aes128 -in "$SRC" -out enc-smime.eml "$T/c.pem"
openssl cms -sign -in plain-note.txt -signer "$T/c.pem" -inkey "$T/k.pem" -outform DER -out plain-cms-signed.p7s
openssl cms -sign -in plain-note.txt -signer "$T/c.pem" -inkey "$T/k.pem" -out plain-smime-signed.eml
openssl cms -sign -nodetach -in pii-avis-impot.txt -signer "$T/c.pem" -inkey "$T/k.pem" -out pii-smime-opaque.eml
openssl pkcs12 -export -inkey "$T/k.pem" -in "$T/c.pem" -passout pass:$PW -out enc-pkcs12.p12
openssl genpkey -algorithm ed25519 -aes-256-cbc -pass pass:$PW -out enc-pkcs8.pem
openssl genrsa -out "$T/rsa.pem" 1024 2>/dev/null
openssl rsa -in "$T/rsa.pem" -traditional -aes256 -passout pass:$PW -out enc-legacy-key.pem 2>/dev/null
openssl genpkey -algorithm ed25519 -out plain-key.pem

# ZIP: ZipCrypto (weak), WinZip AES-256, mixed (one entry in clear), plain
rm -f weak-zipcrypto.zip enc-zip-aes.zip mixed.zip plain.zip
zip -q -P "$PW" weak-zipcrypto.zip "$SRC"
7z a -bd -tzip -mem=AES256 -p"$PW" enc-zip-aes.zip "$SRC" >/dev/null
zip -q -P "$PW" mixed.zip "$SRC" && zip -q mixed.zip pii-carte.txt
zip -q plain.zip pii-avis-impot.txt plain-note.txt

# 7z: AES with visible names, AES with encrypted headers (-mhe), plain
rm -f enc-7z.7z enc-7z-headers.7z plain.7z
7z a -bd -p"$PW" enc-7z.7z "$SRC" plain-note.txt >/dev/null
7z a -bd -p"$PW" -mhe=on enc-7z-headers.7z "$SRC" >/dev/null
7z a -bd plain.7z pii-avis-impot.txt >/dev/null

# PDF (qpdf): AES-256, AES-128, RC4 128 and 40 (weak), empty user password (weak)
qpdf --encrypt user "$PW" 256 -- plain-text.pdf enc-pdf-aes256.pdf
qpdf --encrypt user "$PW" 128 --use-aes=y -- plain-text.pdf enc-pdf-aes128.pdf
qpdf --allow-weak-crypto --encrypt user "$PW" 128 --use-aes=n -- plain-text.pdf weak-pdf-rc4-128.pdf
qpdf --allow-weak-crypto --encrypt user "$PW" 40 -- plain-text.pdf weak-pdf-rc4-40.pdf
qpdf --encrypt '' "$PW" 256 -- plain-text.pdf weak-pdf-empty-user.pdf
qpdf --encrypt '' "$PW" 128 --use-aes=y -- plain-text.pdf weak-pdf-empty-user-aes128.pdf
qpdf --object-streams=generate --encrypt user "$PW" 256 -- plain-text.pdf enc-pdf-xrefstream.pdf
qpdf --compress-streams=y --object-streams=generate plain-text.pdf plain-pdf-flate.pdf

# LUKS (cryptsetup on a 20 MiB file, then cut to its header: the first 32 KiB)
for v in 1 2; do
  truncate -s 20M "$T/luks$v.img"
  printf %s "$PW" | cryptsetup luksFormat -q --type luks$v --pbkdf pbkdf2 --pbkdf-force-iterations 1000 \
    --key-file - "$T/luks$v.img" 2>/dev/null
  head -c 32768 "$T/luks$v.img" > enc-luks$v.img
done

# Ansible Vault, KeePassXC, rclone crypt, gocryptfs (a folder: config, IV, two files via a FUSE mount)
printf %s "$PW" > "$T/pw"
cp "$SRC" enc-ansible.yml && ansible-vault encrypt --vault-password-file "$T/pw" enc-ansible.yml
rm -f enc-keepass.kdbx
printf '%s\n%s\n' "$PW" "$PW" | keepassxc-cli db-create -q -p enc-keepass.kdbx >/dev/null
mkdir -p "$T/rc"
RCLONE_CONFIG_C_TYPE=crypt RCLONE_CONFIG_C_REMOTE="$T/rc" RCLONE_CONFIG_C_PASSWORD=$(rclone obscure "$PW") \
  rclone copyto "$SRC" c:enc-rclone
cp "$T"/rc/* enc-rclone.bin
rm -rf gocryptfs-vault && mkdir gocryptfs-vault
gocryptfs -q -init -extpass "echo $PW" -scryptn 10 gocryptfs-vault
mkdir "$T/mnt" && gocryptfs -q -extpass "echo $PW" gocryptfs-vault "$T/mnt" 2>/dev/null
cp "$SRC" plain-note.txt "$T/mnt/" && fusermount -u "$T/mnt"

# encrypted Office: no tool here can write one (msoffcrypto-tool 5.0 only decrypts,
# LibreOffice is not installed): docstore's tests build them from [MS-OFFCRYPTO] and
# [MS-CFB] (see fixture_gen_test.go).
}

# Issue 15 and issue 16 (a header is not a proof): linearized and empty-owner PDFs,
# armored messages in mails, signed messages from a pipe, KeePass with an empty master
# password, SQLite databases, mails, address books, key material beside encrypted
# files, plain text behind real and fake headers, deep ZIP nesting.
issue15_fixtures() {
  export GNUPGHOME="$T/gnupg15"; mkdir -m 700 "$GNUPGHOME"
  # linearized PDFs: the /Encrypt is in the first-page trailer only, the last trailer
  # has /Size and /ID (as Acrobat writes them)
  qpdf --linearize --allow-weak-crypto --encrypt user "$PW" 40 -- plain-text.pdf weak-pdf-linearized-rc4-40.pdf
  qpdf --linearize --allow-weak-crypto --encrypt user "$PW" 128 --use-aes=n -- plain-text.pdf weak-pdf-linearized-rc4-128.pdf
  qpdf --linearize --encrypt user "$PW" 256 -- plain-text.pdf enc-pdf-linearized-aes256.pdf
  # an empty owner password opens an R6 file with every right; in R2-4 the user password
  # stands in for an empty owner password (RC4 copy: weak for RC4 only)
  qpdf --encrypt "$PW" '' 256 --allow-insecure -- plain-text.pdf weak-pdf-empty-owner-aes256.pdf
  qpdf --allow-weak-crypto --encrypt "$PW" '' 128 --use-aes=n -- plain-text.pdf weak-pdf-empty-owner-rc4.pdf
  # armored OpenPGP after a text preamble (a mail body), and a signed message from a pipe
  gpg -q --batch --passphrase "$PW" --pinentry-mode loopback -c -a -o "$T/msg.asc" pii-carte.txt
  { printf 'From: Marie <marie@example.org>\nTo: Paul <paul@example.org>\nSubject: documents\nDate: Mon, 2 Dec 2024 10:00:00 +0100\n\nBonjour Paul,\nvoici le relevé, chiffré comme convenu.\n\n'; cat "$T/msg.asc"; printf '\nMarie\n'; } > enc-gpg-in-mail.eml
  gpg -q --batch --pinentry-mode loopback --passphrase '' --quick-gen-key 'Signer <s@example.org>' ed25519 sign never
  gpg -q --batch -u s@example.org --sign -a < pii-avis-impot.txt > pii-gpg-signed-pipe.asc
  # KeePass 3.1 with an empty master password (AES-KDF, 100 ms of rounds)
  rm -f weak-keepass-empty.kdbx
  printf '\ny\n' | keepassxc-cli db-create -q -p -t 100 weak-keepass-empty.kdbx >/dev/null 2>&1
  # SQLite: an HR table with IBANs and social security numbers (one as an INTEGER, one
  # note long enough to overflow its page), a UTF-16 customer table, and a database of
  # ordinary numbers
  rm -f pii-rh.sqlite pii-clients-utf16.db plain-stock.sqlite
  sqlite3 pii-rh.sqlite "PRAGMA page_size=1024; CREATE TABLE salarie(id INTEGER PRIMARY KEY, nom TEXT, nir INTEGER, iban TEXT, note TEXT);
    INSERT INTO salarie VALUES(1,'Martin Jean',185057800608491,'FR76 3000 6000 0112 3456 7890 189','');
    INSERT INTO salarie(nom,note) VALUES('Durand Léa', printf('%.3000c', '-') || ' carte 4970 1012 3456 7893');"
  sqlite3 pii-clients-utf16.db "PRAGMA encoding='UTF-16le'; CREATE TABLE client(nom TEXT PRIMARY KEY, fiscal TEXT) WITHOUT ROWID;
    INSERT INTO client VALUES('Petit Luc','01 23 456 789 211');"
  sqlite3 plain-stock.sqlite "CREATE TABLE article(ref TEXT, ean TEXT, qte INTEGER, prix REAL);
    INSERT INTO article VALUES('A-2024-118','3017620422003',12,3.5),('B-77','5449000000996',240,1.2),('C-1','4006381333931',7,12.9);"
  # a mailbox of two messages (the second with a base64 attachment), an address book
  python3 - <<'PY'
import base64
att = base64.encodebytes(open('pii-avis-impot.txt', 'rb').read()).decode()
open('pii-boite.mbox', 'w').write(
    'From marie@example.org Mon Dec  2 10:00:00 2024\nFrom: Marie <marie@example.org>\nTo: paul@example.org\n'
    'Subject: =?UTF-8?Q?R=C3=A9union?=\nDate: Mon, 2 Dec 2024 10:00:00 +0100\n\nA demain.\n\n'
    'From rh@example.org Tue Dec  3 09:00:00 2024\nFrom: RH <rh@example.org>\nTo: paul@example.org\nSubject: avis\n'
    'Date: Tue, 3 Dec 2024 09:00:00 +0100\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b1\n\n'
    '--b1\nContent-Type: text/plain\n\nVoici votre avis.\n--b1\nContent-Type: text/plain; name=avis.txt\n'
    'Content-Transfer-Encoding: base64\n\n' + att + '--b1--\n')
open('pii-contacts.vcf', 'w').write(
    'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Martin;Jean\r\nTEL;CELL:06 12 34 56 78\r\n'
    'NOTE;ENCODING=QUOTED-PRINTABLE:N=C2=B0 de s=C3=A9curit=C3=A9 sociale : 1 85 05 78 =\r\n006 084 91\r\nEND:VCARD\r\n'
    'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Léa Durand\r\nNOTE:Compte IBAN FR76 3000 6000 0112 3\r\n 456 7890 189\r\nEND:VCARD\r\n')
PY
  # key material beside encrypted files (keys-folder/: public keys only; keys-leak/: an
  # age identity in clear next to what it opens)
  rm -rf keys-folder keys-leak && mkdir keys-folder keys-leak
  age-keygen -o keys-leak/cle-age.txt 2>/dev/null
  age-keygen -y keys-leak/cle-age.txt > keys-folder/destinataires.txt
  age -R keys-folder/destinataires.txt -o keys-folder/releve.age pii-carte.txt
  cp keys-folder/releve.age keys-leak/releve.age
  ssh-keygen -q -t ed25519 -N '' -C marie -f "$T/id" && cp "$T/id.pub" keys-folder/id_ed25519.pub
  gpg -q --batch --export -a s@example.org > keys-folder/marie.asc
  # plain text behind a real ciphertext: a real age file with a note appended
  cat keys-folder/releve.age > enc-age-appended.age && printf '\nIBAN : FR76 3000 6000 0112 3456 7890 189\n' >> enc-age-appended.age
  # ZIP nested five levels deep, the personal data at the bottom
  cp pii-carte.txt "$T/n0.txt" && (cd "$T" && zip -q n1.zip n0.txt && zip -q n2.zip n1.zip && zip -q n3.zip n2.zip && zip -q n4.zip n3.zip && zip -q n5.zip n4.zip)
  cp "$T/n5.zip" pii-nested-5.zip
}

[ "$SECTION" = all ] && earlier_fixtures
issue15_fixtures
echo ok
