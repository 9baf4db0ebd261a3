// Package payee is the payee book: it answers "is this IBAN unchanged for this
// payee?" before a bank transfer, the reflex against the fake bank details fraud ("our
// bank details have changed", about half of the transfer fraud in France).
//
// The reflex is to compare with the RIB already verified, and if it changed, to call
// the creditor on the number you know. A [Book] makes it a call.
//
// # What to call first
//
// Open a store, make a Book with [NewBook], and check each payment with [Book.Check]:
//
//	store, err := bookopen.Open(ctx, "payees.db") // or sqlitestore.Open, pgstore.Open, NewMemoryStore()
//	book := payee.NewBook(store)
//	report, err := book.Check(ctx, ibancheck.Payment{PayeeID: "F-0042", Name: name, IBAN: iban, BIC: bic})
//	// err: the book could not be read, never "unchanged"
//	// report: iban.unchanged, iban.new-payee, iban.changed (Suggest: the known IBAN,
//	// masked), iban.country-changed, iban.revoked, iban.bic-mismatch, name findings,
//	// plus the validator's findings
//
// Check never records anything: a fraudster's IBAN must not become "unchanged" because
// it was paid once. An IBAN becomes known only through [Book.Confirm], called after the
// person verified it with the payee; it becomes the payee's current IBAN (a payee has
// one account to pay; the previous one then reads as changed). [Book.Revoke] withdraws
// an IBAN. The history ([Book.History]) is append-only: every IBAN a payee ever had,
// when and by whom it was confirmed or revoked, as [Event] values.
//
// IBANs are parsed by an [ibancheck.Checker] ([WithChecker]), whose registry may be
// updated at run time; to check a payment without a book, call
// [ibancheck.Checker.CheckPayment]. To audit a bank transfer file through the book, see
// package ibancheck/pain001.
//
// # Stores
//
// A [Store] keeps the history. [MemoryStore] is for tests and short-lived tools.
// Package sqlitestore keeps it in a SQLite file (pure Go, WAL, schema migrations; a
// damaged or foreign file is reported as sqlitestore.ErrCorrupt and never written
// to); package pgstore in PostgreSQL, for a server shared by many application
// instances. They are separate packages so that an application links only the
// database it uses; package bookopen opens either from a path or a postgres:// URL a
// person typed, and refuses a missing file unless asked to create it. All pass the
// conformance suite of package storetest, concurrent confirmations included: none is
// lost, the sequence has no gap, times never go back. A store that is down gives an
// error. A [BatchAppender] imports an existing book in one transaction.
//
// # Name match
//
// With a name, Check compares it with the holder recorded for the IBAN, in the spirit
// of the EU Verification of Payee: [MatchName] answers match, close match, no match or
// not possible ([NameResult]), after [NormalizeName] (case, accents, punctuation,
// titles such as M., Mme, Dr, Me, legal forms such as SARL, SAS, EURL, SCI, GmbH, word
// order). A close match (a typo per word, an initial, a missing word) gives the
// recorded name, so that the person can compare: "Jaen Dupont" and "Jean Dupond" are
// close to "Jean Dupont", "Maxime Dupont" is not.
package payee
