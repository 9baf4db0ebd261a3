package container

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// fixtures are the tool-made files of docstore's tests, used as fuzz seeds.
func fixtures(f *testing.F, names ...string) {
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "fixtures", n))
		if err != nil {
			f.Fatalf("seed %s: %v", n, err)
		}
		f.Add(data)
	}
}

// fuzzProbe runs one probe on arbitrary bytes: it must not panic, and what it says
// must stay short (evidence is one line).
func fuzzProbe(f *testing.F, p probe) {
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := NewBlob(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		r, ok := p(b)
		if !ok {
			return
		}
		if len(r.Format) > 80 || len(r.Cipher) > 80 || len(r.Detail) > 200 || len(r.Notes) > 16 {
			t.Fatalf("result too long: %+v", r)
		}
		if r.PlainEntries > r.Entries || r.Entries > maxZipEntries+4096 {
			t.Fatalf("bad entry counts: %+v", r)
		}
	})
}

func FuzzSniff(f *testing.F) {
	fixtures(f, "enc-age-x25519.age", "enc-gpg-pubkey.pdf", "enc-7z.7z", "mixed.zip", "enc-pdf-xrefstream.pdf", "plain-text.pdf")
	f.Add([]byte{})
	fuzzProbe(f, func(b *Blob) (Result, bool) { return Sniff(b), true })
}

func FuzzAge(f *testing.F) {
	fixtures(f, "enc-age-x25519.age", "enc-age-armor.txt", "enc-age-scrypt.bin")
	fuzzProbe(f, probeAge)
}

func FuzzOpenPGP(f *testing.F) {
	fixtures(f, "enc-gpg-symmetric.gpg", "enc-gpg-pubkey.pdf", "plain-gpg-signed.gpg", "pii-gpg-signed-stream.gpg")
	fuzzProbe(f, probeOpenPGP)
}

func FuzzArmor(f *testing.F) {
	fixtures(f, "enc-gpg-armor.asc", "plain-gpg-clearsigned.asc", "plain-gpg-pubkey.asc", "enc-pkcs8.pem", "enc-legacy-key.pem", "plain-key.pem")
	fuzzProbe(f, probeArmor)
}

func FuzzDER(f *testing.F) {
	fixtures(f, "enc-cms.der", "plain-cms-signed.p7s", "enc-pkcs12.p12")
	fuzzProbe(f, probeDER)
}

func FuzzSMIME(f *testing.F) {
	fixtures(f, "enc-smime.eml", "plain-smime-signed.eml")
	fuzzProbe(f, probeSMIME)
}

func FuzzZIP(f *testing.F) {
	fixtures(f, "enc-zip-aes.zip", "weak-zipcrypto.zip", "mixed.zip", "plain.zip", "plain-docx.docx")
	fuzzProbe(f, probeZIP)
}

func FuzzOpenZipEntry(f *testing.F) {
	fixtures(f, "plain.zip", "plain-docx.docx")
	f.Fuzz(func(t *testing.T, data []byte) {
		b, _ := NewBlob(bytes.NewReader(data), int64(len(data)))
		entries, _ := ZipEntries(b)
		for _, e := range entries[:min(len(entries), 8)] {
			out, _ := OpenZipEntry(b, e, 1<<20, 100)
			if len(out) > 1<<20 {
				t.Fatalf("entry output %d over the cap", len(out))
			}
		}
	})
}

func FuzzSevenZip(f *testing.F) {
	fixtures(f, "enc-7z.7z", "enc-7z-headers.7z", "plain.7z")
	fuzzProbe(f, func(b *Blob) (Result, bool) {
		total := 0
		for _, d := range SevenZipContent(b, 1<<20) {
			total += len(d)
		}
		if total > 1<<20 {
			panic("7z content over its cap")
		}
		return probeSevenZip(b)
	})
}

func FuzzRAR(f *testing.F) {
	f.Add([]byte("Rar!\x1a\x07\x00\x00\x00\x73\x80\x00\x0d\x00\x00\x00\x00\x00\x00\x00"))
	f.Add([]byte("Rar!\x1a\x07\x01\x00\x00\x00\x00\x00\x03\x04\x00\x00"))
	f.Add([]byte("Rar!\x1a\x07\x01\x00\x00\x00\x00\x00\x12\x02\x03\x0b\x40\x00\x40\x20\x00\x00\x01a\x0b\x01\x00\x00\x0f"))
	fuzzProbe(f, probeRAR)
}

func FuzzPDF(f *testing.F) {
	fixtures(f, "enc-pdf-aes256.pdf", "enc-pdf-xrefstream.pdf", "weak-pdf-rc4-40.pdf", "weak-pdf-empty-user.pdf", "plain-pdf-flate.pdf",
		"weak-pdf-linearized-rc4-40.pdf", "enc-pdf-linearized-aes256.pdf", "weak-pdf-empty-owner-aes256.pdf")
	fuzzProbe(f, func(b *Blob) (Result, bool) {
		if dec, ok := PDFDecrypter(b); ok {
			dec(1, 0, b.Head[:min(len(b.Head), 64)])
		}
		return probePDF(b)
	})
}

func FuzzOLE(f *testing.F) {
	f.Add(append([]byte(oleMagic), make([]byte, 1024)...))
	fuzzProbe(f, probeOLE)
}

func FuzzLUKS(f *testing.F) {
	fixtures(f, "enc-luks1.img", "enc-luks2.img")
	fuzzProbe(f, probeLUKS)
}

func FuzzKDBX(f *testing.F) {
	fixtures(f, "enc-keepass.kdbx", "weak-keepass-empty.kdbx")
	fuzzProbe(f, probeKDBX)
}

func FuzzJOSE(f *testing.F) {
	f.Add([]byte("eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC"))
	f.Add([]byte(`{"protected":"eyJlbmMiOiJBMTI4R0NNIn0","ciphertext":"AAAA"}`))
	fuzzProbe(f, probeJOSE)
}

func FuzzSmallMagics(f *testing.F) {
	fixtures(f, "enc-openssl.bin", "enc-openssl-b64.txt", "enc-ansible.yml", "enc-rclone.bin", "gocryptfs-vault/gocryptfs.conf")
	f.Add([]byte("\xeb\x58\x90-FVE-FS-"))
	f.Add([]byte("trustreflex-vault/v1\nvault 0a1b gen 3\n"))
	probes := []probe{probeOpenSSL, probeAnsible, probeRclone, probeBitLocker, probeGocryptfsConf, probeGocryptfsFile, probeVault, probePlainFormats, probeText}
	fuzzProbe(f, func(b *Blob) (Result, bool) {
		for _, p := range probes {
			if r, ok := p(b); ok {
				return r, true
			}
		}
		return Result{}, false
	})
}

func FuzzEncoded(f *testing.F) {
	f.Add([]byte("U2FsdGVkX1+abc/def==\n"), []byte("00ff"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		for _, in := range [][]byte{a, b, append(a, b...)} {
			if d, _, ok := Encoded(in); ok && len(d) > len(in) {
				t.Fatalf("decoded %d bytes from %d", len(d), len(in))
			}
		}
	})
}

func FuzzMIMEParts(f *testing.F) {
	f.Add([]byte("Content-Transfer-Encoding: base64\n\nTi8gU1MgMSA4NQ==\n--b\nContent-Transfer-Encoding: quoted-printable\n\nN=C2=B0 1 =\n85\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		total := 0
		for _, p := range MIMEParts(data, 1<<16) {
			total += len(p)
		}
		if total > 1<<16 {
			t.Fatalf("%d bytes over the cap", total)
		}
	})
}

// FuzzSQLite: the record reader stays within its output cap and never panics on any
// page layout, varint or overflow chain.
func FuzzSQLite(f *testing.F) {
	fixtures(f, "pii-rh.sqlite", "pii-clients-utf16.db", "plain-stock.sqlite")
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := NewBlob(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		if out := SQLiteText(b, 1<<16); len(out) > 1<<16 {
			t.Fatalf("%d bytes over the cap", len(out))
		}
	})
}

// FuzzTextFormats: mails, address books, key files and armored blocks inside text.
func FuzzTextFormats(f *testing.F) {
	fixtures(f, "enc-gpg-in-mail.eml", "pii-boite.mbox", "pii-contacts.vcf", "keys-folder/destinataires.txt",
		"keys-folder/id_ed25519.pub", "keys-leak/cle-age.txt", "pii-gpg-signed-pipe.asc", "enc-age-armor.txt")
	probes := []probe{probeArmor, probeArmorInText, probeMail, probeVCard, probeKeyText, probeAge}
	fuzzProbe(f, func(b *Blob) (Result, bool) {
		ContentLines(b.Head)
		if len(EncodedWords(b.Head, 4096)) > 4096+1024 {
			panic("encoded words over the cap")
		}
		for _, p := range probes {
			if r, ok := p(b); ok {
				for _, sp := range r.Clear {
					if sp.Off < 0 || sp.Len < 0 || sp.Off+sp.Len > b.Size {
						panic("clear span out of the blob")
					}
				}
				return r, true
			}
		}
		return Result{}, false
	})
}
