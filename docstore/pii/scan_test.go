package pii

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScanDetectors(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		kind       Kind
		masked     string
		check      Checksum
		ctx        Context
	}{
		{"nir spaced", "N° de sécurité sociale : 1 85 05 78 006 084 91", NIR, "1 ** ** ** *** *** 91", ChecksumValid, ContextPositive},
		{"nir compact", "nir 185057800608491.", NIR, "1 ** ** ** *** *** 91", ChecksumValid, ContextPositive},
		{"nir in a table cell", "Martin;Jean;185057800608491;Paris", NIR, "1 ** ** ** *** *** 91", ChecksumValid, ContextNone},
		{"spi in a table cell", "Martin\t0123456789211\t2024", SPI, "0* ** *** *** *11", ChecksumValid, ContextNone},
		{"nir dots", "1.85.05.78.006.084.91", NIR, "1 ** ** ** *** *** 91", ChecksumValid, ContextNone},
		{"nir dashes", "1-85-05-78-006-084-91", NIR, "1 ** ** ** *** *** 91", ChecksumValid, ContextNone},
		{"nir nbsp", "1\u00a085\u00a005\u00a078\u00a0006\u00a0084\u00a091", NIR, "1 ** ** ** *** *** 91", ChecksumValid, ContextNone},
		{"nir nnbsp", "1\u202f85\u202f05\u202f78\u202f006\u202f084\u202f91", NIR, "1 ** ** ** *** *** 91", ChecksumValid, ContextNone},
		{"nir 2A", "Assuré : 2 90 12 2A 004 123 67", NIR, "2 ** ** ** *** *** 67", ChecksumValid, ContextPositive},
		{"nir 2B", "2 90 12 2B 004 123 " + nirKey("2901218004123"), NIR, "2 ** ** ** *** *** " + nirKey("2901218004123"), ChecksumValid, ContextNone},
		{"nir wrong key", "1 85 05 78 006 084 92", NIR, "1 ** ** ** *** *** 92", ChecksumInvalid, ContextNone},
		{"nir siret context", "SIRET 1 85 05 78 006 084 91", NIR, "1 ** ** ** *** *** 91", ChecksumValid, ContextNegative},
		{"card visa", "Carte 4970 1012 3456 7893", Card, "**** **** **** 7893", ChecksumValid, ContextPositive},
		{"card compact", "4970101234567893", Card, "**** **** **** 7893", ChecksumValid, ContextNone}, // a cell: the line's start
		{"card compact labelled", "payé par CB 4970101234567893", Card, "**** **** **** 7893", ChecksumValid, ContextPositive},
		{"card mastercard nbsp", "5130\u00a01234\u00a05678\u00a09017", Card, "**** **** **** 9017", ChecksumValid, ContextNone},
		{"card amex 4-6-5", "3782 822463 10005", Card, "**** **** ***0 005", ChecksumValid, ContextNone},
		{"card bad luhn", "4970 1012 3456 7894", Card, "**** **** **** 7894", ChecksumInvalid, ContextNone},
		{"card order", "Commande n° 4012 8888 8888 1881", Card, "**** **** **** 1881", ChecksumValid, ContextNegative},
		{"card imei", "IMEI : 4012 8888 8888 1881", Card, "**** **** **** 1881", ChecksumValid, ContextNegative},
		{"spi", "Numéro fiscal : 01 23 456 789 211", SPI, "0* ** *** *** *11", ChecksumValid, ContextPositive},
		{"spi compact labelled", "N° fiscal 0123456789211", SPI, "0* ** *** *** *11", ChecksumValid, ContextPositive},
		{"iban", "IBAN : FR76 3000 6000 0112 3456 7890 189", IBAN, "FR76 **** **** 0189", ChecksumValid, ContextPositive},
		{"iban compact", "FR7630006000011234567890189", IBAN, "FR76 **** **** 0189", ChecksumValid, ContextNone},
		{"iban rib key wrong", "FR76 3000 6000 0112 3456 7890 188", IBAN, "FR76 **** **** 0188", ChecksumInvalid, ContextNone},
		{"iban germany", "DE89 3704 0044 0532 0130 00", IBAN, "DE89 **** **** 3000", ChecksumValid, ContextNone},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms, err := Scan(strings.NewReader(tc.text), WithRejected())
			require.NoError(t, err)
			require.Len(t, ms, 1, "%+v", ms)
			m := ms[0]
			assert.Equal(t, tc.kind, m.Kind)
			assert.Equal(t, tc.masked, m.Masked)
			assert.Equal(t, tc.check, m.Checksum)
			assert.Equal(t, tc.ctx, m.Context)
			assert.Equal(t, tc.check == ChecksumValid && tc.ctx != ContextNegative, m.Personal())
			// the offset and length cover the number as written
			span := tc.text[m.Offset : m.Offset+int64(m.Len)]
			assert.Equal(t, digitsOf(span), digitsOf(strings.TrimSpace(span)))
			assert.GreaterOrEqual(t, len(digitsOf(span)), 12)
			assertMasked(t, tc.text, ms)
		})
	}
}

func nirKey(s string) string {
	n := 0
	for _, c := range strings.NewReplacer("2A", "19", "2B", "18").Replace(s) {
		n = (n*10 + int(c-'0')) % 97
	}
	k := 97 - n
	return string([]byte{byte('0' + k/10), byte('0' + k%10)})
}

func digitsOf(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// assertMasked checks the masked output property: no digit run of the input longer
// than four appears in any masked value.
func assertMasked(t *testing.T, text string, ms []Match) {
	t.Helper()
	for _, m := range ms {
		span := text[m.Offset:min(int64(len(text)), m.Offset+int64(m.Len))]
		full := digitsOf(span)
		assert.NotContains(t, digitsOf(m.Masked), full, "masked %q reveals %q", m.Masked, span)
		assert.NotContains(t, m.Masked, strings.TrimSpace(span))
	}
}

func TestScanMRZ(t *testing.T) {
	for _, tc := range []struct{ name, text, masked string }{
		{"passport TD3", "P<FRAMARTIN<<JEAN<PIERRE<<<<<<<<<<<<<<<<<<<<\n12AB345673FRA8505121M3001019<<<<<<<<<<<<<<02\n", "TD3 P<FRA *******67"},
		{"ICAO TD3 specimen, CRLF", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\r\n", "TD3 P<UTO *******C3"},
		{"CNI 2021 TD1", "IDFRAX4RTBPFW46<<<<<<<<<<<<<<<\n9002144F3102134FRA<<<<<<<<<<<4\nDUPONT<<CLAIRE<ANNE<<<<<<<<<<<\n", "TD1 IDFRA *******W4"},
		{"ICAO TD1 specimen", "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<\n", "TD1 I<UTO *******90"},
		{"old CNI 2x36", "IDFRADOUEL<<<<<<<<<<<<<<<<<<<<932013\n0506932020438CHRISTIANE<<NI2906209F3\n", "IDFRA (1988-2021) **********43"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms, err := Scan(strings.NewReader("Copie :\n" + tc.text + "fin"))
			require.NoError(t, err)
			require.Len(t, ms, 1, "%+v", ms)
			assert.Equal(t, MRZ, ms[0].Kind)
			assert.Equal(t, tc.masked, ms[0].Masked)
			assert.Equal(t, ChecksumValid, ms[0].Checksum)
		})
	}
	// one wrong check digit anywhere rejects the block
	bad := "P<FRAMARTIN<<JEAN<PIERRE<<<<<<<<<<<<<<<<<<<<\n12AB345673FRA8505121M3001018<<<<<<<<<<<<<<02\n"
	ms, err := Scan(strings.NewReader(bad))
	require.NoError(t, err)
	assert.Empty(t, ms)
	ms, err = Scan(strings.NewReader(bad), WithRejected())
	require.NoError(t, err)
	require.Len(t, ms, 1)
	assert.Equal(t, ChecksumInvalid, ms[0].Checksum)
}

// Near misses: nothing in them is personal data.
func TestScanDecoys(t *testing.T) {
	for _, text := range []string{
		"SIRET : 36252187900035",  // Luhn-valid, 14 digits
		"SIRET 362 521 879 00035", // and grouped 3-3-3-5
		"IMEI du téléphone : 353918051234561",
		"Numéro de commande : 4012 8888 8888 1881",
		"Suivi colis : 6A12345678901",
		"PDL : 09876543210987",
		"Carte test : 1111 1111 1111 1111, 0000 0000 0000 0000",
		"Téléphone : 01 23 45 67 89",
		"Réf. 1234 5678 9012 3452",
		"Montant 1 234 567,89 €, le 12/03/2024 à 14 h 05",
		"N° sécu (erroné) : 1 85 05 78 006 084 92",
		"Numéro fiscal (erroné) : 0123456789 212",
		"IBAN (erroné) : FR76 3000 6000 0112 3456 7890 188",
		"ABCD4970101234567893", // inside a word
		"<w:t>1</w:t><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
	} {
		ms, err := Scan(strings.NewReader(text))
		require.NoError(t, err)
		assert.Empty(t, ms, "%q: %+v", text, ms)
	}
}

// Numbers that pass a check digit by chance in dense numeric text are not reported
// (found on system files: changelogs, PostScript, C sources, locale tables).
func TestScanDenseNumbers(t *testing.T) {
	for _, text := range []string{
		"https://oss-fuzz.com/testcase-detail/5390364397928448.",    // an id in a URL
		"hb-repacker-fuzzer-5390364397928448 | Bi",                  // glued to a name
		"6245 6282 6319 6357 6394 6432 6469 6507 6545 6583",         // a table of 4-digit numbers
		"12014 12068 12122 12177 12231 12286 12341 12396",           // and of 5-digit ones
		"0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",                   // zeros
		"<U249CA>;IGNORE;IGNORE;IGNORE # 1121134121121",             // 13 digits, no label
		"created 1733480000000 updated 1733480012345 1121134121121", // milliseconds
		"1 72 04 28 321 453 41 — coordonnées 185 0578 006 08491",    // no NIR grouping
		"<U24A1B>;IGNORE;IGNORE;IGNORE # 112112211213211",           // 15 digits, no label, not a cell
		"commit 65621723815138150e8a63 et 622222222222222222E22",    // hashes and floats
	} {
		ms, err := Scan(strings.NewReader(text))
		require.NoError(t, err)
		assert.Empty(t, ms, "%q", text)
	}
}

func TestScanStreaming(t *testing.T) {
	// numbers straddling the chunk boundary are found once, at the right offset
	nir := "1 85 05 78 006 084 91"
	for _, at := range []int{16<<10 - 10, 16<<10 - scanOverlap - 3, 16<<10 + scanChunk - 2*scanOverlap - 4, scanChunk - 10, scanChunk - scanOverlap - 3, scanChunk, 2*scanChunk - 2*scanOverlap - 5} {
		text := strings.Repeat("a", at) + " " + nir + " " + strings.Repeat("b", 3000)
		for _, r := range []io.Reader{strings.NewReader(text), iotest.HalfReader(strings.NewReader(text)), iotest.OneByteReader(strings.NewReader(text[:min(len(text), at+4000)]))} {
			ms, err := Scan(r)
			require.NoError(t, err)
			require.Len(t, ms, 1, "at %d", at)
			assert.Equal(t, int64(at+1), ms[0].Offset)
		}
	}
	ms, err := Scan(strings.NewReader(strings.Repeat("x", 100)+nir), WithMaxBytes(100))
	require.NoError(t, err)
	assert.Empty(t, ms)
	ms, err = Scan(strings.NewReader(nir+" FR76 3000 6000 0112 3456 7890 189"), WithKinds(IBAN))
	require.NoError(t, err)
	require.Len(t, ms, 1)
	assert.Equal(t, IBAN, ms[0].Kind)
	_, err = Scan(iotest.ErrReader(io.ErrClosedPipe))
	assert.ErrorIs(t, err, io.ErrClosedPipe)
}

// ScanBytes finds what Scan finds, with the same options.
func TestScanBytes(t *testing.T) {
	text := realisticText(3 << 20) // several of Scan's chunks
	for _, opts := range [][]Option{nil, {WithRejected()}, {WithKinds(IBAN, MRZ)}, {WithMaxBytes(100_000)}} {
		want, err := Scan(bytes.NewReader(text), opts...)
		require.NoError(t, err)
		require.NotEmpty(t, want)
		assert.Equal(t, want, ScanBytes(text, opts...))
	}
	assert.Empty(t, ScanBytes(nil))
}

func TestKinds(t *testing.T) {
	ms := []Match{{Kind: SPI}, {Kind: NIR}, {Kind: NIR}, {Kind: Card, Checksum: ChecksumInvalid}, {Kind: IBAN, Context: ContextNegative}}
	assert.Equal(t, []Kind{NIR, SPI}, Kinds(ms))
}

// realisticText builds French administrative prose with amounts, dates, phone
// numbers and a personal number every ~2 KiB, about n bytes long.
func realisticText(n int) []byte {
	para := "Madame, Monsieur,\nSuite à votre demande du 12/03/2024, nous vous confirmons le remboursement de 1 234,56 € " +
		"sur votre compte. Pour toute question, appelez le 01 23 45 67 89 (du lundi au vendredi, de 9 h à 18 h) ou écrivez " +
		"à l'adresse indiquée en haut de ce courrier. Référence du dossier : 2024-118-AZ. Votre conseiller, M. Dupont, reste " +
		"à votre disposition. Les montants indiqués s'entendent toutes taxes comprises ; la TVA (20 %) s'élève à 205,76 €. " +
		"Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.\n"
	extras := []string{
		"N° de sécurité sociale : 1 85 05 78 006 084 91\n",
		"IBAN : FR76 3000 6000 0112 3456 7890 189\n",
		"Carte : 4970 1012 3456 7893\n",
		"Numéro fiscal : 01 23 456 789 211\n",
		"SIRET 362 521 879 00035 - commande 4012 8888 8888 1881\n",
	}
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		b.WriteString(para)
		b.WriteString(para)
		b.WriteString(para)
		b.WriteString(extras[i%len(extras)])
	}
	return b.Bytes()
}

// BenchmarkScan runs the scanner and the baseline (the scanner as it was before issue
// 15, scan_baseline_test.go) on the same text in the same run: compare their ns/op.
func BenchmarkScan(b *testing.B) {
	text := realisticText(4 << 20)
	for _, s := range []struct {
		name string
		scan func(io.Reader, ...Option) ([]Match, error)
	}{{"current", Scan}, {"baseline", baselineScan}} {
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				ms, _ := s.scan(bytes.NewReader(text))
				if len(ms) == 0 {
					b.Fatal("no match")
				}
			}
		})
	}
}

// BenchmarkScanBaselineRegexp is the obvious alternative: one regular expression
// for digit runs with separators, before any checksum. Scan does all the checks
// and is still several times faster.
func BenchmarkScanBaselineRegexp(b *testing.B) {
	text := realisticText(4 << 20)
	re := regexp.MustCompile(`\b[0-9][0-9 .\-]{11,30}[0-9]\b|\b[A-Z]{2}[0-9]{2}[A-Z0-9 ]{11,40}`)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if len(re.FindAllIndex(text, -1)) == 0 {
			b.Fatal("no match")
		}
	}
}

// hotBytes marks exactly the bytes 0x30..0x5A, in every position of a word, whatever
// the other bytes.
func TestHotBytes(t *testing.T) {
	for c := range 256 {
		want := c >= 0x30 && c <= 0x5a
		for pos := range 8 {
			for _, fill := range []uint64{0x2020202020202020, 0xffffffffffffffff, 0x7a7a7a7a7a7a7a7a, 0} {
				w := fill&^(0xff<<(8*pos)) | uint64(c)<<(8*pos)
				got := hotBytes(w)>>(8*pos+7)&1 == 1
				require.Equal(t, want, got, "byte %#x at %d in %#x", c, pos, fill)
			}
		}
	}
}

// Lower-case and spaced IBANs are found wherever they fall in the 8-byte steps.
func TestIBANAtEveryAlignment(t *testing.T) {
	for _, iban := range []string{"fr76 3000 6000 0112 3456 7890 189", "fr 76 3000 6000 0112 3456 7890 189", "FR76 3000 6000 0112 3456 7890 189", "FR 76 3000 6000 0112 3456 7890 189"} {
		for pad := range 16 {
			text := strings.Repeat("x", pad) + " " + iban + " fin"
			ms := ScanBytes([]byte(text))
			require.Len(t, ms, 1, "%q", text)
			assert.Equal(t, IBAN, ms[0].Kind)
			assert.Equal(t, "FR76 **** **** 0189", ms[0].Masked)
		}
	}
}

// The scanner finds what the baseline (the scanner before issue 15) finds on the
// benchmark's text, at the same offsets.
func TestScanAgreesWithBaseline(t *testing.T) {
	texts := [][]byte{realisticText(1 << 20)}
	for _, name := range []string{"pii-bulletin-paie.txt", "pii-carte.txt", "pii-passeport.txt", "pii-cni-2021.txt", "pii-cni-ancienne.txt", "pii-avis-impot.txt", "decoy-quasi.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "fixtures", name))
		require.NoError(t, err)
		texts = append(texts, data)
	}
	for _, text := range texts {
		got, err := Scan(bytes.NewReader(text), WithRejected())
		require.NoError(t, err)
		want, err := baselineScan(bytes.NewReader(text), WithRejected())
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
}
