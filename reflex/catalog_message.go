package reflex

// Codes of messagecheck: what an SMS or a mail asks for, beyond its links and IBANs
// (which get the url.* and iban.* codes of their own checks).
const (
	MessagePublicBodyPayment Code = "message.public-body-payment"
	MessageNewBankDetails    Code = "message.new-bank-details"
	MessageUrgentPayment     Code = "message.urgent-payment"
	MessageParcelFee         Code = "message.parcel-fee"        // fees to deliver a parcel, the commonest SMS scam
	MessageBankAdviser       Code = "message.bank-adviser"      // "suspicious operation, call your adviser"
	MessagePremiumNumber     Code = "message.premium-number"    // a French premium-rate number to call
	MessageUnofficialNumber  Code = "message.unofficial-number" // a body's contact number that is not its official one
)

// The message texts take {org} (org.en in English) and {suggest} from the catalogue of
// urlcheck, {amount} as a language-neutral amount ("1.99 EUR"), {number} as a phone
// number written the French way ("08 99 12 34 56"), and words of vocabularies.
var messageEntries = map[Code]entry{
	MessagePublicBodyPayment: {
		fr: text{"Ce message se présente comme venant d'un organisme public[ ({org})] et demande un paiement ou vos coordonnées bancaires. Ils ne le font jamais par SMS ni par mail.",
			"Ne cliquez pas et ne payez rien.[ Allez vous-même sur le site officiel : {suggest}]"},
		en: text{"This message claims to come from a public body[ ({org})] and asks for a payment or your bank details. They never do so by text message or e-mail.",
			"Do not click and do not pay.[ Go to the official site yourself: {suggest}]"},
		evidence: phrase{"[{org}]", "[{org}]"},
	},
	MessageNewBankDetails: {
		fr: text{"Ce message annonce de nouvelles coordonnées bancaires. C'est la ruse du faux RIB.",
			"Ne payez pas sur ce compte. Appelez votre interlocuteur au numéro que vous connaissez, pas celui du message."},
		en: text{"This message announces new bank details. This is the fake bank details trick.",
			"Do not pay to this account. Call your contact on the number you know, not the one in the message."},
	},
	MessageUrgentPayment: {
		fr: text{"Ce message vous presse de payer. L'urgence sert à vous empêcher de réfléchir.",
			"Prenez le temps de vérifier : contactez l'organisme par ses moyens habituels avant de payer."},
		en: text{"This message rushes you to pay. Urgency is there to stop you thinking.",
			"Take the time to check: contact the organisation through its usual channels before you pay."},
		evidence: phrase{"[{urgency:urgency}]", "[{urgency:urgency}]"},
	},
	MessageParcelFee: {
		fr: text{"Ce message réclame des frais pour livrer un colis[ ({org})]. C'est l'arnaque par SMS la plus courante.",
			"Ne cliquez pas et ne payez rien.[ {org} ne demande jamais de frais de livraison par SMS.] Suivez votre colis en tapant vous-même l'adresse du transporteur.[ C'est {suggest}]"},
		en: text{"This message asks for fees to deliver a parcel[ ({org})]. It is the commonest text message scam.",
			"Do not click and do not pay.[ {org} never asks for delivery fees by text message.] Track your parcel by typing the carrier's address yourself.[ It is {suggest}]"},
		evidence: phrase{"[{amount:amount} demandés]", "[{amount:amount} asked for]"},
	},
	MessageBankAdviser: {
		fr: text{"Ce message signale un problème sur votre compte ou votre carte et vous fait appeler un numéro. C'est la ruse du faux conseiller bancaire.",
			"N'appelez pas ce numéro et ne donnez aucun code. Appelez votre banque au numéro écrit au dos de votre carte."},
		en: text{"This message reports a problem with your account or card and makes you call a number. It is the fake bank adviser trick.",
			"Do not call this number and give no code. Call your bank on the number written on the back of your card."},
	},
	MessagePremiumNumber: {
		fr: text{"Ce message vous fait appeler un numéro surtaxé : l'appel vous coûtera cher, c'est souvent le but.",
			"N'appelez pas ce numéro. Cherchez vous-même le numéro officiel de l'organisme, sur son site."},
		en: text{"This message makes you call a premium-rate number: the call will cost you dearly, often the very aim.",
			"Do not call this number. Look up the official number of the organisation yourself, on its site."},
		evidence: phrase{"{number}[ : {tier:tier}]", "{number}[: {tier:tier}]"},
	},
	MessageUnofficialNumber: {
		fr: text{"Ce message donne un numéro à appeler qui n'est pas un numéro officiel[ de {org}].",
			"N'appelez pas le numéro du message. Appelez vous-même le numéro officiel[ : {suggest}]."},
		en: text{"This message gives a number to call that is not an official number[ of {org}].",
			"Do not call the number in the message. Call the official number yourself[: {suggest}]."},
		evidence: phrase{"{number}", "{number}"},
	},
}

// messageTexts are the words of messagecheck's evidence: what kind of urgency a message
// uses, and what kind of number it gives.
var messageTexts = map[TextID]phrase{
	"urgency.deadline":    {"un délai très court", "a very short deadline"},
	"urgency.last-notice": {"un « dernier rappel »", "a \"final notice\""},
	"urgency.penalty":     {"une menace de pénalité ou de poursuites", "a threat of penalties or legal action"},
	"urgency.blocking":    {"une menace de blocage ou d'expiration", "a threat of blocking or expiry"},
	"urgency.urgent":      {"le mot « urgent »", "the word \"urgent\""},

	"tier.premium":   {"numéro à tarif majoré", "premium-rate number"},
	"tier.directory": {"service de renseignements à tarif majoré", "premium-rate directory enquiries"},
}
