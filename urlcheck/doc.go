// Package urlcheck tells, offline and in microseconds, whether a URL is the official
// site for a French administrative procedure (or of a public body, or of a company that
// scams imitate such as La Poste), and if not, how loudly to warn and which official
// address to type instead.
//
// A person renewing a driving licence, paying a fine or updating a carte Vitale often
// follows a link from a search ad, an SMS or a mail. The link may lead to a lookalike
// (ants-gouv.fr), to a scam borrowing an official name (ameli-remboursement.com), or to
// a private site that charges for a procedure that is free on the official site.
//
// # What to call first
//
// Make one [Checker] with [New] and keep it: it is safe for concurrent use. Call
// [Checker.Check] on a URL as the person pasted it; show the verdict and the reflex of
// each finding:
//
//	checker := urlcheck.New()
//	report, err := checker.Check(ctx, "https://ants-gouv.fr/carte-grise")
//	if err != nil { // only "could not check": not a web address, cancelled context
//		return err
//	}
//	if report.Verdict() >= reflex.Caution {
//		for _, f := range report.Findings {
//			fmt.Println(f.Reflex(reflex.French)) // "Ne saisissez rien et ne payez rien. ..."
//		}
//	}
//
// When you know the procedure the person is doing, use [Checker.CheckFor] with its id
// (see [Checker.Procedures] and [Checker.Procedure], or `trustcheck procedures`): an
// official site of another procedure is then reported (url.other-procedure) and every
// suggestion points to the right one. Ids are matched without regard to case.
//
// # What a report says
//
//   - url.official (OK): in the catalogue; the reflex renders the procedure's cost from
//     the catalogue's one cost fact ([Cost]: free, a tax or stamp, a price, or what one
//     owes there, such as taxes, with no fee added).
//   - url.state (Info): under gouv.fr, where only the State can register a name, but
//     not in the catalogue.
//   - url.lookalike, url.embedding, url.gouv-token, url.combo, url.mixed-script
//     (Danger, or Caution for weaker signs): the address imitates an official one; the
//     finding's Suggest is the official address to type.
//   - url.free-hosting, url.shortener, url.insecure, url.userinfo, url.ip-host (Caution):
//     weaker signs, reported alongside.
//   - url.not-official (Info): an unknown site with no sign of imitation; Caution when
//     its name is built on a procedure (carte-grise-en-ligne.fr): the typical paid
//     intermediary.
//
// # How it decides
//
// Allowlist first: only the catalogue ([Procedure]s read from catalogue.txt, embedded;
// each entry with its sources and date) can say "official". Its entries are procedures,
// public bodies (police, justice, préfectures) and companies (parcel carriers): a
// [Procedure.Kind], so that texts name a company as such, never "the administration". Every address is normalised
// first (case, trailing dot, default ports, IDNA, userinfo, IP literals, scheme-less
// input), and hosts are matched by whole labels, never by substring; the query and the
// fragment are never read. Heuristics then decide how loudly to warn: one edit away
// from an official name (typo, keyboard neighbour on AZERTY or QWERTY, swap,
// repetition, bit flip, hyphen or dot), the same name under another suffix
// (ants.gouv.com, ameli.com), confusable letters (UTS #39 skeleton, mixed scripts), an
// official name written inside another host or path, "gouv" outside gouv.fr, official
// brands glued to bait words (remboursement, paiement, connexion...), hosts where
// anyone can make a name (private entries of the Public Suffix List: vercel.app,
// duckdns.org...).
//
// Short brands (caf, msa, ants, cpf) are read at word boundaries: labels are split on
// hyphens and digits, then cut into known words (brands, bait words, ordinary words,
// French places, parcel words), so that mon-caf-paiement.fr and cpamlyon3.fr are caught
// and enfants.fr or pantalon.fr are not taken for a brand; cafe.fr, one ordinary letter
// away from caf.fr, is only a caution. Any gouv.fr host written before an "@" or in the
// path of a foreign host is an imitation. With [Checker.CheckFor], or when the path
// names a procedure of the imitated site (ants-gouv.fr/carte-grise), the suggestion is
// that procedure's own address.
//
// # Options
//
// [WithCatalogue] replaces the catalogue, [WithExtraCatalogue] adds procedures (a town
// hall's own site, say), and [WithPublicSectorHosts] loads a list of public bodies'
// hosts that can only ever yield Info (url.public-sector), never "official". A bad
// option makes [Checker.Err], and every check, return an error wrapping [ErrCatalogue].
//
// # Errors
//
// An error means only "could not check": [ErrInvalidURL] (not a web address),
// [ErrUnknownProcedure], or the context's error. They are [reflex.Problem]s, so
// [reflex.ErrorText] says them to a person in their language.
package urlcheck
