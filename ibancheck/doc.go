// Package ibancheck validates IBANs and BICs, and tells a person, in plain words,
// whether the IBAN of a bank transfer looks right.
//
// A forged RIB often carries an IBAN made with an online "IBAN calculator": its
// ISO 7064 mod-97 check digits are right, but the national bank key inside it (the
// French clé RIB) is wrong. Most validators check only mod 97 and let it through;
// ibancheck also checks the national key and reports iban.invalid-national-key, at
// danger, when only that is wrong.
package ibancheck
