package docstore

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/trustreflex/trustreflex/docstore/internal/container"
	"github.com/trustreflex/trustreflex/docstore/pii"
	"github.com/trustreflex/trustreflex/reflex"
)

// ErrStop may be returned by an [Inspector.Walk] callback to end the walk early without error.
var ErrStop = errors.New("docstore: stop walking")

// Walk inspects every regular file below root, in lexical order, and calls fn with
// one report per file (Kind "file"), then once with the folder report (Kind "store",
// subject root) that gives the folder verdict: encrypted, plaintext or mixed. A root
// that is a file gives its file report only: one subject, one report. A file that
// cannot be read (or is not a regular file: a pipe, a device) comes with its error
// and the walk goes on; fn's own error stops the walk and is returned ([ErrStop]
// stops it quietly). Symbolic links below root are not followed, and no file is
// opened in a way that could block.
func (in *Inspector) Walk(ctx context.Context, root string, fn func(reflex.Report, error) error) error {
	fi, err := os.Stat(root)
	if err != nil {
		return fmt.Errorf("docstore: %w", err)
	}
	if !fi.IsDir() {
		fr, err := in.inspectPath(ctx, root, vaultHint(filepath.Dir(root)), true)
		if err != nil {
			return quiet(fn(reflex.Report{Subject: root, Kind: reflex.KindFile}, err))
		}
		return quiet(fn(fr.report(root), nil))
	}
	var t tally
	hints := map[string]vaultKind{} // per folder
	walkRoot := root
	if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		// a root given as a symbolic link to a folder is followed (links below it are not)
		walkRoot = root + string(filepath.Separator)
	}
	err = filepath.WalkDir(walkRoot, func(path string, d fs.DirEntry, werr error) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if werr != nil {
			if d != nil && d.IsDir() && path != walkRoot {
				t.unreadable++
				return fn(reflex.Report{Subject: path, Kind: reflex.KindFile}, fmt.Errorf("docstore: %w", werr))
			}
			return fmt.Errorf("docstore: %w", werr)
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		dir := filepath.Dir(path)
		hint, ok := hints[dir]
		if !ok {
			hint = vaultHint(dir)
			hints[dir] = hint
		}
		if hint == gocryptfsVault {
			t.vault = true
		}
		fr, err := in.inspectPath(ctx, path, hint, false)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			t.unreadable++
			return fn(reflex.Report{Subject: path, Kind: reflex.KindFile}, err)
		}
		rel, _ := filepath.Rel(root, path)
		t.add(rel, fr)
		return fn(fr.report(path), nil)
	})
	if err != nil {
		return quiet(err)
	}
	return quiet(fn(t.report(root), nil))
}

func quiet(err error) error {
	if errors.Is(err, ErrStop) {
		return nil
	}
	return err
}

// names keeps the first three names of a list of files, and counts them all.
type names struct {
	n     int
	first []string
}

func (l *names) add(name string) {
	l.n++
	if len(l.first) < 3 {
		l.first = append(l.first, name)
	}
}

// params puts the count under key, the names and how many more into p.
func (l names) params(p map[string]string, key string) map[string]string {
	p[key] = strconv.Itoa(l.n)
	if len(l.first) > 0 {
		p["names"] = strings.Join(l.first, ", ")
	}
	if l.n > len(l.first) {
		p["more"] = strconv.Itoa(l.n - len(l.first))
	}
	return p
}

// tally counts the files of a folder for its verdict.
type tally struct {
	files, encrypted, random, empty, noDocument int
	unreadable                                  int               // files that could not be read: not in the verdict
	formats                                     map[string]bool   // encrypted formats
	plain, weak, sensitive, perms, keys         names             // files in clear, weakly encrypted, ...
	kinds                                       map[pii.Kind]bool // kinds of personal data seen
	vault                                       bool              // a vault layout was seen (vault files, gocryptfs)
}

func (t *tally) add(name string, fr fileResult) {
	t.files++
	switch {
	case fr.empty():
		t.empty++
		return
	case fr.noDocument():
		t.noDocument++
		if fr.res.Vault {
			t.vault = true
		}
		return
	case fr.random, fr.undecided():
		t.random++
	case fr.encrypted():
		t.encrypted++
		if t.formats == nil {
			t.formats = map[string]bool{}
		}
		t.formats[string(fr.res.Format)] = true
		if fr.res.Vault {
			t.vault = true
		}
		if fr.res.Verdict == container.Weak {
			t.weak.add(name)
		}
		if fr.res.PlainEntries > 0 || fr.res.Trailing > 0 {
			t.plain.add(name)
		}
	default:
		t.plain.add(name)
		if fr.privateKeyInClear() {
			t.keys.add(name)
		}
	}
	if ks := pii.Kinds(fr.matches); len(ks) > 0 {
		t.sensitive.add(name)
		if t.kinds == nil {
			t.kinds = map[pii.Kind]bool{}
		}
		for _, k := range ks {
			t.kinds[k] = true
		}
		if fr.worldReadable {
			t.perms.add(name)
		}
	}
}

// report gives the folder verdict: encrypted (every file with content is, key
// material and a vault's working files apart), plaintext (none is), or mixed.
// Personal data in clear inside an otherwise encrypted folder (a vault with a stray
// copy) is danger, and so is a private key in clear next to encrypted files.
func (t *tally) report(root string) reflex.Report {
	rep := reflex.NewReport(root, reflex.KindStore)
	content := t.files - t.empty - t.noDocument
	files := strconv.Itoa(content)
	var verdict *reflex.Finding
	switch {
	case content == 0:
		rep.Add(reflex.Finding{Code: reflex.StorePlaintext, Severity: reflex.Info, Params: map[string]string{"empty": strconv.Itoa(t.files)}})
	case t.plain.n == 0 && t.encrypted > 0:
		rep.Add(reflex.Finding{Code: reflex.StoreEncrypted, Severity: reflex.OK,
			Params: map[string]string{"encrypted": strconv.Itoa(t.encrypted), "files": files, "formats": t.formatList()}})
	case t.encrypted == 0 && t.plain.n > 0:
		rep.Add(reflex.Finding{Code: reflex.StorePlaintext, Severity: reflex.Info, Params: t.plain.params(map[string]string{"files": files}, "plain")})
	case t.plain.n > 0:
		rep.Add(reflex.Finding{Code: reflex.StorePlaintext, Severity: reflex.Caution,
			Params: t.plain.params(map[string]string{"files": files, "folder": "mixed"}, "plain")})
		rep.Add(reflex.Finding{Code: reflex.StoreEncrypted, Severity: reflex.OK,
			Params: map[string]string{"encrypted": strconv.Itoa(t.encrypted), "files": files, "formats": t.formatList(), "folder": "mixed"}})
	}
	if t.unreadable > 0 && len(rep.Findings) > 0 {
		// the verdict covers only what could be read: say so where it is given
		verdict = &rep.Findings[0]
		verdict.Params["unreadable"] = strconv.Itoa(t.unreadable)
	}
	if t.random > 0 {
		rep.Add(reflex.Finding{Code: reflex.StoreUnknownRandom, Severity: reflex.Info,
			Params: map[string]string{"random": strconv.Itoa(t.random), "files": files}})
	}
	if t.weak.n > 0 {
		rep.Add(reflex.Finding{Code: reflex.StoreWeakEncryption, Severity: reflex.Caution, Params: t.weak.params(map[string]string{}, "weak")})
	}
	if t.keys.n > 0 && t.encrypted > 0 {
		rep.Add(reflex.Finding{Code: reflex.StorePrivateKey, Severity: reflex.Danger, Params: t.keys.params(map[string]string{}, "keys")})
	}
	if t.sensitive.n > 0 {
		sev := reflex.Caution
		p := map[string]string{"kinds": t.kindList()}
		if t.encrypted > 0 || t.vault {
			sev, p["where"] = reflex.Danger, "vault"
		}
		rep.Add(reflex.Finding{Code: reflex.StoreSensitive, Severity: sev, Params: t.sensitive.params(p, "sensitive")})
	}
	if t.perms.n > 0 {
		rep.Add(reflex.Finding{Code: reflex.StorePermissions, Severity: reflex.Caution, Params: t.perms.params(map[string]string{}, "perms")})
	}
	return rep
}

// formatList is the {formats} parameter: the encrypted formats seen, sorted.
func (t *tally) formatList() string {
	return strings.Join(slices.Sorted(maps.Keys(t.formats)), ",")
}

// kindList is the {kinds} parameter, in pii's fixed order.
func (t *tally) kindList() string {
	var ms []pii.Match
	for k := range t.kinds {
		ms = append(ms, pii.Match{Kind: k})
	}
	return joinKinds(pii.Kinds(ms))
}
