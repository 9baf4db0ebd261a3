// Package ibancheck validates IBANs and BICs, and tells a person, in plain words,
// whether the IBAN of a bank transfer looks right.
//
// A forged RIB often carries an IBAN made with an online "IBAN calculator": its
// ISO 7064 mod-97 check digits are right, but the national bank key inside it (the
// French clé RIB) is wrong. Most validators check only mod 97 and let it through.
// ibancheck also checks the national key, and reports a wrong one as
// iban.invalid-national-key, at danger: that is the forged-RIB signature.
//
// # What to call first
//
// To check a form field, call Validate (or Parse, to keep the result):
//
//	ip, err := ibancheck.Parse(input) // "fr76 3000 6000 0112 3456 7890 189" is fine
//	if errors.Is(err, ibancheck.ErrNationalKey) {
//		// mod 97 right, bank key wrong: do not pay
//	}
//	fmt.Println(ip.Masked()) // FR76 **** **** 0189: safe to log
//
// To warn a person, use the Checker: it answers with a reflex.Report whose findings
// carry the message and the one safe action, in French or English:
//
//	report, _ := ibancheck.New().Check(ctx, input)
//	if report.Verdict() >= reflex.Caution {
//		show(report.Findings[0].Reflex(reflex.French))
//	}
//
// To check a BIC (code SWIFT), call ParseBIC.
//
// To answer "is this IBAN unchanged for this payee?" before a transfer, keep a Book
// (see Payee book below); to audit a bank transfer file, AuditPain001.
//
// # What Parse accepts and checks
//
// Parse takes what people paste: the electronic form, the printed form in groups of
// four, lower case, blanks anywhere (spaces, tabs, no-break spaces), a leading "IBAN" or
// "IBAN:". Any other character (a dash, a dot) is an error, with its position. Then, in
// this order, the first failure is the error (an *Error, whose Reason is also one of
// the sentinels for errors.Is):
//
//   - ErrFormat: the first two characters are not letters, or a character is not a
//     letter or digit (Error.Pos is its 1-based position, blanks not counted);
//   - ErrCountry: the country is not in the SWIFT IBAN Registry;
//   - ErrLength: the length is not the country's (or the input is empty);
//   - ErrFormat: the check digits are not digits, or a character does not fit the
//     registry's BBAN structure (a letter where the registry wants a digit);
//   - ErrChecksum: check digits 00, 01 or 99 (ISO 13616 issues only 02..98: they pass
//     mod 97 exactly when 97, 98 or 02 would), or ISO 7064 mod 97-10 fails;
//   - ErrNationalKey: the national bank key is wrong.
//
// Parse and Validate do not allocate when the IBAN is valid.
//
// # Registry
//
// The country table is the SWIFT IBAN Registry, release 102 (June 2026): 89 country
// codes, each with its length, BBAN structure and the positions of the bank and branch
// identifiers (IBAN.BankCode, IBAN.BranchCode). It is the data file registry.txt,
// compiled into registry_table.go by `go generate ./ibancheck`; a test fails when the
// table is stale.
//
// When a country changes its format, or joins the registry, before ibancheck is
// updated, give the Checker an updated registry file at run time:
//
//	c := ibancheck.New(ibancheck.WithRegistry(f)) // f: registry.txt's format
//	if err := c.Err(); err != nil { /* errors.Is(err, ibancheck.ErrRegistry): line and fault */ }
//	ip, err := c.Registry().Parse(input)           // Parse with that registry
//
// The file is checked as strictly as at build time (ReadRegistry): well-formed lines,
// no country twice, every example valid. It replaces the embedded registry, which the
// package-level Parse, Validate, Countries and CountryName keep using. A country whose
// BBAN structure is unchanged keeps its national key check; a new country, or one
// whose structure changed, gets the structure and mod 97 checks. A Book made
// WithChecker, and AuditPain001 through that Book, parse with the Checker's registry.
//
// Territories that use another country's IBANs are not registry codes: the French
// overseas departments and territories (GF, GP, MQ, RE, PF, TF, YT, NC, BL, MF, PM, WF)
// use FR IBANs, Jersey, Guernsey and the Isle of Man (JE, GG, IM) use GB IBANs, Åland
// (AX) uses FI IBANs. An IBAN starting with one of those codes is therefore wrong, and
// Parse reports ErrCountry with Error.UseCountry set to the prefix to use: a person who
// typed "GP76..." is told that accounts in Guadeloupe have IBANs starting with FR.
// (Their BICs do carry the territory's code: BIC.MatchesIBANCountry knows it.)
//
// # National bank keys
//
// Where the algorithm is public, the key inside the BBAN is checked (the names are
// what IBAN.NationalCheck and Error.Check return):
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
// IBAN.IsSEPA uses the package's own list (SEPACountries), from the European Payments
// Council's list of SEPA scheme countries as of November 2026, because the registry's
// flags lag behind it: Albania, Moldova, Montenegro and North Macedonia joined in 2025,
// Serbia in 2026. The Checker reports a valid IBAN outside SEPA as iban.non-sepa, at
// caution by default (WithNonSEPASeverity).
//
// # Privacy
//
// An IBAN is personal data. Errors never contain it. IBAN.Masked and Mask give a form
// safe to show and log: "FR76 **** **** 0189". Findings' evidence never holds it either.
//
// # Payee book
//
// The fake bank details fraud ("our bank details have changed", about half of the
// transfer fraud in France) has one reflex: compare with the RIB you already verified,
// and if it changed, call the creditor on the number you know. A Book makes it a call:
//
//	store, err := sqlitestore.Open(ctx, "payees.db") // or pgstore.Open, NewMemoryStore
//	book := ibancheck.NewBook(store)
//	report, err := book.Check(ctx, ibancheck.Payment{PayeeID: "F-0042", Name: name, IBAN: iban, BIC: bic})
//	// err: the book could not be read, never "unchanged"
//	// report: iban.unchanged, iban.new-payee, iban.changed (Suggest: the known IBAN,
//	// masked), iban.country-changed, iban.revoked, iban.bic-mismatch, name findings,
//	// plus the validator's findings
//
// Check never records anything: a fraudster's IBAN must not become "unchanged" because
// it was paid once. An IBAN becomes known only through Book.Confirm, called after the
// person verified it with the payee; it becomes the payee's current IBAN (a payee has
// one account to pay; the previous one then reads as changed). Book.Revoke withdraws an
// IBAN. The history (Book.History) is append-only: every IBAN a payee ever had, when
// and by whom it was confirmed or revoked.
//
// # Stores
//
// A Store keeps the history. MemoryStore is for tests and short-lived tools. Package
// sqlitestore keeps it in a SQLite file (pure Go, WAL, schema migrations; a damaged or
// foreign file is reported as sqlitestore.ErrCorrupt and never written to); package
// pgstore in PostgreSQL, for a server shared by many application instances. They are
// separate packages so that an application links only the database it uses. All pass
// the conformance suite of package storetest, concurrent confirmations included: none
// is lost, the sequence has no gap, times never go back. A store that is down gives an
// error. BatchAppender imports an existing book in one transaction.
//
// # Name match
//
// With a name, Check compares it with the holder recorded for the IBAN, in the spirit
// of the EU Verification of Payee: MatchName answers match, close match, no match or
// not possible, after NormalizeName (case, accents, punctuation, titles such as M.,
// Mme, Dr, Me, legal forms such as SARL, SAS, EURL, SCI, GmbH, word order). A close
// match (a typo per word, an initial, a missing word) gives the recorded name, so that
// the person can compare: "Jaen Dupont" and "Jean Dupond" are close to "Jean Dupont",
// "Maxime Dupont" is not.
//
// # Bank transfer files (pain.001)
//
// ParsePain001 streams an ISO 20022 credit transfer initiation, versions
// pain.001.001.03 and .09 (BIC or BICFI, execution date plain or in Dt, any namespace
// prefix), with a size limit and errors that give the line and element path.
// Pain001.ControlErrors checks NbOfTxs and CtrlSum in exact decimals. AuditPain001 runs
// every transfer through the book and sums the file up: business payers may opt out of
// the bank's name check for bulk files, which is where this offline check matters.
package ibancheck
