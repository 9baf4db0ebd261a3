package reflex

// Texts of errors that a person reads (see Problem and ErrorText). Each says what
// happened in plain words and, where there is one, what to do.
const (
	TextCancelled  TextID = "error.cancelled"
	TextTimeout    TextID = "error.timeout"
	TextNotFound   TextID = "error.not-found"
	TextPermission TextID = "error.permission"
	TextUnreadable TextID = "error.unreadable"
	TextInternal   TextID = "error.internal"
	TextExists     TextID = "error.exists"
	// TextNotRegularFile: a FIFO, a device, a socket or a folder was given where a
	// file is expected.
	TextNotRegularFile TextID = "error.not-regular-file"
)

var errorTexts = map[TextID]phrase{
	TextCancelled:      {"La vérification a été interrompue.", "The check was stopped."},
	TextTimeout:        {"La vérification a pris trop de temps.", "The check took too long."},
	TextNotFound:       {"Fichier ou dossier introuvable[ : {path}].", "No such file or folder[: {path}]."},
	TextPermission:     {"Accès refusé[ à {path}] : vos droits ne permettent pas de le lire.", "Access denied[ to {path}]: your rights do not allow reading it."},
	TextUnreadable:     {"Impossible de lire {path}.", "Cannot read {path}."},
	TextExists:         {"Ce fichier existe déjà[ : {path}]. Choisissez un autre nom.", "This file already exists[: {path}]. Choose another name."},
	TextNotRegularFile: {"{path} n'est pas un fichier ordinaire (c'est un dossier, un tube ou un périphérique). Donnez le chemin d'un fichier.", "{path} is not a regular file (it is a folder, a pipe or a device). Give the path of a file."},
	TextInternal:       {"Une erreur technique a empêché la vérification.", "A technical error stopped the check."},
}
