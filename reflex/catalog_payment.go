package reflex

// Codes of batch payment files (ibancheck's pain.001 audit): the file as a whole. Each
// transfer in it gets its own report of kind "payment" with the iban.* codes.
const (
	PaymentBatchOK         Code = "payment.batch-ok"
	PaymentBatchFlagged    Code = "payment.batch-flagged"
	PaymentControlMismatch Code = "payment.control-mismatch"
)

// paymentVocabulary counts transfers and names the control fields of a pain.001 file.
var paymentVocabulary = map[TextID]phrase{
	"payment.transfers.one":   {"{n:number} virement", "{n:number} transfer"},
	"payment.transfers.other": {"{n:number} virements", "{n:number} transfers"},
	"payment.flagged.one":     {"{n:number} virement sur {total:number} est signalé", "{n:number} of {total:number} transfers is flagged"},
	"payment.flagged.other":   {"{n:number} virements sur {total:number} sont signalés", "{n:number} of {total:number} transfers are flagged"},
	"controlfield.NbOfTxs":    {"nombre de virements", "number of transfers"},
	"controlfield.CtrlSum":    {"somme de contrôle", "control sum"},
}

var paymentEntries = map[Code]entry{
	PaymentBatchOK: {
		fr:       text{"Les virements du fichier ({total:number}) ont été vérifiés, sans alerte.", "Vous pouvez envoyer le fichier à votre banque."},
		en:       text{"The transfers of the file ({total:number}) were checked, with no warning.", "You can send the file to your bank."},
		evidence: phrase{"{total:count:payment.transfers}[, total {amount:amount}]", "{total:count:payment.transfers}[, total {amount:amount}]"},
	},
	PaymentBatchFlagged: {
		fr:       text{"{flagged:count:payment.flagged}[, dont {danger:number} à bloquer].", "N'envoyez pas le fichier tel quel. Vérifiez chaque virement signalé : appelez le créancier au numéro que vous connaissez."},
		en:       text{"{flagged:count:payment.flagged}[, {danger:number} of them to stop].", "Do not send the file as it is. Check each flagged transfer: call the creditor on the number you know."},
		evidence: phrase{"{total:count:payment.transfers}[, total {amount:amount}]", "{total:count:payment.transfers}[, total {amount:amount}]"},
	},
	PaymentControlMismatch: {
		fr:       text{"Les totaux de contrôle du fichier ne correspondent pas à ses virements. Il a pu être modifié ou tronqué.", "N'envoyez pas ce fichier : générez-le de nouveau depuis votre logiciel et comparez."},
		en:       text{"The file's control totals do not match its transfers. It may have been altered or cut.", "Do not send this file: export it again from your software and compare."},
		evidence: phrase{"{field:controlfield}[ ({where})] : {declared:decimal} annoncé, {actual:decimal} trouvé", "{field:controlfield}[ ({where})]: {declared:decimal} declared, {actual:decimal} found"},
	},
}
