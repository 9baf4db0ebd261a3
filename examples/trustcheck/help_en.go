package main

// The English help of each command (--help). help_fr.go has the same in French.

const urlHelpEN = `Usage: trustcheck url [--for PROCEDURE] [--json] [--lang fr|en] URL...

Tells whether each URL is the official site for a French administrative procedure,
and if not, how loudly to warn and which official address to type instead. Works
offline: only the embedded catalogue of official sites can say "official"; lookalikes
(ants-gouv.fr, amelli.fr, ameli.fr.secure-login.com), borrowed names
(impots-remboursement.fr) and paid intermediaries (carte-grise-en-ligne.fr) are flagged.
URLs may be pasted as they come: without https://, with upper case, with a port.

Flags:
  --for ID      the procedure the person is doing (see 'trustcheck procedures'): an
                official site of another procedure is flagged, and the suggestion is
                this procedure's address
  --json        one JSON object per URL and per line
  --lang fr|en  language of messages and reflexes (default: $TRUSTCHECK_LANG,
                else the locale, else fr)
  -             as a URL: read one URL per line from standard input

Examples:
  trustcheck url https://ants-gouv.fr/carte-grise
  trustcheck url --for carte-grise --lang en https://immatriculation.ants.gouv.fr/
  trustcheck url --json - < links.txt

Exit status: 0 official or no sign of fraud, 3 some URL to be wary of, 4 some URL
imitating an official site, 1 some URL could not be checked, 2 usage error (an unknown
--for procedure included).
`

const ibanHelpEN = `Usage: trustcheck iban [--json] [--lang fr|en] IBAN...
       trustcheck iban --book BOOK --payee ID [--name NAME] [--bic BIC] IBAN...
       trustcheck iban --book BOOK --payee ID --name NAME --confirm [--by WHO] IBAN
       trustcheck iban --book BOOK --payee ID --revoke [--by WHO] IBAN

Checks that each IBAN is well formed: country of the IBAN registry, length, characters,
check digits (ISO 7064) and, where it is public, the national bank key (the
French RIB key, ...). A right mod 97 with a wrong bank key is typical of a forged RIB.
IBANs may be typed as printed (spaces, lower case, a leading "IBAN"). Human output shows
them masked (FR76 **** **** 0189); --json gives the subject as typed.

With a payee book, it also answers "is this IBAN unchanged for this payee?", the
reflex against the fake bank details fraud ("our bank details have changed"): each IBAN
is compared with the one verified earlier for the payee (kind "payment"). Checking never
records anything: record an IBAN with --confirm only after you verified it with the
payee, by phone, on the number you already knew.

Flags:
  --json        one JSON object per IBAN and per line
  --lang fr|en  language of messages and reflexes (default: $TRUSTCHECK_LANG,
                else the locale, else fr)
  --book BOOK   payee book: a SQLite file (created by the first --confirm), or a
                postgres://user@host/db URL
  --payee ID    the payee the IBAN is for (supplier id, contact id, ...)
  --name NAME   account holder's name: compared with the recorded one (match, close
                match, no match); recorded with --confirm
  --bic BIC     the BIC given with the IBAN: its country must be the IBAN's
  --confirm     record the IBAN as verified for the payee (it becomes the one to pay)
  --revoke      record that the IBAN must no longer be paid to the payee
  --by WHO      who verified or revoked it (default: the OS user)
  -             as an IBAN: read one IBAN per line from standard input

Examples:
  trustcheck iban "FR76 3000 6000 0112 3456 7890 189"
  trustcheck iban --json --lang en FR7630006000011234567890189 DE89370400440532013000
  trustcheck iban - < ibans.txt
  trustcheck iban --book payees.db --payee F-0042 --name "Minoterie du Rhône" --confirm FR7630006000011234567890189
  trustcheck iban --book payees.db --payee F-0042 --name "MINOTERIE DU RHONE SAS" LT121000011101001000

Exit status: 0 valid (and unchanged), 3 some IBAN to check again (typo, outside SEPA,
new payee, close name), 4 some IBAN with a forged-looking bank key or changed for its
payee, 1 the book could not be read, 2 usage error.
`

const pain001HelpEN = `Usage: trustcheck pain001 [--book BOOK] [--json] [--lang fr|en] FILE.xml...

Audits a bank transfer file before it goes to the bank: an ISO 20022 credit transfer
initiation (pain.001.001.03 or .09, as accounting and payroll software export them).
Each transfer gets its report (kind "payment"): IBAN well formed, BIC of the IBAN's
country and, with a payee book, IBAN unchanged for the creditor and name as recorded.
Then one report per file (kind "file"): how many transfers are flagged, and whether
the control totals (NbOfTxs, CtrlSum) match the transfers.

Business payers may opt out of the bank's Verification of Payee for such bulk files:
this check runs offline, on your own book, before you send it.

The payee of a transfer is the creditor's identifier in the file (Cdtr/Id/.../Othr/Id)
when there is one, otherwise the creditor's name as written: record payees under it
with 'trustcheck iban --book BOOK --payee ID --name NAME --confirm IBAN'.

Flags:
  --book BOOK   payee book: a SQLite file, or a postgres://user@host/db URL
  --json        one JSON object per transfer and per file, one per line
  --lang fr|en  language of messages and reflexes (default: $TRUSTCHECK_LANG,
                else the locale, else fr)
  -             as a file: read one file name per line from standard input

Examples:
  trustcheck pain001 virements-mars.xml
  trustcheck pain001 --book payees.db --json virements-mars.xml

Exit status: 0 nothing to report, 3 some transfer to check, 4 some transfer to stop
or control totals that do not match, 1 a file or the book could not be read,
2 usage error.
`

const proceduresHelpEN = `Usage: trustcheck procedures [--json] [--lang fr|en]

Lists the catalogue of official sites that 'trustcheck url' trusts: for each procedure,
public body or company its id (for 'trustcheck url --for ID'), the organisation, the
official hosts (a host stands for itself and its subdomains unless marked "only"),
what the official site charges and the official phone numbers.

Flags:
  --json        one JSON object per procedure and per line
  --lang fr|en  language of the labels (default: $TRUSTCHECK_LANG, else the
                locale, else fr)

Examples:
  trustcheck procedures
  trustcheck procedures --json | grep carte-grise
`

const vaultHelpEN = `Usage: trustcheck vault [--dir DIR] [--state FILE] [--json] [--lang fr|en] ACTION [ARGS]

An encrypted document vault (age): names, metadata and sizes are hidden too.

Actions:
  init              create the vault (asks for a new passphrase twice; one too easy
                    to guess is refused: use five random words)
  put NAME [FILE]   store FILE (default: standard input) as NAME, replacing any previous version
  get NAME          write the document to standard output, only once it is verified whole
  ls                list the documents
  rm NAME           delete a document
  verify            check every document and the log; exit 1 if anything is damaged
  log               show the operation log
  export FILE       write every document and a manifest.json to FILE (.zip, else tar)
  passwd            change the passphrase (documents are not re-encrypted)
  recover           rebuild a lost or damaged index from the key copy, the log and the
                    documents; says what could not be restored
  purge             remove the files no document refers to (older versions, deleted
                    documents, interrupted writes), naming each

Flags:
  --dir DIR     the vault directory (default $TRUSTCHECK_VAULT, else
                $XDG_DATA_HOME/trustcheck/vault, ~/.local/share/trustcheck/vault)
  --state FILE  where this machine remembers the vault's generation, to detect a rollback
                (default $XDG_STATE_HOME/trustcheck/vault-state, ~/.local/state/...;
                "none" to disable)
  --json        ls, log, verify: one JSON object per line
  --lang fr|en  language of messages (default: $TRUSTCHECK_LANG, else the
                locale, else fr)

The passphrase is read from the terminal, or from the environment variable
TRUSTCHECK_PASSPHRASE (and the new one for passwd from TRUSTCHECK_NEW_PASSPHRASE);
never from an argument.

Examples:
  trustcheck vault init
  trustcheck vault put "bulletin 2026-10.pdf" ~/Téléchargements/bulletin.pdf
  trustcheck vault get "bulletin 2026-10.pdf" > bulletin.pdf
  trustcheck vault export coffre.zip

Exit status: 0 done, 1 failed (wrong passphrase, damaged document, ...), 2 usage error.
`

const storeHelpEN = `Usage: trustcheck store [--json] [--lang fr|en] PATH...

Reads each file by its content (never its name) and says whether it is encrypted
(age, OpenPGP, ZIP AES, 7z, PDF, LUKS, KeePass, ...), weakly encrypted (ZipCrypto,
RC4, a PDF or a KeePass database that opens with an empty password) or in clear, and
whether what is readable (documents, mails, address books, SQLite databases) holds
French personal numbers (social security number, IBAN, card, MRZ, tax number), shown
masked. A file gives its own report (kind "file"); a folder gives one report per
file, then the folder's (kind "store"): encrypted, plaintext or mixed. Progress goes
to standard error when it is a terminal.

Flags:
  --json        one JSON object per report and per line
  --lang fr|en  language of messages and reflexes (default: $TRUSTCHECK_LANG,
                else the locale, else fr)

Examples:
  trustcheck store ~/Documents/coffre
  trustcheck store --json releve.pdf scan-cni.zip
`

const messageHelpEN = `Usage: trustcheck message [--json] [--lang fr|en] [TEXT...]

Checks the text of an SMS or a mail: every link (with or without https://, short
links included) against the official sites, every IBAN, and what the message asks
for (a public body asking for a payment, "new bank details", urgency to pay).
Without TEXT, or with "-", the whole standard input is one message.
The subject shown is the message's start, with its IBANs masked.

Flags:
  --json        one JSON object per message (wire format)
  --lang fr|en  language of messages and reflexes (default: $TRUSTCHECK_LANG,
                else the locale, else fr)

Examples:
  trustcheck message < sms.txt
  pbpaste | trustcheck message --lang en
  trustcheck message "INFO ANTAI : réglez votre amende sur antai-gouv-amendes.net"
`

const mainHelpEN = `Usage: trustcheck COMMAND [flags] SUBJECT...

trustcheck warns before a risky step online and gives the one safe reflex:
is this the official site for a procedure, is this IBAN right and unchanged,
is this storage really encrypted.

Commands:
%s
Common flags:
  --json        one JSON object per subject and per line (wire format)
  --lang fr|en  language of messages and reflexes (default: $TRUSTCHECK_LANG,
                else the locale, else fr)
  --debug       print the technical error behind "could not check" on stderr
  -             as a subject: read one subject per line from standard input

Examples:
  trustcheck url https://ants-gouv.fr/carte-grise
  trustcheck url --for carte-grise --lang en https://immatriculation.ants.gouv.fr/
  trustcheck iban "FR76 3000 6000 0112 3456 7890 189"
  trustcheck store --json ~/Documents
  trustcheck url - < links.txt

Exit status: 0 all ok or info, 3 some caution, 4 some danger,
1 some subject could not be checked, 2 usage error.

Run 'trustcheck COMMAND --help' for the flags and examples of a command.
`
