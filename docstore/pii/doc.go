// Package pii finds French personal numbers in text: the social security number
// (NIR), IBANs, payment card numbers, the machine-readable zone (MRZ) of identity
// cards and passports, and the tax number (numéro fiscal, SPI). It checks their check
// digits and never returns a number in full.
//
// # What to call first
//
// [Scan] reads any [io.Reader] to its end, in bounded memory, and returns one [Match]
// per number found, in order of offset: its [Kind], offset and length in the input,
// a masked value safe to log and show, what its check digits say ([Checksum]) and
// what the words before it say ([Context]). [ScanBytes] does the same over text
// already in memory.
//
//	matches, err := pii.Scan(file)
//	for _, m := range matches {
//		fmt.Println(m.Kind, m.Masked) // nir 1 ** ** ** *** *** 91
//	}
//
// [Kinds] sums matches up as a list of kinds. Options: [WithKinds] looks for some
// kinds only, [WithMaxBytes] caps the input read, [WithRejected] also returns the
// near misses (a wrong check digit, a business number such as a SIRET).
//
// docstore's Inspector runs ScanBytes on everything it can read in clear (text, office
// documents, PDFs, archives); a partner app that has the text already needs nothing
// else from docstore.
//
// # How it decides
//
// Checksums first, context second. Separators (space, dot, dash, no-break spaces)
// are allowed between digit groups.
//
//   - [NIR] (numéro de sécurité sociale): key = 97 - (13 digits mod 97), Corsica 2A/2B
//     read as 19/18, plausible first digit (1, 2, or 7, 8 for temporary numbers),
//     month (01-12, or 20-42 and 50-99 when unknown) and department.
//   - [IBAN]: read by ibancheck.FindBytes, the finder of IBANs in text that every
//     package shares: mod 97 and the national bank key (the French RIB key), in
//     capitals or lower case, glued or in groups of four.
//   - [Card]: Luhn, issuer prefix and length (the lengths of cards in use), written
//     in one block or in the usual groups; not all the same digit.
//   - [MRZ]: passport (TD3), identity card TD1 (2021 French card) and the 1988-2021
//     French card (2 x 36), with every 7-3-1 check digit.
//   - [SPI] (numéro fiscal): 13 digits, first 0 to 3, last three = first ten mod 511.
//
// A word just before a number decides its context: "SIRET", "IMEI", "commande",
// "suivi", "PDL" and the like rule a number out (a Luhn-valid SIRET or IMEI is not a
// card: [ContextNegative]), "sécurité sociale", "IBAN", "carte", "numéro fiscal"
// confirm it ([ContextPositive]). An IBAN stays an IBAN whatever its label.
package pii
