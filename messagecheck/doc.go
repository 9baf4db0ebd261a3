// Package messagecheck checks the text of an SMS or a mail, where most scams start:
// "INFO ANTAI : retard de paiement, réglez sur …", "Votre carte Vitale expire, frais
// d'envoi 1,90 EUR", "Nos coordonnées bancaires ont changé".
//
// # What to call first
//
// Make one [Checker] with [New] and call [Checker.Check] for each message. It
// implements [reflex.Checker]; the report has kind "message":
//
//	checker := messagecheck.New()
//	report, err := checker.Check(ctx, smsText) // err: a link or IBAN could not be checked
//	if report.Verdict() >= reflex.Caution {
//		show(report.Findings[0].Reflex(reflex.French)) // the one thing to do
//	}
//
// # What it does
//
// [Extract] finds every link (with or without scheme, bare host names whose top-level
// domain exists such as antai-gouv-amendes.net, shortened links such as bit.ly/…) and
// every IBAN as [ibancheck.Find] finds them (compact or printed in groups, "FR76 3000
// 6000 …", ended at the country's length). Check runs [urlcheck] on each link and the
// [ibancheck] validator on each IBAN, and keeps their findings with the link or the IBAN
// masked by [ibancheck.Mask] as evidence. It then adds what the message itself asks for,
// from the official advice given to the public:
//
//   - message.public-body-payment: a public body (any of urlcheck's catalogue: ANTAI,
//     Assurance Maladie, the tax office, CAF, the police, ...) asking for a payment or
//     bank details: they never do so by SMS or mail;
//   - message.parcel-fee: a parcel held for a fee or a small amount, paid through a link
//     or a number: the commonest scam SMS; the carrier named is suggested;
//   - message.bank-adviser: a problem on the account or the card and a number to call;
//   - message.premium-number: a French premium-rate number (081, 082, 089, 118 XYZ), from
//     a table of ARCEP's numbering plan (numbering.txt, with its source and date);
//   - message.unofficial-number: a number given for a body whose official numbers the
//     catalogue knows, but not one of them; the official one is suggested;
//   - message.new-bank-details: "our bank details have changed", the faux-RIB trick:
//     call back on the number you know;
//   - message.urgent-payment: urgency (a short deadline, a final notice, a penalty, a
//     threat of blocking) together with a payment; the kind is named, never quoted.
//
// The report's subject is the start of the message with its IBANs masked: a report can
// be shown or logged without the full account numbers. Work is bounded: the first
// [MaxBytes] of a message are read, at most [MaxLinks] links and [MaxIBANs] IBANs are
// checked. Nothing calls the network.
package messagecheck
