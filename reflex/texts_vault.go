package reflex

// Texts of the encrypted vault (docstore/vault): its errors, then what a program that
// drives it (the trustcheck CLI) says around them.
const (
	TextVaultNotVault        TextID = "vault.not-vault"
	TextVaultNotEmpty        TextID = "vault.not-empty"
	TextVaultLocked          TextID = "vault.locked"
	TextVaultWrongPassphrase TextID = "vault.wrong-passphrase"
	TextVaultWrongIdentity   TextID = "vault.wrong-identity"
	TextVaultNotFound        TextID = "vault.not-found"
	TextVaultDamaged         TextID = "vault.damaged"
	TextVaultDocumentDamaged TextID = "vault.document-damaged"
	TextVaultFileDamaged     TextID = "vault.file-damaged"
	TextVaultIndexDamaged    TextID = "vault.index-damaged"
	TextVaultRollback        TextID = "vault.rollback"
	TextVaultUnsupported     TextID = "vault.unsupported"
	TextVaultClosed          TextID = "vault.closed"
	TextVaultInvalidName     TextID = "vault.invalid-name"
	TextVaultLastRecipient   TextID = "vault.last-recipient"

	// What the CLI says.
	TextVaultHintInit           TextID = "vault.hint-init"
	TextVaultHintRecover        TextID = "vault.hint-recover"
	TextVaultNoPassphrase       TextID = "vault.no-passphrase"
	TextVaultNoHome             TextID = "vault.no-home"
	TextVaultPassphraseMismatch TextID = "vault.passphrase-mismatch"
	TextVaultPrompt             TextID = "vault.prompt"
	TextVaultPromptNew          TextID = "vault.prompt-new"
	TextVaultPromptAgain        TextID = "vault.prompt-again"
	TextVaultCreated            TextID = "vault.created"
	TextVaultRebuilt            TextID = "vault.rebuilt"
	TextVaultDeleted            TextID = "vault.deleted"
	TextVaultPassphraseChanged  TextID = "vault.passphrase-changed"
	TextVaultStored             TextID = "vault.stored"
	TextVaultEmpty              TextID = "vault.empty"
	TextVaultDamagedLabel       TextID = "vault.damaged-label"
	TextVaultIntact             TextID = "vault.intact"
	TextVaultOrphans            TextID = "vault.orphans"
	TextVaultInterrupted        TextID = "vault.interrupted"
	TextVaultExported           TextID = "vault.exported"
	TextVaultDamageFound        TextID = "vault.damage-found"
	TextVaultHintPurge          TextID = "vault.hint-purge"
	TextVaultRecoverLost        TextID = "vault.recover-lost"
	TextVaultRecoverUnlogged    TextID = "vault.recover-unlogged"
	TextVaultRecoverLogCut      TextID = "vault.recover-log-cut"
	TextVaultRecoverOldCopy     TextID = "vault.recover-old-copy"
	TextVaultPurged             TextID = "vault.purged"
	TextVaultPurgedFile         TextID = "vault.purged-file"
	TextVaultPurgedCount        TextID = "vault.purged-count"
	TextVaultWeakPassphrase     TextID = "vault.weak-passphrase"
)

var vaultTexts = map[TextID]phrase{
	TextVaultNotVault:        {"Aucun coffre à cet endroit[ : {dir}].", "No vault there[: {dir}]."},
	TextVaultNotEmpty:        {"Ce dossier contient déjà d'autres fichiers[ : {dir}]. Choisissez un dossier vide pour le coffre.", "This folder already holds other files[: {dir}]. Choose an empty folder for the vault."},
	TextVaultLocked:          {"Le coffre est utilisé par un autre programme. Réessayez quand il l'aura fermé.", "The vault is in use by another program. Try again once it is closed."},
	TextVaultWrongPassphrase: {"Phrase de passe incorrecte.", "Wrong passphrase."},
	TextVaultWrongIdentity:   {"Cette clé n'ouvre pas ce coffre.", "This key does not open this vault."},
	TextVaultNotFound:        {"Document introuvable[ : {name}].", "No such document[: {name}]."},
	TextVaultDamaged:         {"Le coffre est endommagé ou a été modifié.", "The vault is damaged or was tampered with."},
	TextVaultDocumentDamaged: {"Le document « {name} » est endommagé ou a été modifié[ : {reason:damage}]. Restaurez-le depuis une sauvegarde.", "The document \"{name}\" is damaged or was tampered with[: {reason:damage}]. Restore it from a backup."},
	TextVaultFileDamaged:     {"Un fichier du coffre ({name}) est endommagé ou a été modifié[ : {reason:damage}].", "A file of the vault ({name}) is damaged or was tampered with[: {reason:damage}]."},
	TextVaultIndexDamaged:    {"L'index du coffre est endommagé ou absent[ : {reason:damage}].", "The vault's index is damaged or missing[: {reason:damage}]."},
	TextVaultRollback:        {"Le coffre est plus ancien que le dernier état vu sur cet ordinateur. Il a été remplacé par une ancienne copie.", "The vault is older than the last state seen on this computer. It was replaced by an old copy."},
	TextVaultUnsupported:     {"Ce coffre utilise un format que ce programme ne connaît pas. Mettez le programme à jour.", "This vault uses a format this program does not know. Update the program."},
	TextVaultClosed:          {"Le coffre est fermé.", "The vault is closed."},
	TextVaultInvalidName:     {"Ce nom n'est pas accepté : il doit être court, sur une seule ligne, sans caractère de contrôle.", "This name is not accepted: it must be short, on one line, without control characters."},
	TextVaultLastRecipient:   {"Impossible de retirer la dernière clé : plus personne ne pourrait ouvrir le coffre.", "Cannot remove the last key: nobody could open the vault any more."},

	TextVaultHintInit:           {"Créez-en un avec : trustcheck vault init", "Create one with: trustcheck vault init"},
	TextVaultHintRecover:        {"Reconstruisez-le avec : trustcheck vault recover", "Rebuild it with: trustcheck vault recover"},
	TextVaultNoPassphrase:       {"Pas de phrase de passe : lancez la commande dans un terminal ou définissez TRUSTCHECK_PASSPHRASE.", "No passphrase: run the command in a terminal or set TRUSTCHECK_PASSPHRASE."},
	TextVaultNoHome:             {"Ni ${env} ni $HOME ne sont définis : indiquez --dir et --state.", "Neither ${env} nor $HOME is set: give --dir and --state."},
	TextVaultPassphraseMismatch: {"Les deux phrases de passe diffèrent.", "The two passphrases differ."},
	TextVaultPrompt:             {"Phrase de passe du coffre : ", "Vault passphrase: "},
	TextVaultPromptNew:          {"Nouvelle phrase de passe du coffre : ", "New vault passphrase: "},
	TextVaultPromptAgain:        {"Encore une fois : ", "Again: "},
	TextVaultCreated:            {"Coffre créé dans {dir}.", "Vault created in {dir}."},
	TextVaultRebuilt:            {"Index reconstruit : {n:count:vault.documents}.", "Index rebuilt: {n:count:vault.documents}."},
	TextVaultDeleted:            {"« {name} » supprimé.", "\"{name}\" deleted."},
	TextVaultPassphraseChanged:  {"Phrase de passe changée.", "Passphrase changed."},
	TextVaultStored:             {"« {name} » rangé (version {version}, {size:count:vault.bytes}).", "\"{name}\" stored (version {version}, {size:count:vault.bytes})."},
	TextVaultEmpty:              {"Le coffre est vide.", "The vault is empty."},
	TextVaultDamagedLabel:       {"ENDOMMAGÉ", "DAMAGED"},
	TextVaultIntact:             {"{n:count:vault.intact}.", "{n:count:vault.intact}."},
	TextVaultOrphans:            {"Fichiers orphelins (laissés par une opération interrompue, ou déposés à la main) : {n:number}.", "Unreferenced files (left by an interrupted operation, or put there by hand): {n:number}."},
	TextVaultInterrupted:        {"(interrompu, sans effet)", "(interrupted, not applied)"},
	TextVaultExported:           {"Exporté dans {path}. Le contenu est en clair : gardez-le en lieu sûr.", "Exported to {path}. The content is not encrypted: keep it safe."},
	TextVaultDamageFound:        {"Des fichiers sont endommagés ou ont été modifiés. Restaurez-les depuis une sauvegarde ou un export.", "Some files are damaged or were tampered with. Restore them from a backup or an export."},
	TextVaultHintPurge:          {"Supprimez-les avec : trustcheck vault purge", "Remove them with: trustcheck vault purge"},
	TextVaultRecoverLost:        {"« {name} » (version {version}) n'a pas pu être restauré : {reason:damage}. Restaurez-le depuis une sauvegarde ou un export.", "\"{name}\" (version {version}) could not be restored: {reason:damage}. Restore it from a backup or an export."},
	TextVaultRecoverUnlogged:    {"« {name} » (version {version}) restauré sans trace dans le journal : une version plus récente a pu être perdue.", "\"{name}\" (version {version}) restored without a trace in the log: a newer version may have been lost."},
	TextVaultRecoverLogCut:      {"Le journal du coffre était abîmé : les dernières opérations ont pu être perdues. Vérifiez vos documents récents.", "The vault's log was damaged: the latest operations may have been lost. Check your recent documents."},
	TextVaultRecoverOldCopy:     {"Cet ordinateur a vu des opérations que le coffre n'a plus : c'est peut-être une ancienne copie.", "This computer saw operations the vault no longer has: it may be an old copy."},
	TextVaultPurged:             {"Supprimé : « {name} » version {version} ({kind:orphan}).", "Removed: \"{name}\" version {version} ({kind:orphan})."},
	TextVaultPurgedFile:         {"Supprimé : fichier {file} ({kind:orphan}).", "Removed: file {file} ({kind:orphan})."},
	TextVaultPurgedCount:        {"Fichiers supprimés : {n:number}.", "Files removed: {n:number}."},
	TextVaultWeakPassphrase:     {"Cette phrase de passe est trop facile à deviner. Prenez plutôt cinq mots tirés au hasard d'un dictionnaire, sans lien entre eux, séparés par des espaces.", "This passphrase is too easy to guess. Use five words picked at random from a dictionary, unrelated, separated by spaces instead."},

	"vault.documents.one":   {"{n:number} document", "{n:number} document"},
	"vault.documents.other": {"{n:number} documents", "{n:number} documents"},
	"vault.intact.one":      {"{n:number} document vérifié, intact", "{n:number} document checked, intact"},
	"vault.intact.other":    {"{n:number} documents vérifiés, tous intacts", "{n:number} documents checked, all intact"},
	"vault.bytes.one":       {"{n:number} octet", "{n:number} byte"},
	"vault.bytes.other":     {"{n:number} octets", "{n:number} bytes"},

	// Why a file of the vault is an orphan (vault.OrphanKind).
	"orphan.replaced":    {"ancienne version remplacée", "older version, replaced"},
	"orphan.deleted":     {"document supprimé", "deleted document"},
	"orphan.interrupted": {"écriture interrompue", "interrupted write"},
	"orphan.unknown":     {"fichier inconnu du journal", "file unknown to the log"},

	// Why a vault file is called damaged (vault.Reason).
	"damage.missing":   {"fichier absent", "file missing"},
	"damage.auth":      {"contenu altéré", "content altered"},
	"damage.swapped":   {"fichier échangé avec un autre", "file swapped with another"},
	"damage.truncated": {"fichier tronqué", "file cut short"},
	"damage.format":    {"structure illisible", "unreadable structure"},
}
