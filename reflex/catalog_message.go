package reflex

// Codes of messagecheck: what an SMS or a mail asks for, beyond its links and IBANs
// (which get the url.* and iban.* codes of their own checks).
const (
	MessagePublicBodyPayment Code = "message.public-body-payment"
	MessageNewBankDetails    Code = "message.new-bank-details"
	MessageUrgentPayment     Code = "message.urgent-payment"
)

var messageEntries = map[Code]entry{
	MessagePublicBodyPayment: {
		fr: text{"Ce message se présente comme venant d'un organisme public[ ({org})] et demande un paiement ou vos coordonnées bancaires. Ils ne le font jamais par SMS ni par mail.",
			"Ne cliquez pas et ne payez rien.[ Allez vous-même sur le site officiel : {suggest}]"},
		en: text{"This message claims to come from a public body[ ({org})] and asks for a payment or your bank details. They never do so by text message or e-mail.",
			"Do not click and do not pay.[ Go to the official site yourself: {suggest}]"},
	},
	MessageNewBankDetails: {
		fr: text{"Ce message annonce de nouvelles coordonnées bancaires. C'est la ruse du faux RIB.",
			"Ne payez pas sur ce compte. Appelez votre interlocuteur au numéro que vous connaissez, pas celui du message."},
		en: text{"This message announces new bank details. This is the fake bank details trick.",
			"Do not pay to this account. Call your contact on the number you know, not the one in the message."},
	},
	MessageUrgentPayment: {
		fr: text{"Ce message vous presse de payer[ ({evidence})]. L'urgence sert à vous empêcher de réfléchir.",
			"Prenez le temps de vérifier : contactez l'organisme par ses moyens habituels avant de payer."},
		en: text{"This message rushes you to pay[ ({evidence})]. Urgency is there to stop you thinking.",
			"Take the time to check: contact the organisation through its usual channels before you pay."},
	},
}
