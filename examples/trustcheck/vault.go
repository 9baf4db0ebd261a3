package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"filippo.io/age"
	"golang.org/x/term"

	"github.com/trustreflex/trustreflex/docstore/vault"
	"github.com/trustreflex/trustreflex/internal/regularfile"
	"github.com/trustreflex/trustreflex/reflex"
)

func vaultCommand() command {
	return command{name: "vault", summary: cliText{"un coffre-fort chiffré de documents : init, put, get, ls, rm, verify, log, export", "an encrypted document vault: init, put, get, ls, rm, verify, log, export"},
		usage: cliText{fr: vaultHelpFR, en: vaultHelpEN}, run: runVault}
}

// vaultArgs is how many positional arguments each action takes (min, max).
var vaultArgs = map[string][2]int{
	"init": {0, 0}, "put": {1, 2}, "get": {1, 1}, "ls": {0, 0}, "rm": {1, 1},
	"verify": {0, 0}, "log": {0, 0}, "export": {1, 1}, "passwd": {0, 0}, "recover": {0, 0}, "purge": {0, 0},
}

func runVault(ctx context.Context, a *app, cmd *command, args []string) int {
	f := newFlags(cmd)
	dir := f.String("dir", "", "vault directory")
	state := f.String("state", "", "state file")
	pos, code, done := f.parse(a, args)
	if done {
		return code
	}
	if len(pos) == 0 {
		a.usageError(msgVaultMissingAction)
		return exitUsage
	}
	n, ok := vaultArgs[pos[0]]
	if !ok {
		a.usageError(msgVaultUnknownAction, pos[0])
		return exitUsage
	}
	if len(pos)-1 < n[0] || len(pos)-1 > n[1] {
		a.usageError(msgVaultArgs, pos[0])
		return exitUsage
	}
	vc := &vaultCLI{app: a, lang: a.lang, json: f.json, dir: *dir, state: *state}
	if err := vc.run(ctx, pos[0], pos[1:]); err != nil {
		fmt.Fprintf(a.io.err, "%s: vault: %s\n", programName, vc.message(err))
		return exitUnchecked
	}
	return exitOK
}

type vaultCLI struct {
	app   *app
	lang  reflex.Lang
	json  bool
	dir   string
	state string
	doc   string // the document an action names (get, rm), for a not-found message
}

// errDamagedReport is returned by verify when it found damage (already printed).
var errDamagedReport = errors.New("damage found")

func (vc *vaultCLI) run(ctx context.Context, action string, args []string) error {
	if err := vc.paths(); err != nil {
		return err
	}
	opts := []vault.Option{}
	if vc.state != "none" {
		opts = append(opts, vault.WithStateFile(vc.state))
	}
	if action == "init" {
		pass, err := vc.passphrase("TRUSTCHECK_PASSPHRASE", true)
		if err != nil {
			return err
		}
		if err := vault.CheckPassphrase(pass); err != nil {
			return err
		}
		r, err := newScryptRecipient(pass)
		if err != nil {
			return err
		}
		v, err := vault.Create(vc.dir, r, opts...)
		if err != nil {
			return err
		}
		defer v.Close()
		vc.say(reflex.TextVaultCreated, "dir", vc.dir)
		return nil
	}
	// Do not ask for a passphrase to open nothing.
	if found, err := vault.Exists(vc.dir); err != nil {
		return err
	} else if !found {
		return vault.ErrNotVault
	}
	pass, err := vc.passphrase("TRUSTCHECK_PASSPHRASE", false)
	if err != nil {
		return err
	}
	id, err := age.NewScryptIdentity(pass)
	if err != nil {
		return err
	}
	if action == "recover" {
		return vc.recover(id, opts)
	}
	v, err := vault.Open(vc.dir, id, opts...)
	if err != nil {
		return err
	}
	defer v.Close()
	switch action {
	case "purge":
		return vc.purge(ctx, v)
	case "put":
		return vc.put(ctx, v, args)
	case "get":
		vc.doc = args[0]
		return vc.get(ctx, v, args[0])
	case "ls":
		return vc.ls(v)
	case "rm":
		vc.doc = args[0]
		if err := v.Delete(ctx, args[0]); err != nil {
			return err
		}
		vc.say(reflex.TextVaultDeleted, "name", args[0])
		return nil
	case "verify":
		return vc.verify(ctx, v)
	case "log":
		return vc.log(ctx, v)
	case "export":
		return vc.export(ctx, v, args[0])
	case "passwd":
		return vc.passwd(v)
	}
	return nil
}

func newScryptRecipient(pass string) (*age.ScryptRecipient, error) {
	r, err := age.NewScryptRecipient(pass)
	if err != nil {
		return nil, err
	}
	if scryptWorkFactor > 0 {
		r.SetWorkFactor(scryptWorkFactor)
	}
	return r, nil
}

// passwd rewraps the vault key under a new passphrase: one key slot changes, no document.
func (vc *vaultCLI) passwd(v *vault.Vault) error {
	pass, err := vc.passphrase("TRUSTCHECK_NEW_PASSPHRASE", true)
	if err != nil {
		return err
	}
	if err := vault.CheckPassphrase(pass); err != nil {
		return err
	}
	r, err := newScryptRecipient(pass)
	if err != nil {
		return err
	}
	if err := v.SetRecipient(vault.OwnerLabel, r); err != nil {
		return err
	}
	vc.say(reflex.TextVaultPassphraseChanged)
	return nil
}

// paths fills the default vault directory and state file.
func (vc *vaultCLI) paths() error {
	if vc.dir == "" {
		vc.dir = vc.app.io.getenv("TRUSTCHECK_VAULT")
	}
	// xdg returns $XDG_x_HOME, else ~/fallback (XDG base directory specification).
	xdg := func(env, fallback string) (string, error) {
		if d := vc.app.io.getenv(env); filepath.IsAbs(d) {
			return d, nil
		}
		home := vc.app.io.getenv("HOME")
		if home == "" {
			return "", &reflex.Problem{ID: reflex.TextVaultNoHome, Params: map[string]string{"env": env},
				Err: fmt.Errorf("neither $%s nor $HOME is set: give --dir and --state", env)}
		}
		return filepath.Join(home, fallback), nil
	}
	if vc.dir == "" {
		d, err := xdg("XDG_DATA_HOME", filepath.Join(".local", "share"))
		if err != nil {
			return err
		}
		vc.dir = filepath.Join(d, "trustcheck", "vault")
	}
	if vc.state == "" {
		d, err := xdg("XDG_STATE_HOME", filepath.Join(".local", "state"))
		if err != nil {
			return err
		}
		vc.state = filepath.Join(d, "trustcheck", "vault-state")
	}
	return nil
}

// passphrase reads a passphrase from the environment variable env, else from the terminal
// (/dev/tty, so that standard input stays free for put's content), asking twice for a new one.
func (vc *vaultCLI) passphrase(env string, confirm bool) (string, error) {
	if p := vc.app.io.getenv(env); p != "" {
		return p, nil
	}
	if !vc.app.io.inTTY && !vc.app.io.errTTY {
		return "", errNoPassphrase // not interactive: never block on a prompt
	}
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil || !term.IsTerminal(int(tty.Fd())) {
		return "", errNoPassphrase
	}
	defer tty.Close()
	ask := func(prompt reflex.TextID) (string, error) {
		fmt.Fprint(tty, reflex.NewText(prompt).In(vc.lang))
		b, err := term.ReadPassword(int(tty.Fd()))
		fmt.Fprintln(tty)
		return string(b), err
	}
	prompt := reflex.TextVaultPrompt
	if env == "TRUSTCHECK_NEW_PASSPHRASE" || confirm {
		prompt = reflex.TextVaultPromptNew
	}
	p, err := ask(prompt)
	if err != nil {
		return "", err
	}
	if p == "" {
		return "", errNoPassphrase
	}
	if confirm {
		again, err := ask(reflex.TextVaultPromptAgain)
		if err != nil {
			return "", err
		}
		if again != p {
			return "", errPassphraseMismatch
		}
	}
	return p, nil
}

var (
	errNoPassphrase       = &reflex.Problem{ID: reflex.TextVaultNoPassphrase, Err: errors.New("no passphrase: run on a terminal or set TRUSTCHECK_PASSPHRASE")}
	errPassphraseMismatch = &reflex.Problem{ID: reflex.TextVaultPassphraseMismatch, Err: errors.New("the two passphrases differ")}
)

func (vc *vaultCLI) put(ctx context.Context, v *vault.Vault, args []string) error {
	src := vc.app.io.in
	if len(args) == 2 && args[1] != "-" {
		f, err := regularfile.Open(args[1])
		if err != nil {
			return err
		}
		defer f.Close()
		src = f
	}
	info, err := v.Put(ctx, args[0], src, nil)
	if err != nil {
		return err
	}
	vc.say(reflex.TextVaultStored, "name", info.Name, "version", strconv.FormatUint(info.Version, 10), "size", strconv.FormatInt(info.Size, 10))
	return nil
}

// get verifies the whole document first (a full authenticated read, discarded), then
// streams it: nothing reaches standard output unless the document is intact. The price is
// decrypting twice; the alternative, a plaintext temp file, would leave the document on disk.
func (vc *vaultCLI) get(ctx context.Context, v *vault.Vault, name string) error {
	if err := v.VerifyDocument(ctx, name); err != nil {
		return err
	}
	r, err := v.Get(ctx, name)
	if err != nil {
		return err
	}
	defer r.Close()
	_, err = io.Copy(vc.app.io.out, r)
	return err
}

func (vc *vaultCLI) ls(v *vault.Vault) error {
	docs, err := v.List()
	if err != nil {
		return err
	}
	if vc.json {
		enc := json.NewEncoder(vc.app.io.out)
		for _, d := range docs {
			enc.Encode(struct {
				Name     string     `json:"name"`
				Size     int64      `json:"size"`
				Version  uint64     `json:"version"`
				Modified time.Time  `json:"modified"`
				Meta     vault.Meta `json:"meta,omitempty"`
			}{d.Name, d.Size, d.Version, d.Modified, d.Meta})
		}
		return nil
	}
	if len(docs) == 0 {
		vc.say(reflex.TextVaultEmpty)
		return nil
	}
	tw := tabwriter.NewWriter(vc.app.io.out, 0, 4, 2, ' ', 0)
	for _, d := range docs {
		fmt.Fprintf(tw, "%s\t%d\tv%d\t%s\n", reflex.Printable(d.Name), d.Size, d.Version, d.Modified.Format("2006-01-02 15:04"))
	}
	return tw.Flush()
}

func (vc *vaultCLI) verify(ctx context.Context, v *vault.Vault) error {
	rep, err := v.Verify(ctx)
	if err != nil {
		return err
	}
	out := vc.app.io.out
	if vc.json {
		enc := json.NewEncoder(out)
		for _, d := range rep.Damaged {
			enc.Encode(map[string]string{"name": d.Name, "damage": d.Reason.String()})
		}
		if rep.LogErr != nil {
			enc.Encode(map[string]string{"name": "log", "damage": "log"})
		}
		enc.Encode(map[string]any{"checked": rep.Checked, "ok": rep.OK(), "orphans": len(rep.Orphans)})
	} else {
		for _, d := range rep.Damaged {
			fmt.Fprintf(out, "%s: %s (%s)\n", reflex.NewText(reflex.TextVaultDamagedLabel).In(vc.lang), reflex.Printable(d.Name),
				reflex.NewText(reflex.TextID("damage."+d.Reason.String())).In(vc.lang))
		}
		if rep.LogErr != nil {
			fmt.Fprintf(out, "%s: log\n", reflex.NewText(reflex.TextVaultDamagedLabel).In(vc.lang))
		}
		if rep.OK() {
			vc.say(reflex.TextVaultIntact, "n", strconv.Itoa(rep.Checked))
		}
		if len(rep.Orphans) > 0 {
			vc.say(reflex.TextVaultOrphans, "n", strconv.Itoa(len(rep.Orphans)))
			vc.say(reflex.TextVaultHintPurge)
		}
	}
	if !rep.OK() {
		return errDamagedReport
	}
	return nil
}

func (vc *vaultCLI) log(ctx context.Context, v *vault.Vault) error {
	entries, err := v.Log(ctx)
	if err != nil {
		return err
	}
	out := vc.app.io.out
	enc := json.NewEncoder(out)
	for _, e := range entries {
		if vc.json {
			enc.Encode(struct {
				Seq       uint64    `json:"seq"`
				Time      time.Time `json:"time"`
				Op        string    `json:"op"`
				Name      string    `json:"name,omitempty"`
				Version   uint64    `json:"version,omitempty"`
				Committed bool      `json:"committed"`
			}{e.Seq, e.Time, e.Op, e.Name, e.Version, e.Committed})
			continue
		}
		line := fmt.Sprintf("%d  %s  %s", e.Seq, e.Time.Format(time.RFC3339), e.Op)
		if e.Name != "" {
			line += "  " + reflex.Printable(e.Name)
		}
		if e.Version > 0 {
			line += fmt.Sprintf(" v%d", e.Version)
		}
		if !e.Committed {
			line += "  " + reflex.NewText(reflex.TextVaultInterrupted).In(vc.lang)
		}
		fmt.Fprintln(out, line)
	}
	return nil
}

// export writes a zip for a FILE ending in .zip, else a tar; a failed export (a damaged
// document) leaves no partial archive behind.
func (vc *vaultCLI) export(ctx context.Context, v *vault.Vault, path string) error {
	format := vault.ExportTar
	if strings.EqualFold(filepath.Ext(path), ".zip") {
		format = vault.ExportZip
	}
	if err := v.ExportFile(ctx, path, format); err != nil {
		return err
	}
	vc.say(reflex.TextVaultExported, "path", path)
	return nil
}

// recover rebuilds the index and says what it could not restore; a recover that lost
// something ends with status 1, like verify finding damage.
func (vc *vaultCLI) recover(id age.Identity, opts []vault.Option) error {
	v, rep, err := vault.Recover(vc.dir, id, opts...)
	if err != nil {
		return err
	}
	defer v.Close()
	docs, err := v.List()
	if err != nil {
		return err
	}
	vc.say(reflex.TextVaultRebuilt, "n", strconv.Itoa(len(docs)))
	for _, l := range rep.Lost {
		vc.say(reflex.TextVaultRecoverLost, "name", l.Name, "version", strconv.FormatUint(l.Version, 10), "reason", l.Reason.String())
	}
	for _, d := range rep.Unlogged {
		vc.say(reflex.TextVaultRecoverUnlogged, "name", d.Name, "version", strconv.FormatUint(d.Version, 10))
	}
	if rep.MissingGenerations > 0 {
		vc.say(reflex.TextVaultRecoverOldCopy)
	} else if rep.LogCut {
		vc.say(reflex.TextVaultRecoverLogCut)
	}
	if len(rep.Lost) > 0 {
		return errDamagedReport
	}
	return nil
}

// purge removes the orphan files and names each on stderr (--json: one object per file
// on stdout).
func (vc *vaultCLI) purge(ctx context.Context, v *vault.Vault) error {
	removed, err := v.Purge(ctx)
	for _, o := range removed {
		if vc.json {
			json.NewEncoder(vc.app.io.out).Encode(struct {
				File    string `json:"file"`
				Kind    string `json:"kind"`
				Name    string `json:"name,omitempty"`
				Version uint64 `json:"version,omitempty"`
			}{o.File, o.Kind.String(), o.Name, o.Version})
			continue
		}
		if o.Name != "" {
			vc.say(reflex.TextVaultPurged, "name", o.Name, "version", strconv.FormatUint(o.Version, 10), "kind", o.Kind.String())
		} else {
			vc.say(reflex.TextVaultPurgedFile, "file", o.File, "kind", o.Kind.String())
		}
	}
	if err != nil {
		return err
	}
	if !vc.json {
		vc.say(reflex.TextVaultPurgedCount, "n", strconv.Itoa(len(removed)))
	}
	return nil
}

// say prints a confirmation on stderr, keeping stdout for data (get, ls, log).
func (vc *vaultCLI) say(id reflex.TextID, nameValues ...string) {
	fmt.Fprintln(vc.app.io.err, reflex.NewText(id, nameValues...).In(vc.lang))
}

// message turns an error into what the person reads: the catalogue's text of the
// error, and the command that mends it where there is one.
func (vc *vaultCLI) message(err error) string {
	var de *vault.DamageError
	switch {
	case errors.Is(err, errDamagedReport):
		return reflex.NewText(reflex.TextVaultDamageFound).In(vc.lang)
	case errors.Is(err, vault.ErrNotVault):
		return reflex.NewText(reflex.TextVaultNotVault, "dir", vc.dir).In(vc.lang) + " " + reflex.NewText(reflex.TextVaultHintInit).In(vc.lang)
	case errors.As(err, &de) && de.ID == "" && de.Name == vault.IndexFile:
		return reflex.ErrorText(err, vc.lang) + " " + reflex.NewText(reflex.TextVaultHintRecover).In(vc.lang)
	case errors.Is(err, vault.ErrNotFound) && vc.doc != "":
		return reflex.NewText(reflex.TextVaultNotFound, "name", vc.doc).In(vc.lang)
	}
	return reflex.ErrorText(err, vc.lang)
}
