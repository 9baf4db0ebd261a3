package reflex

// reflexPriority orders the codes of one severity by how useful their reflex is as the
// first thing a person reads: the report shows the reflex of its first finding. For
// ants-gouv.fr both url.lookalike and url.gouv-token are danger, and "type the official
// address yourself" comes before "only gouv.fr sites are the State's"; for a file with
// personal data in clear, "put it in an encrypted vault" comes before "restrict its
// permissions". A message's own codes (what it asks for) come before those of the links
// and IBANs it holds; a payment file's before those of its transfers. Every code of the
// catalogue is listed (the tests check it).
var reflexPriority = []Code{
	// messagecheck: what the message asks for.
	MessageNewBankDetails,
	MessageBankAdviser,
	MessageParcelFee,
	MessagePublicBodyPayment,
	MessageUnofficialNumber,
	MessagePremiumNumber,
	MessageUrgentPayment,

	// A payment file as a whole.
	PaymentControlMismatch,
	PaymentBatchFlagged,
	PaymentBatchOK,

	// ibancheck: stop a transfer to a forged or changed account first.
	IBANInvalidNationalKey,
	IBANChanged,
	IBANRevoked,
	IBANCountryChanged,
	IBANNameMismatch,
	IBANBICMismatch,
	IBANInvalidChecksum,
	IBANInvalidLength,
	IBANInvalidCountry,
	IBANInvalidFormat,
	IBANNewPayee,
	IBANNonSEPA,
	IBANNameCloseMatch,
	IBANNameNotPossible,
	IBANNameMatch,
	IBANUnchanged,
	IBANValid,

	// urlcheck: the official address to type beats every other advice.
	URLLookalike,
	URLEmbedding,
	URLMixedScript,
	URLCombo,
	URLUserinfo,
	URLGouvToken,
	URLOtherProcedure,
	URLIPHost,
	URLShortener,
	URLFreeHosting,
	URLNotOfficial,
	URLInsecure,
	URLPublicSector,
	URLState,
	URLOfficial,

	// docstore: move the data into a vault before tuning the file.
	StorePrivateKey,
	StoreSensitive,
	StoreTrailingData,
	StoreWeakEncryption,
	StorePlaintext,
	StoreUnknownRandom,
	StorePermissions,
	StoreNoDocument,
	StoreEncrypted,
}

// rank is the position of code in reflexPriority; unknown codes come last.
var rank = func() map[Code]int {
	m := make(map[Code]int, len(reflexPriority))
	for i, c := range reflexPriority {
		m[c] = i + 1
	}
	return m
}()

func rankOf(c Code) int {
	if r, ok := rank[c]; ok {
		return r
	}
	return len(reflexPriority) + 1
}
