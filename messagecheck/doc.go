// Package messagecheck checks the text of an SMS or a mail, where most scams start:
// "INFO ANTAI : retard de paiement, réglez sur …", "Votre carte Vitale expire, frais
// d'envoi 1,90 EUR", "Nos coordonnées bancaires ont changé".
//
// # What to call first
//
// Make one Checker with New and call Check for each message. It implements
// reflex.Checker; the report has kind "message":
//
//	checker := messagecheck.New()
//	report, err := checker.Check(ctx, smsText) // err: a link or IBAN could not be checked
//	if report.Verdict() >= reflex.Caution {
//		show(report.Findings[0].Reflex(reflex.French)) // the one thing to do
//	}
//
// # What it does
//
// Extract finds every link (with or without scheme, bare host names whose top-level
// domain exists such as antai-gouv-amendes.net, shortened links such as bit.ly/…) and
// every IBAN as [ibancheck.Find] finds them (compact or printed in groups, "FR76 3000
// 6000 …", ended at the country's length). Check runs urlcheck on each link and the
// ibancheck validator on each IBAN, and keeps their findings with the link or the IBAN
// masked by [ibancheck.Mask] as evidence. It then adds what the message itself asks for,
// from the official advice given to the public:
//
//   - message.public-body-payment: a public body (ANTAI, Assurance Maladie, the tax
//     office, CAF, France Travail, ANTS, Urssaf, Crit'Air, Mon Compte Formation) asking
//     for a payment or bank details: they never do so by SMS or mail;
//   - message.new-bank-details: "our bank details have changed", the faux-RIB trick:
//     call back on the number you know;
//   - message.urgent-payment: urgency ("sous 24h", "dernier rappel", "majoration")
//     together with a payment.
//
// The report's subject is the start of the message with its IBANs masked: a report can
// be shown or logged without the full account numbers. Work is bounded: the first
// MaxMessageBytes of a message are read, at most MaxLinks links and MaxIBANs IBANs are
// checked. Nothing calls the network.
package messagecheck
