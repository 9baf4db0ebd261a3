package main

// L'aide en français de chaque commande (--help). help_en.go a la même en anglais ;
// les deux disent la même chose, option par option. Les espaces avant « : », « ? »
// sont ordinaires ici : cliText.in les rend insécables.

// mainHelp is the help of trustcheck itself (%s: the list of commands).
var mainHelp = cliText{fr: mainHelpFR, en: mainHelpEN}

const mainHelpFR = `Utilisation : trustcheck COMMANDE [options] SUJET...

trustcheck prévient avant une étape risquée en ligne et donne le bon réflexe :
est-ce le site officiel de la démarche, cet IBAN est-il juste et inchangé,
ce stockage est-il vraiment chiffré ?

Commandes :
%s
Options communes :
  --json        un objet JSON par sujet et par ligne (format d'échange)
  --lang fr|en  langue des messages et des réflexes (par défaut : $TRUSTCHECK_LANG,
                sinon la langue du système, sinon fr)
  --debug       affiche sur la sortie d'erreur l'erreur technique derrière
                « vérification impossible »
  -             comme sujet : lit un sujet par ligne sur l'entrée standard

Exemples :
  trustcheck url https://ants-gouv.fr/carte-grise
  trustcheck url --for carte-grise --lang en https://immatriculation.ants.gouv.fr/
  trustcheck iban "FR76 3000 6000 0112 3456 7890 189"
  trustcheck store --json ~/Documents
  trustcheck url - < liens.txt

Code de sortie : 0 tout est vérifié ou à savoir, 3 au moins une attention,
4 au moins un danger, 1 un sujet n'a pas pu être vérifié, 2 erreur d'usage.

Lancez « trustcheck COMMANDE --help » pour les options et des exemples.
`

const urlHelpFR = `Utilisation : trustcheck url [--for DÉMARCHE] [--json] [--lang fr|en] URL...

Dit si chaque adresse est le site officiel d'une démarche administrative française,
et sinon, avec quelle force prévenir et quelle adresse officielle taper à la place.
Fonctionne hors ligne : seul le catalogue intégré des sites officiels peut dire
« officiel » ; les imitations (ants-gouv.fr, amelli.fr, ameli.fr.secure-login.com),
les noms empruntés (impots-remboursement.fr) et les intermédiaires payants
(carte-grise-en-ligne.fr) sont signalés. Les adresses peuvent être collées telles
quelles : sans https://, en majuscules, avec un port.

Options :
  --for ID      la démarche en cours (voir « trustcheck procedures ») : le site
                officiel d'une autre démarche est signalé, et l'adresse proposée
                est celle de cette démarche
  --json        un objet JSON par adresse et par ligne
  --lang fr|en  langue des messages et des réflexes (par défaut : $TRUSTCHECK_LANG,
                sinon la langue du système, sinon fr)
  -             comme adresse : lit une adresse par ligne sur l'entrée standard

Exemples :
  trustcheck url https://ants-gouv.fr/carte-grise
  trustcheck url --for carte-grise --lang en https://immatriculation.ants.gouv.fr/
  trustcheck url --json - < liens.txt

Code de sortie : 0 officiel ou aucun signe de fraude, 3 au moins une adresse dont se
méfier, 4 au moins une adresse qui imite un site officiel, 1 une adresse n'a pas pu
être vérifiée, 2 erreur d'usage (démarche --for inconnue comprise).
`

const ibanHelpFR = `Utilisation : trustcheck iban [--json] [--lang fr|en] IBAN...
              trustcheck iban --book CARNET --payee ID [--name NOM] [--bic BIC] IBAN...
              trustcheck iban --book CARNET --payee ID --name NOM --confirm [--by QUI] IBAN
              trustcheck iban --book CARNET --payee ID --revoke [--by QUI] IBAN

Vérifie que chaque IBAN est bien formé : pays du registre des IBAN, longueur,
caractères, clé de contrôle (norme ISO 7064) et, quand elle est publique, la clé
bancaire nationale (la clé RIB en France...). Une clé de contrôle juste avec une clé
bancaire fausse est typique d'un faux RIB. Les IBAN peuvent être tapés comme ils sont
imprimés (espaces, minuscules, « IBAN » devant). L'affichage les masque
(FR76 **** **** 0189) ; --json donne le sujet tel que tapé.

Avec un carnet de bénéficiaires, il répond aussi à « cet IBAN est-il inchangé pour
ce bénéficiaire ? », le réflexe contre la fraude au faux RIB (« nos coordonnées
bancaires ont changé ») : chaque IBAN est comparé à celui vérifié auparavant pour le
bénéficiaire (sujet de type « payment »). Vérifier n'enregistre jamais rien :
enregistrez un IBAN avec --confirm seulement après l'avoir vérifié avec le
bénéficiaire, par téléphone, au numéro que vous connaissiez déjà.

Options :
  --json        un objet JSON par IBAN et par ligne
  --lang fr|en  langue des messages et des réflexes (par défaut : $TRUSTCHECK_LANG,
                sinon la langue du système, sinon fr)
  --book CARNET carnet de bénéficiaires : un fichier SQLite (créé par le premier
                --confirm), ou une adresse postgres://utilisateur@hôte/base
  --payee ID    le bénéficiaire de l'IBAN (numéro de fournisseur, de contact...)
  --name NOM    nom du titulaire du compte : comparé à celui enregistré (identique,
                proche, différent) ; enregistré avec --confirm
  --bic BIC     le BIC donné avec l'IBAN : son pays doit être celui de l'IBAN
  --confirm     enregistre l'IBAN comme vérifié pour le bénéficiaire (c'est lui
                qu'on paiera)
  --revoke      enregistre que l'IBAN ne doit plus être payé à ce bénéficiaire
  --by QUI      qui l'a vérifié ou retiré (par défaut : l'utilisateur du système)
  -             comme IBAN : lit un IBAN par ligne sur l'entrée standard

Exemples :
  trustcheck iban "FR76 3000 6000 0112 3456 7890 189"
  trustcheck iban --json --lang en FR7630006000011234567890189 DE89370400440532013000
  trustcheck iban - < ibans.txt
  trustcheck iban --book payees.db --payee F-0042 --name "Minoterie du Rhône" --confirm FR7630006000011234567890189
  trustcheck iban --book payees.db --payee F-0042 --name "MINOTERIE DU RHONE SAS" LT121000011101001000

Code de sortie : 0 valide (et inchangé), 3 au moins un IBAN à revérifier (faute de
frappe, hors zone SEPA, nouveau bénéficiaire, nom proche), 4 au moins un IBAN avec
une clé bancaire de faux RIB ou changé pour son bénéficiaire, 1 le carnet n'a pas pu
être lu, 2 erreur d'usage.
`

const pain001HelpFR = `Utilisation : trustcheck pain001 [--book CARNET] [--json] [--lang fr|en] FICHIER.xml...

Vérifie un fichier de virements avant qu'il parte à la banque : un ordre de virement
ISO 20022 (pain.001.001.03 ou .09, tel que l'exportent les logiciels de comptabilité
et de paie). Chaque virement a son rapport (type « payment ») : IBAN bien formé, BIC
du pays de l'IBAN et, avec un carnet de bénéficiaires, IBAN inchangé pour le
créancier et nom conforme. Puis un rapport par fichier (type « file ») : combien de
virements sont signalés, et si les totaux de contrôle (NbOfTxs, CtrlSum)
correspondent aux virements.

Les entreprises peuvent renoncer à la vérification du bénéficiaire de leur banque
pour ces fichiers groupés : cette vérification-ci se fait hors ligne, sur votre
propre carnet, avant l'envoi.

Le bénéficiaire d'un virement est l'identifiant du créancier dans le fichier
(Cdtr/Id/.../Othr/Id) s'il y en a un, sinon le nom du créancier tel qu'écrit :
enregistrez les bénéficiaires sous cet identifiant avec
« trustcheck iban --book CARNET --payee ID --name NOM --confirm IBAN ».

Options :
  --book CARNET carnet de bénéficiaires : un fichier SQLite, ou une adresse
                postgres://utilisateur@hôte/base
  --json        un objet JSON par virement et par fichier, un par ligne
  --lang fr|en  langue des messages et des réflexes (par défaut : $TRUSTCHECK_LANG,
                sinon la langue du système, sinon fr)
  -             comme fichier : lit un nom de fichier par ligne sur l'entrée standard

Exemples :
  trustcheck pain001 virements-mars.xml
  trustcheck pain001 --book payees.db --json virements-mars.xml

Code de sortie : 0 rien à signaler, 3 au moins un virement à vérifier, 4 au moins un
virement à bloquer ou des totaux de contrôle faux, 1 un fichier ou le carnet n'a pas
pu être lu, 2 erreur d'usage.
`

const storeHelpFR = `Utilisation : trustcheck store [--json] [--lang fr|en] CHEMIN...

Lit chaque fichier par son contenu (jamais par son nom) et dit s'il est chiffré
(age, OpenPGP, ZIP AES, 7z, PDF, LUKS, KeePass...), faiblement chiffré (ZipCrypto,
RC4, un PDF ou une base KeePass qui s'ouvre avec un mot de passe vide) ou en clair,
et si ce qui est lisible (documents, mails, carnets d'adresses, bases SQLite) contient
des numéros personnels français (numéro de sécurité sociale, IBAN, carte bancaire,
bande MRZ, numéro fiscal), affichés masqués.
Un fichier donne son seul rapport (type « file ») ; un dossier donne un rapport par
fichier, puis celui du dossier (type « store ») : chiffré, en clair ou mélangé. La
progression s'affiche sur la sortie d'erreur quand c'est un terminal.

Options :
  --json        un objet JSON par rapport et par ligne
  --lang fr|en  langue des messages et des réflexes (par défaut : $TRUSTCHECK_LANG,
                sinon la langue du système, sinon fr)

Exemples :
  trustcheck store ~/Documents/coffre
  trustcheck store --json releve.pdf scan-cni.zip
`

const messageHelpFR = `Utilisation : trustcheck message [--json] [--lang fr|en] [TEXTE...]

Vérifie le texte d'un SMS ou d'un mail : chaque lien (avec ou sans https://, liens
raccourcis compris) par rapport aux sites officiels, chaque IBAN, et ce que le
message demande (un organisme public qui réclame un paiement, « nouvelles
coordonnées bancaires », urgence à payer).
Sans TEXTE, ou avec « - », toute l'entrée standard est un seul message.
Le sujet affiché est le début du message, IBAN masqués.

Options :
  --json        un objet JSON par message (format d'échange)
  --lang fr|en  langue des messages et des réflexes (par défaut : $TRUSTCHECK_LANG,
                sinon la langue du système, sinon fr)

Exemples :
  trustcheck message < sms.txt
  pbpaste | trustcheck message --lang en
  trustcheck message "INFO ANTAI : réglez votre amende sur antai-gouv-amendes.net"
`

const proceduresHelpFR = `Utilisation : trustcheck procedures [--json] [--lang fr|en]

Liste le catalogue des sites officiels que « trustcheck url » reconnaît : pour chaque
démarche, organisme public ou entreprise, son identifiant (pour « trustcheck url --for
ID »), l'organisme, les sites officiels (un site vaut pour lui-même et ses
sous-domaines, sauf mention « seul »), ce que coûte la démarche sur le site officiel
et les numéros de téléphone officiels.

Options :
  --json        un objet JSON par démarche et par ligne
  --lang fr|en  langue des libellés (par défaut : $TRUSTCHECK_LANG, sinon la langue
                du système, sinon fr)

Exemples :
  trustcheck procedures
  trustcheck procedures --json | grep carte-grise
`

const vaultHelpFR = `Utilisation : trustcheck vault [--dir DOSSIER] [--state FICHIER] [--json] [--lang fr|en] ACTION [ARGS]

Un coffre-fort chiffré de documents (age) : les noms, les métadonnées et les tailles
sont cachés aussi.

Actions :
  init              crée le coffre (demande deux fois une nouvelle phrase de passe ;
                    une phrase trop facile à deviner est refusée : prenez cinq mots
                    tirés au hasard)
  put NOM [FICHIER] range FICHIER (par défaut : l'entrée standard) sous NOM, en
                    remplaçant la version précédente
  get NOM           écrit le document sur la sortie standard, une fois vérifié entier
  ls                liste les documents
  rm NOM            supprime un document
  verify            vérifie chaque document et le journal ; code 1 si quelque chose
                    est endommagé
  log               montre le journal des opérations
  export FICHIER    écrit tous les documents et un manifest.json dans FICHIER (.zip,
                    sinon tar)
  passwd            change la phrase de passe (les documents ne sont pas rechiffrés)
  recover           reconstruit un index perdu ou endommagé à partir de la copie de la
                    clé, du journal et des documents ; dit ce qui n'a pas pu revenir
  purge             supprime les fichiers qu'aucun document n'utilise (anciennes
                    versions, documents supprimés, écritures interrompues), un par un

Options :
  --dir DOSSIER     le dossier du coffre (par défaut $TRUSTCHECK_VAULT, sinon
                    $XDG_DATA_HOME/trustcheck/vault, ~/.local/share/trustcheck/vault)
  --state FICHIER   où cet ordinateur retient la génération du coffre, pour détecter
                    le remplacement par une ancienne copie (par défaut
                    $XDG_STATE_HOME/trustcheck/vault-state, ~/.local/state/... ;
                    « none » pour désactiver)
  --json            ls, log, verify : un objet JSON par ligne
  --lang fr|en      langue des messages (par défaut : $TRUSTCHECK_LANG, sinon la
                    langue du système, sinon fr)

La phrase de passe est lue dans le terminal, ou dans la variable d'environnement
TRUSTCHECK_PASSPHRASE (et la nouvelle, pour passwd, dans TRUSTCHECK_NEW_PASSPHRASE) ;
jamais dans un argument.

Exemples :
  trustcheck vault init
  trustcheck vault put "bulletin 2026-10.pdf" ~/Téléchargements/bulletin.pdf
  trustcheck vault get "bulletin 2026-10.pdf" > bulletin.pdf
  trustcheck vault export coffre.zip

Code de sortie : 0 fait, 1 échec (phrase de passe incorrecte, document endommagé...),
2 erreur d'usage.
`
