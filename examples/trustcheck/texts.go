package main

// The CLI's own texts: usage errors and failures of the frame, in French and English.
// Values (%s) are shown through reflex.Printable. The help pages are in help_fr.go and
// help_en.go; the texts of the checks come from the reflex catalogue.
var (
	msgMissingCommand    = cliText{"commande manquante", "missing command"}
	msgFlagBeforeCommand = cliText{"l'option %s doit suivre la commande", "flag %s must come after the command"}
	msgUnknownCommand    = cliText{"commande inconnue « %s » (commandes : %s)", "unknown command %q (commands: %s)"}
	msgBadLang           = cliText{"langue inconnue « %s » pour --lang : fr ou en", "unknown language %q for --lang: fr or en"}
	msgBadLangEnv        = cliText{"langue inconnue « %s » dans TRUSTCHECK_LANG : fr ou en", "unknown language %q in TRUSTCHECK_LANG: fr or en"}
	msgSeeHelp           = cliText{"voir « trustcheck --help »%.0s", "see 'trustcheck --help'%.0s"}
	msgSeeCommandHelp    = cliText{"voir « trustcheck %s --help »", "see 'trustcheck %s --help'"}
	msgUnknownFlag       = cliText{"option inconnue : %s", "unknown flag: %s"}
	msgFlagNeedsValue    = cliText{"l'option -%s attend une valeur", "flag -%s needs a value"}
	msgBadFlagValue      = cliText{"valeur invalide pour %s", "invalid value for %s"}
	msgBadFlagSyntax     = cliText{"option mal écrite : %s", "bad flag syntax: %s"}
	msgNothingToCheck    = cliText{"rien à vérifier : donnez des sujets, ou - pour les lire sur l'entrée standard", "nothing to check: give subjects, or - to read them from standard input"}
	msgEmptyMessage      = cliText{"rien à vérifier : le message est vide", "nothing to check: the message is empty"}
	msgNoArgument        = cliText{"cette commande ne prend pas d'argument (reçu « %s »)", "this command takes no argument (got %q)"}
	msgUnknownProcedure  = cliText{"démarche inconnue « %s » pour --for (la liste : trustcheck procedures)", "unknown procedure %q for --for (the list: trustcheck procedures)"}
	msgReadingStdin      = cliText{"lecture de l'entrée standard impossible", "cannot read standard input"}
	msgProgress          = cliText{"%s : %d vérifiés", "%s: %d checked"}
)

// The payee book (iban --book, pain001 --book).
var (
	msgBookFlagsNeedBook = cliText{"--payee, --name, --bic, --confirm, --revoke et --by demandent --book", "--payee, --name, --bic, --confirm, --revoke and --by need --book"}
	msgBookNeedsPayee    = cliText{"--book demande --payee : le bénéficiaire à qui l'IBAN appartient", "--book needs --payee: the payee the IBAN is for"}
	msgConfirmOrRevoke   = cliText{"--confirm ou --revoke, pas les deux", "--confirm or --revoke, not both"}
	msgConfirmNeedsName  = cliText{"--confirm demande --name : le nom du titulaire du compte", "--confirm needs --name: the account holder's name"}
	msgRecordOneIBAN     = cliText{"--confirm et --revoke enregistrent un seul IBAN, donné en argument", "--confirm and --revoke record exactly one IBAN, given as an argument"}
	msgWhoAreYou         = cliText{"impossible de savoir qui vous êtes : donnez --by NOM", "cannot tell who you are: give --by NAME"}
	msgInvalidIBAN       = cliText{"%s n'est pas un IBAN valide : rien n'a été enregistré", "%s is not a valid IBAN: nothing recorded"}
	msgConfirmed         = cliText{"%s confirmé pour le bénéficiaire « %s »%s par %s (entrée %d de son historique)", "%s confirmed for payee %q%s by %s (entry %d of its history)"}
	msgRevoked           = cliText{"%s retiré pour le bénéficiaire « %s »%s par %s (entrée %d de son historique)", "%s revoked for payee %q%s by %s (entry %d of its history)"}
)

// The vault command (its texts about the vault itself come from the reflex catalogue).
var (
	msgVaultMissingAction = cliText{"action manquante (init, put, get, ls, rm, verify, log, export, passwd, recover, purge)", "missing action (init, put, get, ls, rm, verify, log, export, passwd, recover, purge)"}
	msgVaultUnknownAction = cliText{"action inconnue « %s »", "unknown action %q"}
	msgVaultArgs          = cliText{"%s : mauvais nombre d'arguments", "%s: wrong number of arguments"}
)
