package reflex

// Codes of batch payment files (ibancheck's pain.001 audit): the file as a whole. Each
// transfer in it gets its own report of kind "payment" with the iban.* codes.
const (
	PaymentBatchOK         Code = "payment.batch-ok"
	PaymentBatchFlagged    Code = "payment.batch-flagged"
	PaymentControlMismatch Code = "payment.control-mismatch"
)

var paymentEntries = map[Code]entry{
	PaymentBatchOK: {
		fr: text{"Les virements du fichier ({total}) ont été vérifiés, sans alerte.", "Vous pouvez envoyer le fichier à votre banque."},
		en: text{"The transfers of the file ({total}) were checked, with no warning.", "You can send the file to your bank."},
	},
	PaymentBatchFlagged: {
		fr: text{"{flagged} virement(s) sur {total} sont signalés[, dont {danger} à bloquer].", "N'envoyez pas le fichier tel quel. Vérifiez chaque virement signalé : appelez le créancier au numéro que vous connaissez."},
		en: text{"{flagged} of {total} transfers are flagged[, {danger} of them to stop].", "Do not send the file as it is. Check each flagged transfer: call the creditor on the number you know."},
	},
	PaymentControlMismatch: {
		fr: text{"Les totaux de contrôle du fichier ne correspondent pas à ses virements. Il a pu être modifié ou tronqué.", "N'envoyez pas ce fichier : générez-le de nouveau depuis votre logiciel et comparez."},
		en: text{"The file's control totals do not match its transfers. It may have been altered or cut.", "Do not send this file: export it again from your software and compare."},
	},
}
