// Package ibancheck validates IBANs and BICs, finds the IBANs written in a text, and
// tells a person, in plain words, whether the IBAN of a bank transfer looks right.
//
// A forged RIB often carries an IBAN made with an online "IBAN calculator": its
// ISO 7064 mod-97 check digits are right, but the national bank key inside it (the
// French clé RIB) is wrong. Most validators check only mod 97 and let it through.
// ibancheck also checks the national key, and reports a wrong one as
// iban.invalid-national-key, at danger: that is the forged-RIB signature.
//
// # What to call first
//
// To check a form field, call [Parse] (or [Validate]):
//
//	ip, err := ibancheck.Parse(input) // "fr76 3000 6000 0112 3456 7890 189" is fine
//	if errors.Is(err, ibancheck.ErrNationalKey) {
//		// mod 97 right, bank key wrong: do not pay
//	}
//	fmt.Println(ip.Masked()) // FR76 **** **** 0189: safe to log
//
// To warn a person, use a [Checker] ([New]): its Check answers with a reflex.Report
// whose findings carry the message and the one safe action, in French or English;
// [Checker.CheckPayment] also compares the BIC of a [Payment] with the IBAN's country:
//
//	report, _ := ibancheck.New().Check(ctx, input)
//	if report.Verdict() >= reflex.Caution {
//		show(report.Findings[0].Reflex(reflex.French))
//	}
//
// To find the IBANs of a letter, a mail or a document, range over [Find] (or
// [FindBytes]): each [Found] gives where the IBAN is written, the parsed [IBAN] or
// why it is not one, and its masked form.
//
// To check a BIC (code SWIFT), call [ParseBIC]. To show or log an account number,
// [Mask] it.
//
// The other questions have their packages: "is this IBAN unchanged for this payee?"
// is payee.Book (package ibancheck/payee, opened from a path or URL by package
// ibancheck/payee/bookopen); a bank transfer file is audited by pain001.Audit
// (package ibancheck/pain001).
//
// # What Parse accepts and checks
//
// Parse takes what people paste: the electronic form, the printed form in groups of
// four, lower case, blanks anywhere (spaces, tabs, no-break spaces), a leading "IBAN" or
// "IBAN:". Any other character (a dash, a dot) is an error, with its position. Then, in
// this order, the first failure is the error (an [*Error], whose [Reason] is also one of
// the sentinels for errors.Is):
//
//   - [ErrFormat]: the first two characters are not letters, or a character is not a
//     letter or digit (Error.Pos is its 1-based position, blanks not counted);
//   - [ErrCountry]: the country is not in the SWIFT IBAN Registry;
//   - [ErrLength]: the length is not the country's (or the input is empty);
//   - ErrFormat: the check digits are not digits, or a character does not fit the
//     registry's BBAN structure (a letter where the registry wants a digit);
//   - [ErrChecksum]: check digits 00, 01 or 99 (ISO 13616 issues only 02..98: they pass
//     mod 97 exactly when 97, 98 or 02 would), or ISO 7064 mod 97-10 fails;
//   - [ErrNationalKey]: the national bank key is wrong.
//
// Parse and Validate do not allocate when the IBAN is valid.
//
// # IBANs in a text
//
// [Find] reads IBANs as people write them: "FR76 3000 6000 0112 3456 7890 189",
// "fr7630006000011234567890189", "FR 76 3000 ...", groups of four joined by a space, a
// tab, a hyphen or a no-break space. It knows where an IBAN ends from the registry's
// length for its country ([Length]): "BE68 5390 0754 7034 2024" is a Belgian IBAN and a
// year. It reports invalid IBANs too, with Parse's error (a forged RIB in a scam
// message is one), and leaves out masked ones ("FR76 **** **** 0189"). The work is
// linear in the text's length, and nothing is allocated for valid IBANs. See
// [Registry.Find] for the exact rule.
//
// # Registry
//
// The country table is the SWIFT IBAN Registry, release 102 (June 2026): 89 country
// codes, each with its length ([Length]), BBAN structure and the positions of the bank
// and branch identifiers ([IBAN.BankCode], [IBAN.BranchCode]). It is the data file
// registry.txt, in this package's directory, compiled into a Go table by
// `go generate ./ibancheck/internal/registry`; a test fails when the table is stale.
//
// When a country changes its format, or joins the registry, before ibancheck is
// updated, give the Checker an updated registry file at run time:
//
//	c := ibancheck.New(ibancheck.WithRegistry(f)) // f: registry.txt's format
//	if err := c.Err(); err != nil { /* errors.Is(err, ibancheck.ErrRegistry): line and fault */ }
//	ip, err := c.Registry().Parse(input)           // Parse with that registry
//
// The file is checked as strictly as at build time ([ReadRegistry]): well-formed lines,
// no country twice, every example valid. It replaces the embedded registry, which the
// package-level Parse, Validate, Find, Length, Countries and CountryName keep using. A
// country whose BBAN structure is unchanged keeps its national key check; a new
// country, or one whose structure changed, gets the structure and mod 97 checks. A
// payee.Book made with payee.WithChecker, and pain001.Audit through that book, parse
// with the Checker's registry.
//
// Territories that use another country's IBANs are not registry codes: the French
// overseas departments and territories (GF, GP, MQ, RE, PF, TF, YT, NC, BL, MF, PM, WF)
// use FR IBANs, Jersey, Guernsey and the Isle of Man (JE, GG, IM) use GB IBANs, Åland
// (AX) uses FI IBANs. An IBAN starting with one of those codes is therefore wrong, and
// Parse reports ErrCountry with Error.UseCountry set to the prefix to use: a person who
// typed "GP76..." is told that accounts in Guadeloupe have IBANs starting with FR.
// (Their BICs do carry the territory's code: [BIC.MatchesIBANCountry] knows it.)
//
// # National bank keys
//
// Where the algorithm is public, the key inside the BBAN is checked (the names are
// what [IBAN.NationalCheck] and Error.Check return):
//
//   - FR, MC: clé RIB, 97 - (89 bank + 15 branch + 3 account) mod 97, letters of the
//     account read as digits (A and J = 1, B K S = 2, ... I R Z = 9);
//   - ES: dígitos de control, two mod-11 digits (bank + branch, account);
//   - IT, SM: CIN, the letter at the head of the BBAN;
//   - BE: the last two digits are the first ten mod 97 (0 written 97);
//   - NO: mod 11 with weights 5,4,3,2,7,6,5,4,3,2 (the postgiro bank 0000: Luhn);
//   - FI: Luhn over the BBAN;
//   - EE: 7-3-1 over the account;
//   - PL: the check digit of the sort code, weights 3,9,7,1;
//   - CZ, SK: prefix and account each 0 mod 11;
//   - IS: the check digit of the holder's kennitala;
//   - BA, ME, MK, PT, RS, SI, TL: the BBAN is 1 mod 97; MR, TN: the BBAN is 0 mod 97.
//
// Germany's account check digits depend on the bank (over a hundred methods listed by
// the Bundesbank): they are out of scope, as are the other countries' bank-specific
// schemes. For those countries only mod 97 is checked.
//
// # SEPA
//
// [IBAN.IsSEPA] uses the package's own list ([SEPACountries]), from the European
// Payments Council's list of SEPA scheme countries as of November 2026, because the
// registry's flags lag behind it: Albania, Moldova, Montenegro and North Macedonia
// joined in 2025, Serbia in 2026. The Checker reports a valid IBAN outside SEPA as
// iban.non-sepa, at caution by default ([WithNonSEPASeverity]).
//
// # Privacy
//
// An IBAN is personal data. Errors never contain it. [Mask] is the one rule for showing
// an account number, valid or not, used by [IBAN.Masked] and [Found.Masked]: the first
// four and the last four letters and digits, "FR76 **** **** 0189", or "****" when
// there are fewer than twelve. Findings' evidence never holds a full IBAN either.
package ibancheck
