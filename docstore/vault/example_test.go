package vault_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"

	"github.com/trustreflex/trustreflex/docstore/vault"
)

func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "coffre")
	defer os.RemoveAll(dir)
	vaultDir := filepath.Join(dir, "vault")

	// The owner's passphrase wraps the vault key (scrypt).
	r, _ := age.NewScryptRecipient("correct horse battery staple")
	r.SetWorkFactor(12) // fast for the example; keep age's default (18) for real use
	v, err := vault.Create(vaultDir, r)
	if err != nil {
		log.Fatal(err)
	}
	_, err = v.Put(ctx, "bulletin 2026-10.pdf", strings.NewReader("Salaire net : 2 150,00 €"), vault.Meta{"type": "bulletin de paie"})
	if err != nil {
		log.Fatal(err)
	}
	v.Close()

	// A wrong passphrase is told apart from damage.
	bad, _ := age.NewScryptIdentity("wrong")
	_, err = vault.Open(vaultDir, bad)
	fmt.Println(errors.Is(err, vault.ErrWrongPassphrase))

	id, _ := age.NewScryptIdentity("correct horse battery staple")
	v, err = vault.Open(vaultDir, id)
	if err != nil {
		log.Fatal(err)
	}
	defer v.Close()
	docs, _ := v.List()
	for _, d := range docs {
		fmt.Printf("%s v%d %d bytes (%d stored) %s\n", d.Name, d.Version, d.Size, d.Stored, d.Meta["type"])
	}
	rc, err := v.Get(ctx, "bulletin 2026-10.pdf")
	if err != nil {
		log.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc) // io.EOF only once the whole file is authenticated
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(b))

	rep, _ := v.Verify(ctx)
	fmt.Println("intact:", rep.OK())
	entries, _ := v.Log(ctx)
	for _, e := range entries {
		fmt.Println(e.Seq, strings.TrimSpace(e.Op+" "+e.Name))
	}
	// Output:
	// true
	// bulletin 2026-10.pdf v1 26 bytes (4096 stored) bulletin de paie
	// Salaire net : 2 150,00 €
	// intact: true
	// 1 create
	// 2 put bulletin 2026-10.pdf
}

// Exists needs no key: ask it before prompting for a passphrase.
func ExampleExists() {
	dir, _ := os.MkdirTemp("", "coffre")
	defer os.RemoveAll(dir)
	found, err := vault.Exists(dir)
	fmt.Println(found, err)

	owner, _ := age.GenerateX25519Identity()
	v, err := vault.Create(dir, owner.Recipient())
	if err != nil {
		log.Fatal(err)
	}
	v.Close()
	found, err = vault.Exists(dir)
	fmt.Println(found, err)
	// Output:
	// false <nil>
	// true <nil>
}
