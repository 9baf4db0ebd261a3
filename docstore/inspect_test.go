package docstore

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
	"github.com/trustreflex/trustreflex/reflex"
)

// state is what a test expects of a file.
type state string

const (
	encrypted state = "encrypted" // store.encrypted, nothing in clear
	weak      state = "weak"      // store.weak-encryption
	plaintext state = "plaintext" // store.plaintext, no personal data
	random    state = "random"    // store.unknown-random
	nodoc     state = "nodoc"     // store.no-document: key material, a vault's lock file
)

type fileCase struct {
	name   string
	state  state
	cipher string // a word the evidence must hold ("" = no check)
	kinds  string // the {kinds} of store.sensitive ("" = none)
}

// fixtureCases covers every committed fixture (made with the real tools, see
// testdata/README.md).
var fixtureCases = []fileCase{
	{"enc-age-x25519.age", encrypted, "X25519", ""},
	{"enc-age-armor.txt", encrypted, "armored", ""},
	{"enc-age-scrypt.bin", encrypted, "passphrase", ""},
	{"enc-gpg-symmetric.gpg", encrypted, "AES-256", ""},
	{"enc-gpg-armor.asc", encrypted, "OpenPGP", ""},
	{"enc-gpg-pubkey.pdf", encrypted, "public key", ""}, // lying extension
	{"enc-openssl.bin", encrypted, "openssl enc", ""},
	{"enc-openssl-b64.txt", encrypted, "base64", ""},
	{"enc-cms.der", encrypted, "AES-256-CBC", ""},
	{"enc-smime.eml", encrypted, "AES-128-CBC", ""},
	{"enc-pkcs12.p12", encrypted, "PKCS#12", ""},
	{"enc-pkcs8.pem", encrypted, "PKCS#8", ""},
	{"enc-legacy-key.pem", encrypted, "AES-256-CBC", ""},
	{"enc-zip-aes.zip", encrypted, "AES-256", ""},
	{"enc-7z.7z", encrypted, "file names visible", ""},
	{"enc-7z-headers.7z", encrypted, "file names encrypted", ""},
	{"enc-pdf-aes256.pdf", encrypted, "AES-256", ""},
	{"enc-pdf-aes128.pdf", encrypted, "AES-128", ""},
	{"enc-pdf-xrefstream.pdf", encrypted, "/R 6", ""},
	{"enc-luks1.img", encrypted, "aes-xts-plain64", ""},
	{"enc-luks2.img", encrypted, "LUKS2", ""},
	{"enc-ansible.yml", encrypted, "AES-256", ""},
	{"enc-keepass.kdbx", encrypted, "KDBX", ""},
	{"enc-rclone.bin", encrypted, "XSalsa20", ""},
	{"gocryptfs-vault/gocryptfs.conf", encrypted, "gocryptfs", ""},
	{"gocryptfs-vault/gocryptfs.diriv", encrypted, "folder initialisation vector", ""},

	{"weak-zipcrypto.zip", weak, "ZipCrypto", ""},
	{"weak-pdf-rc4-128.pdf", weak, "RC4-128", ""},
	{"weak-pdf-rc4-40.pdf", weak, "RC4-40", ""},
	{"weak-pdf-empty-user.pdf", weak, "empty user password", "nir"},
	{"weak-pdf-empty-user-aes128.pdf", weak, "empty user password", "nir"},
	{"mixed.zip", weak, "ZipCrypto", "card"},

	{"plain-note.txt", plaintext, "text", ""},
	{"decoy-quasi.txt", plaintext, "text", ""},
	{"plain-gpg-signed.gpg", plaintext, "not encrypted", ""},
	{"plain-gpg-clearsigned.asc", plaintext, "signed", ""},
	{"plain-gpg-pubkey.asc", nodoc, "OpenPGP public key", ""},
	{"plain-cms-signed.p7s", plaintext, "SignedData", ""},
	{"plain-smime-signed.eml", plaintext, "signed", ""},
	{"plain-key.pem", plaintext, "private key in clear", ""},
	{"plain.7z", plaintext, "7z", "spi"},
	{"plain.zip", plaintext, "ZIP", "spi"},
	{"plain-text.pdf", plaintext, "PDF", "nir"},
	{"plain-pdf-flate.pdf", plaintext, "PDF", "nir"},
	{"plain-docx.docx", plaintext, "docx", "nir"},
	{"pii-bulletin-paie.txt", plaintext, "text", "nir,iban"},
	{"pii-avis-impot.txt", plaintext, "text", "spi"},
	{"pii-carte.txt", plaintext, "text", "card"},
	{"pii-nir-corse.txt", plaintext, "text", "nir"},
	{"pii-passeport.txt", plaintext, "text", "mrz"},
	{"pii-cni-2021.txt", plaintext, "text", "mrz"},
	{"pii-cni-ancienne.txt", plaintext, "text", "mrz"},
	{"pii-utf16.txt", plaintext, "UTF-16", "nir"},
	{"pii-releve.txt.gz", plaintext, "gzip", "iban"},
	{"pii-gpg-signed.gpg", plaintext, "not encrypted", "card"},
	{"pii-gpg-signed.asc", plaintext, "armored", "card"},
	{"pii-gpg-signed-stream.gpg", plaintext, "not encrypted", "card"}, // partial body lengths
	{"enc-gpg-secret-key.asc", encrypted, "protected by a passphrase", ""},
	{"plain-gpg-secret-key.asc", plaintext, "private key in clear", ""},
	{"pii-smime-opaque.eml", plaintext, "SignedData", "spi"},
	{"pii-mail-attachment.eml", plaintext, "e-mail", "nir"},
	{"enc-ssh-key", encrypted, "aes256-ctr", ""},

	// issue 15: linearized PDFs (the /Encrypt in the first-page trailer only), empty
	// owner passwords, armored messages in mails, KeePass with an empty master
	// password, databases, mailboxes, address books, key material, deep nesting
	{"weak-pdf-linearized-rc4-40.pdf", weak, "RC4-40", ""},
	{"weak-pdf-linearized-rc4-128.pdf", weak, "RC4-128", ""},
	{"enc-pdf-linearized-aes256.pdf", encrypted, "AES-256", ""},
	{"weak-pdf-empty-owner-aes256.pdf", weak, "empty owner password", "nir"},
	// R2-4: an empty owner password is replaced by the user password (ISO 32000-1,
	// Algorithm 3, a): the file is weak for RC4 but does not open without a password
	{"weak-pdf-empty-owner-rc4.pdf", weak, "RC4-128", ""},
	{"enc-gpg-in-mail.eml", encrypted, "after text in clear", ""},
	{"pii-gpg-signed-pipe.asc", plaintext, "signed or compressed", "spi"},
	{"weak-keepass-empty.kdbx", weak, "empty master password", ""},
	{"pii-rh.sqlite", plaintext, "SQLite", "nir,iban,card"},
	{"pii-clients-utf16.db", plaintext, "SQLite", "spi"},
	{"plain-stock.sqlite", plaintext, "SQLite", ""},
	{"pii-boite.mbox", plaintext, "mbox", "spi"},
	{"pii-contacts.vcf", plaintext, "vCard", "nir,iban"},
	{"keys-folder/destinataires.txt", nodoc, "age recipients", ""},
	{"keys-folder/id_ed25519.pub", nodoc, "SSH public key", ""},
	{"keys-folder/marie.asc", nodoc, "OpenPGP public key", ""},
	{"keys-folder/releve.age", encrypted, "age", ""},
	{"keys-leak/cle-age.txt", plaintext, "age private key", ""},
	{"enc-age-appended.age", encrypted, "age", "iban"},
	{"pii-nested-5.zip", plaintext, "ZIP", "card"},
	{"plain-ssh-key", plaintext, "private key in clear", ""},
}

// generatedCases are built from the format specifications (fixture_gen_test.go).
func generatedCases() map[string]struct {
	data []byte
	fileCase
} {
	sum := sha256.Sum256([]byte("digest"))
	return map[string]struct {
		data []byte
		fileCase
	}{
		"rar5-enc.rar":         {makeRAR5(true, false), fileCase{state: encrypted, cipher: "RAR5"}},
		"rar5-headers.rar":     {makeRAR5(false, true), fileCase{state: encrypted, cipher: "file names encrypted"}},
		"rar5-plain.rar":       {makeRAR5(false, false), fileCase{state: plaintext, cipher: "RAR5"}},
		"rar4-enc.rar":         {makeRAR4(true, false), fileCase{state: encrypted, cipher: "RAR4"}},
		"rar4-headers.rar":     {makeRAR4(false, true), fileCase{state: encrypted, cipher: "file names encrypted"}},
		"rar4-plain.rar":       {makeRAR4(false, false), fileCase{state: plaintext, cipher: "RAR4"}},
		"bitlocker.img":        {makeBitLocker(false), fileCase{state: encrypted, cipher: "BitLocker"}},
		"bitlocker-togo.img":   {makeBitLocker(true), fileCase{state: encrypted, cipher: "To Go"}},
		"agile.docx":           {makeEncryptedOffice(true), fileCase{state: encrypted, cipher: "AES-256"}},
		"standard.xlsx":        {makeEncryptedOffice(false), fileCase{state: encrypted, cipher: "AES-128"}},
		"word-rc4.doc":         {makeLegacyWord(true, ""), fileCase{state: weak, cipher: "RC4"}},
		"word-plain.doc":       {makeLegacyWord(false, "N° SS 1 85 05 78 006 084 91"), fileCase{state: plaintext, cipher: "Word", kinds: "nir"}},
		"excel-rc4.xls":        {makeLegacyExcel(true), fileCase{state: weak, cipher: "RC4"}},
		"excel-plain.xls":      {makeLegacyExcel(false), fileCase{state: plaintext, cipher: "Excel"}},
		"token.jwe":            {makeJWE(), fileCase{state: encrypted, cipher: "A256GCM"}},
		"subset-font.pdf":      {makeSubsetFontPDF("Assuré : 1 85 05 78 006 084 91", false), fileCase{state: plaintext, cipher: "PDF", kinds: "nir"}},
		"identity-h.pdf":       {makeSubsetFontPDF("IBAN FR76 3000 6000 0112 3456 7890 189", true), fileCase{state: plaintext, cipher: "PDF", kinds: "iban"}},
		"odt-password.odt":     {makeODF(true, ""), fileCase{state: encrypted, cipher: "AES-256-CBC"}},
		"odt-plain.odt":        {makeODF(false, "N° fiscal : 0123456789211"), fileCase{state: plaintext, cipher: "OpenDocument", kinds: "spi"}},
		"token.jws":            {makeJWS(), fileCase{state: plaintext, cipher: "JWS"}},
		"token-pii.jws":        {makeJWSWith(`{"nir":"185057800608491"}`), fileCase{state: plaintext, cipher: "JWS", kinds: "nir"}},
		"page.html":            {[]byte("<html><td>NIR</td><td>1&nbsp;85&nbsp;05&nbsp;78&nbsp;006&nbsp;084&nbsp;91</td></html>"), fileCase{state: plaintext, cipher: "text", kinds: "nir"}},
		"gocryptfs-file":       {makeGocryptfsFile(300), fileCase{state: encrypted, cipher: "gocryptfs"}},
		"random.bin":           {randomBytes(100 << 10), fileCase{state: random}},
		"sha256.bin":           {sum[:], fileCase{state: random}},
		"empty.txt":            {nil, fileCase{state: plaintext, cipher: "empty"}},
		"vault-meta":           {[]byte(vaultfmt.Magic + "format 1\nvault 0a1b\nkey x25519\ndoc age-v1 padme-4096\nslot 0a1b 200\nage-encryption.org/v1\n" + string(randomBytes(200))), fileCase{state: encrypted, cipher: "trustreflex vault"}},
		"vault-lock":           {[]byte(vaultfmt.Magic), fileCase{state: nodoc, cipher: "lock file"}},
		"photo-random.png":     {append([]byte("\x89PNG\r\n\x1a\n"), randomBytes(4096)...), fileCase{state: plaintext, cipher: "PNG"}},
		"lying.txt":            {makeRAR5(true, false), fileCase{state: encrypted, cipher: "RAR5"}},
		"bulletin-latin1.txt":  {[]byte("N\xb0 SS : 1 85 05 78 006 084 91\n"), fileCase{state: plaintext, kinds: "nir"}},
		"nir-nnbsp.txt":        {[]byte("NIR\u202f: 1\u202f85\u202f05\u202f78\u202f006\u202f084\u202f91"), fileCase{state: plaintext, kinds: "nir"}},
		"age-in-zip-name.zip":  {[]byte("age-encryption.org/v1\n-> X25519 abc\nxyz\n--- " + strings.Repeat("A", 43) + "\n" + string(randomBytes(64))), fileCase{state: encrypted, cipher: "age"}},
		"openssl-nosalt.bin":   {randomBytes(4096), fileCase{state: random}},
		"openssl-nosalt-a.txt": {[]byte(base64Lines(randomBytes(3000))), fileCase{state: random}},
		"xxd-p.txt":            {[]byte(hex.EncodeToString(randomBytes(2000))), fileCase{state: random}},
		"base64-text.txt":      {[]byte(base64Lines([]byte(strings.Repeat("Bulletin de paie, octobre. ", 60)))), fileCase{state: plaintext, cipher: "text"}},
		"card-and-siret.txt":   {[]byte("SIRET 36252187900035\nIMEI 353918051234561\nCommande 4012 8888 8888 1881\n"), fileCase{state: plaintext}},
		"html-with-card.html":  {[]byte("<html><body><p>Carte : 4970 1012 3456 7893</p></body></html>"), fileCase{state: plaintext, kinds: "card"}},
		"ppt-rc4.ppt":          {makeLegacyPowerPoint(true), fileCase{state: weak, cipher: "RC4 (CryptoAPI)"}},
		"ppt-plain.ppt":        {makeLegacyPowerPoint(false), fileCase{state: plaintext, cipher: "PowerPoint"}},
		"pgp-sm2.gpg":          {withPKESKAlgorithm(mustFixture("enc-gpg-pubkey.pdf"), 99), fileCase{state: encrypted, cipher: "recipient's public key"}},
		"pgp-mlkem.gpg":        {withPKESKAlgorithm(mustFixture("enc-gpg-pubkey.pdf"), 35), fileCase{state: encrypted, cipher: "recipient's public key"}},
		"pgp-after-note.txt":   {append([]byte("Voici le message :\n\n"), mustFixture("enc-gpg-armor.asc")...), fileCase{state: encrypted, cipher: "after text in clear"}},
		"pgp-undecodable.asc":  {[]byte("-----BEGIN PGP MESSAGE-----\n\nSGVsbG8sIHRoaXMgaXMgbm90IGFuIE9wZW5QR1AgbWVzc2FnZSBhdCBhbGwu\n-----END PGP MESSAGE-----\n"), fileCase{state: random}},
		"kdbx4-empty.kdbx":     {makeKDBX4(""), fileCase{state: weak, cipher: "empty master password"}},
		"kdbx4-strong.kdbx":    {makeKDBX4("motdepasse"), fileCase{state: encrypted, cipher: "KDBX 4"}},
		"decoy-encrypt.pdf":    {withDecoyEncrypt(mustFixture("plain-text.pdf")), fileCase{state: plaintext, cipher: "announces encryption", kinds: "nir"}},
		"fake-age.age":         {fakeAgeHeader(), fileCase{state: plaintext, cipher: "header only", kinds: "iban,card"}},
		"fake-luks.img":        {fakeLUKS(), fileCase{state: plaintext, kinds: "iban,card"}},
		"fake-kdbx.kdbx":       {fakeKDBX(), fileCase{state: plaintext, kinds: "iban,card"}},
		"fake-vault":           {[]byte(vaultfmt.Magic + attackText), fileCase{state: plaintext, kinds: "iban,card"}},
		"form-utf16.pdf":       {makeFormPDF("Dossier 2024-118, le 12/03/2024 à 09:30"), fileCase{state: plaintext, cipher: "PDF"}},
		"form-utf16-nir.pdf":   {makeFormPDF("1 85 05 78 006 084 91"), fileCase{state: plaintext, cipher: "PDF", kinds: "nir"}},
		"docx-like-but-xz.bin": {[]byte("\xfd7zXZ\x00" + string(randomBytes(2000))), fileCase{state: plaintext, cipher: "xz"}},
	}
}

// mustFixture reads a committed fixture for a generated case.
func mustFixture(name string) []byte {
	data, err := os.ReadFile(fixturePath(name))
	if err != nil {
		panic(err)
	}
	return data
}

// base64Lines wraps base64 at 64 columns, as openssl -a does.
func base64Lines(b []byte) string {
	s := base64.StdEncoding.EncodeToString(b)
	var out strings.Builder
	for len(s) > 64 {
		out.WriteString(s[:64] + "\n")
		s = s[64:]
	}
	return out.String() + s + "\n"
}

func fixturePath(name string) string {
	return filepath.Join("testdata", "fixtures", filepath.FromSlash(name))
}

func assertCase(t *testing.T, rep reflex.Report, c fileCase) {
	t.Helper()
	require.NoError(t, rep.Validate())
	assert.Equal(t, reflex.KindFile, rep.Kind)
	switch c.state {
	case encrypted:
		f := rep.Find(reflex.StoreEncrypted)
		require.NotNil(t, f, "want store.encrypted: %+v", rep.Findings)
		assert.Contains(t, f.EvidenceText(reflex.English), c.cipher)
		assert.False(t, rep.Has(reflex.StorePlaintext), "%+v", rep.Findings)
		assert.False(t, rep.Has(reflex.StoreWeakEncryption))
	case weak:
		f := rep.Find(reflex.StoreWeakEncryption)
		require.NotNil(t, f, "want store.weak-encryption: %+v", rep.Findings)
		assert.Contains(t, f.EvidenceText(reflex.English), c.cipher)
		assert.False(t, rep.Has(reflex.StoreEncrypted))
	case plaintext:
		f := rep.Find(reflex.StorePlaintext)
		require.NotNil(t, f, "want store.plaintext: %+v", rep.Findings)
		assert.Contains(t, f.EvidenceText(reflex.English), c.cipher)
		assert.False(t, rep.Has(reflex.StoreEncrypted))
	case nodoc:
		f := rep.Find(reflex.StoreNoDocument)
		require.NotNil(t, f, "want store.no-document: %+v", rep.Findings)
		assert.Contains(t, f.EvidenceText(reflex.English), c.cipher)
		assert.False(t, rep.Has(reflex.StoreEncrypted) || rep.Has(reflex.StorePlaintext), "%+v", rep.Findings)
	case random:
		assert.True(t, rep.Has(reflex.StoreUnknownRandom), "%+v", rep.Findings)
		assert.False(t, rep.Has(reflex.StoreEncrypted), "statistics never say encrypted")
	}
	s := rep.Find(reflex.StoreSensitive)
	if c.kinds == "" {
		assert.Nil(t, s, "no personal data expected: %+v", s)
		return
	}
	require.NotNil(t, s, "want store.sensitive %s", c.kinds)
	assert.Equal(t, c.kinds, s.Params["kinds"])
	assert.Equal(t, reflex.Caution, s.Severity)
}

func TestInspectFixtures(t *testing.T) {
	in := NewInspector()
	ctx := context.Background()
	for _, c := range fixtureCases {
		t.Run(c.name, func(t *testing.T) {
			rep, err := in.Check(ctx, fixturePath(c.name))
			require.NoError(t, err)
			assertCase(t, rep, c)
		})
	}
}

func TestInspectGenerated(t *testing.T) {
	in := NewInspector()
	ctx := context.Background()
	for name, g := range generatedCases() {
		t.Run(name, func(t *testing.T) {
			rep, err := in.InspectReader(ctx, name, bytes.NewReader(g.data), int64(len(g.data)))
			require.NoError(t, err)
			assert.Equal(t, name, rep.Subject)
			assertCase(t, rep, g.fileCase)
		})
	}
}

// Every fixture keeps its answer under any name: detection reads content only.
func TestLyingExtensions(t *testing.T) {
	in := NewInspector()
	dir := t.TempDir()
	for i, c := range fixtureCases {
		if strings.Contains(c.name, "/") {
			continue // gocryptfs metadata is recognised inside its folder only
		}
		data, err := os.ReadFile(fixturePath(c.name))
		require.NoError(t, err)
		for _, ext := range []string{".txt", ".pdf", ".jpg", ""} {
			p := filepath.Join(dir, "f"+string(rune('a'+i%26))+ext)
			require.NoError(t, os.WriteFile(p, data, 0o600))
			rep, err := in.Check(context.Background(), p)
			require.NoError(t, err)
			assertCase(t, rep, c)
		}
	}
}

func TestPermissions(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(fixturePath("pii-bulletin-paie.txt"))
	require.NoError(t, err)
	open := filepath.Join(dir, "open.txt")
	closed := filepath.Join(dir, "closed.txt")
	note := filepath.Join(dir, "note.txt")
	require.NoError(t, os.WriteFile(open, data, 0o644))
	require.NoError(t, os.WriteFile(closed, data, 0o600))
	require.NoError(t, os.WriteFile(note, []byte("rien"), 0o644))
	require.NoError(t, os.Chmod(open, 0o644))
	in := NewInspector()
	for path, want := range map[string]bool{open: true, closed: false, note: false} {
		rep, err := in.Check(context.Background(), path)
		require.NoError(t, err)
		require.NoError(t, rep.Validate())
		assert.Equal(t, want, rep.Has(reflex.StorePermissions), path)
	}
}

// countingReaderAt fakes a big file: prefix, then pseudo-random filler, and counts
// the bytes read.
type countingReaderAt struct {
	prefix []byte
	size   int64
	read   atomic.Int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off >= c.size {
		return 0, io.EOF
	}
	n := len(p)
	if int64(n) > c.size-off {
		n = int(c.size - off)
	}
	for i := range n {
		pos := off + int64(i)
		if pos < int64(len(c.prefix)) {
			p[i] = c.prefix[pos]
		} else {
			x := uint64(pos) * 0x9e3779b97f4a7c15
			p[i] = byte(x>>56) ^ byte(x>>29)
		}
	}
	c.read.Add(int64(n))
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// Inspecting a 1 GiB encrypted file reads well under 1 MiB.
func TestBoundedWorkOnHugeFiles(t *testing.T) {
	in := NewInspector()
	for _, name := range []string{"enc-age-x25519.age", "enc-gpg-symmetric.gpg", "enc-openssl.bin", "enc-luks2.img",
		"enc-7z-headers.7z", "enc-zip-aes.zip", "weak-zipcrypto.zip", "enc-keepass.kdbx", "enc-rclone.bin", "enc-ansible.yml"} {
		data, err := os.ReadFile(fixturePath(name))
		require.NoError(t, err)
		r := &countingReaderAt{prefix: data, size: 1 << 30}
		rep, err := in.InspectReader(context.Background(), name, r, r.size)
		require.NoError(t, err)
		assert.True(t, rep.Has(reflex.StoreEncrypted) || rep.Has(reflex.StoreWeakEncryption), "%s: %+v", name, rep.Findings)
		assert.Less(t, r.read.Load(), int64(256<<10), "%s read %d bytes", name, r.read.Load())
	}
	// no header at all: statistics on a bounded window
	r := &countingReaderAt{size: 1 << 30}
	rep, err := in.InspectReader(context.Background(), "blob", r, r.size)
	require.NoError(t, err)
	assert.True(t, rep.Has(reflex.StoreUnknownRandom), "%+v", rep.Findings)
	assert.Less(t, r.read.Load(), int64(256<<10))
}

// A plaintext giant is scanned up to the budget, not to its end.
func TestScanBudget(t *testing.T) {
	in := NewInspector(WithMaxBytes(1 << 20))
	r := &countingReaderAt{size: 1 << 30}
	rep, err := in.InspectReader(context.Background(), "big.txt", &textFiller{r}, r.size)
	require.NoError(t, err)
	assert.True(t, rep.Has(reflex.StorePlaintext))
	assert.Less(t, r.read.Load(), int64(3<<20))
}

// textFiller serves text everywhere.
type textFiller struct{ c *countingReaderAt }

func (t *textFiller) ReadAt(p []byte, off int64) (int, error) {
	n, err := t.c.ReadAt(p, off)
	for i := range n {
		p[i] = "texte ordinaire "[(off+int64(i))%16]
	}
	return n, err
}

func TestDecompressionBomb(t *testing.T) {
	var buf bytes.Buffer
	zw := newGzip(&buf)
	zeros := make([]byte, 1<<20)
	for range 200 { // 200 MiB of zeros in about 200 KiB
		zw.Write(zeros)
	}
	zw.Write([]byte("IBAN FR76 3000 6000 0112 3456 7890 189"))
	zw.Close()
	in := NewInspector(WithMaxExpand(8<<20, 50))
	rep, err := in.InspectReader(context.Background(), "bomb.gz", bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	require.NoError(t, rep.Validate())
	assert.True(t, rep.Has(reflex.StorePlaintext))
	assert.False(t, rep.Has(reflex.StoreSensitive), "the IBAN lies past the cap")
}

func TestCheckErrors(t *testing.T) {
	in := NewInspector()
	_, err := in.Check(context.Background(), filepath.Join(t.TempDir(), "missing"))
	assert.ErrorIs(t, err, os.ErrNotExist)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = in.Check(ctx, fixturePath("plain-note.txt"))
	assert.ErrorIs(t, err, context.Canceled)
}

func newGzip(w io.Writer) *gzip.Writer { return gzip.NewWriter(w) }
