package ibancheck

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/reflex"
)

func TestChecker(t *testing.T) {
	c := New()
	for _, tc := range []struct {
		in       string
		verdict  reflex.Severity
		codes    []reflex.Code
		evidence string // of the first finding, in French
		message  string // French message of the first finding
	}{
		{"FR76 3000 6000 0112 3456 7890 189", reflex.OK, []reflex.Code{reflex.IBANValid},
			"France, contrôles réussis (y compris\u00a0: clé RIB)", "L'IBAN est bien formé."},
		{"UA213223130000026007233566001", reflex.Caution, []reflex.Code{reflex.IBANNonSEPA, reflex.IBANValid},
			"", "Ce compte (Ukraine) est hors de la zone SEPA\u00a0: le virement est plus coûteux et plus difficile à récupérer."},
		{"FR84 2004 1010 0505 0001 3M02 607", reflex.Danger, []reflex.Code{reflex.IBANInvalidNationalKey},
			"France",
			"L'IBAN passe le contrôle général, mais sa clé bancaire (clé RIB) est fausse. C'est typique d'un faux RIB fabriqué."},
		{"FR1520041010050500013M02606", reflex.Caution, []reflex.Code{reflex.IBANInvalidChecksum},
			"France", "L'IBAN est faux\u00a0: sa clé de contrôle ne correspond pas (faute de frappe\u202f?)."},
		{"FR14 2004 1010 0505 0001 3M02 6", reflex.Caution, []reflex.Code{reflex.IBANInvalidLength},
			"France", "L'IBAN n'a pas le bon nombre de caractères\u00a0: 25 au lieu de 27."},
		{"FR7", reflex.Caution, []reflex.Code{reflex.IBANInvalidLength},
			"France", "L'IBAN n'a pas le bon nombre de caractères."},
		{"GP1420041010050500013M02606", reflex.Caution, []reflex.Code{reflex.IBANInvalidCountry},
			"GP",
			"L'IBAN commence par un code pays qui n'existe pas pour un IBAN (GP). Les comptes de ce territoire ont un IBAN qui commence par FR."},
		{"US64SVBKUS6S3300958879", reflex.Caution, []reflex.Code{reflex.IBANInvalidCountry},
			"US", "L'IBAN commence par un code pays qui n'existe pas pour un IBAN (US)."},
		{"FR14 2004 1010 0505 00#1 3M02 606", reflex.Caution, []reflex.Code{reflex.IBANInvalidFormat},
			"caractère «\u00a0#\u00a0»",
			"L'IBAN contient un caractère inattendu (position 19, sans compter les espaces)."},
	} {
		t.Run(tc.in, func(t *testing.T) {
			r, err := c.Check(context.Background(), tc.in)
			require.NoError(t, err)
			require.NoError(t, r.Validate())
			assert.Equal(t, tc.in, r.Subject, "the subject is kept as given")
			assert.Equal(t, reflex.KindIBAN, r.Kind)
			assert.Equal(t, tc.verdict, r.Verdict())
			var codes []reflex.Code
			for _, f := range r.Findings {
				codes = append(codes, f.Code)
				assert.NotEmpty(t, f.Message(reflex.English))
				assert.NotEmpty(t, f.Reflex(reflex.English))
			}
			assert.Equal(t, tc.codes, codes)
			assert.Equal(t, tc.evidence, r.Findings[0].EvidenceText(reflex.French))
			assert.Equal(t, tc.message, r.Findings[0].Message(reflex.French))
		})
	}
}

func TestCheckerOptions(t *testing.T) {
	r, err := New(WithNonSEPASeverity(reflex.OK)).Check(context.Background(), "UA213223130000026007233566001")
	require.NoError(t, err)
	assert.Equal(t, reflex.OK, r.Verdict())
	assert.False(t, r.Has(reflex.IBANNonSEPA))

	r, err = New(WithNonSEPASeverity(reflex.Info)).Check(context.Background(), "UA213223130000026007233566001")
	require.NoError(t, err)
	assert.Equal(t, reflex.Info, r.Verdict())
}

func TestCheckerCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r, err := New().Check(ctx, "FR7630006000011234567890189")
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, reflex.KindIBAN, r.Kind)
}

// TestCheckerReportsAreValid: every generated case gives a report whose codes are known
// and whose placeholders are filled, with the finding the reason calls for.
func TestCheckerReportsAreValid(t *testing.T) {
	c := New()
	want := map[Reason]reflex.Code{
		0: reflex.IBANValid, ReasonLength: reflex.IBANInvalidLength, ReasonCountry: reflex.IBANInvalidCountry,
		ReasonFormat: reflex.IBANInvalidFormat, ReasonChecksum: reflex.IBANInvalidChecksum,
		ReasonNationalKey: reflex.IBANInvalidNationalKey,
	}
	for _, tc := range allCases() {
		r, err := c.Check(context.Background(), tc.in)
		require.NoError(t, err)
		require.NoError(t, r.Validate(), tc.in)
		assert.True(t, r.Has(want[tc.reason]), "%s %q: %v", tc.class, tc.in, r.Findings)
		if tc.reason == ReasonNationalKey {
			assert.Equal(t, reflex.Danger, r.Verdict())
		}
	}
}

func TestFindingsOfOtherErrors(t *testing.T) {
	f := Findings(IBAN{}, context.Canceled)
	require.Len(t, f, 1)
	assert.Equal(t, reflex.IBANInvalidFormat, f[0].Code)
	f = Findings(IBAN{}, &Error{})
	assert.Equal(t, reflex.IBANInvalidFormat, f[0].Code)
}
