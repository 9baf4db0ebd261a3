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
	"strings"

	"github.com/trustreflex/trustreflex/docstore/internal/container"
	"github.com/trustreflex/trustreflex/docstore/pii"
	"github.com/trustreflex/trustreflex/reflex"
)

// ErrStop may be returned by an [Inspector.Walk] callback to end the walk early without error.
var ErrStop = errors.New("docstore: stop walking")

// Walk inspects every regular file below root, in lexical order, and calls fn with
// one report per file (Kind "file"), then once with the folder report (Kind "store",
// subject root) that gives the folder verdict: encrypted, plaintext or mixed. A file
// that cannot be read comes with its error and the walk goes on; fn's own error
// stops the walk and is returned ([ErrStop] stops it quietly). Symbolic links are not
// followed.
func (in *Inspector) Walk(ctx context.Context, root string, fn func(reflex.Report, error) error) error {
	fi, err := os.Stat(root)
	if err != nil {
		return fmt.Errorf("docstore: %w", err)
	}
	var t tally
	if !fi.IsDir() {
		fr, err := in.inspectPath(ctx, root, fi, vaultHint(filepath.Dir(root)))
		if err := fn(fr.report(root), err); err != nil {
			return quiet(err)
		}
		if err == nil {
			t.add(root, fr)
		}
		return quiet(fn(t.report(root), nil))
	}
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
				return fn(reflex.Report{Subject: path, Kind: reflex.KindFile}, fmt.Errorf("docstore: %w", werr))
			}
			return fmt.Errorf("docstore: %w", werr)
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			t.unreadable++
			return fn(reflex.Report{Subject: path, Kind: reflex.KindFile}, fmt.Errorf("docstore: %w", err))
		}
		dir := filepath.Dir(path)
		hint, ok := hints[dir]
		if !ok {
			hint = vaultHint(dir)
			hints[dir] = hint
		}
		if hint == gocryptfsVault {
			t.vault = "gocryptfs"
		}
		fr, err := in.inspectPath(ctx, path, info, hint)
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

// tally counts the files of a folder for its verdict.
type tally struct {
	files, encrypted, weak, plain, random, empty int
	unreadable                                   int            // files that could not be read: not in the verdict
	formats                                      map[string]int // encrypted formats
	plainNames, weakNames, sensitiveNames        []string
	permNames                                    []string
	sensitive, perms                             int
	kinds                                        map[pii.Kind]pii.Match // one personal match per kind seen
	vault                                        string                 // a vault layout was seen: "trustreflex vault", "gocryptfs"
}

func (t *tally) add(name string, fr fileResult) {
	t.files++
	switch {
	case fr.empty():
		t.empty++
		return
	case fr.random:
		t.random++
	case fr.encrypted():
		t.encrypted++
		if t.formats == nil {
			t.formats = map[string]int{}
		}
		t.formats[fr.res.Format]++
		if fr.res.Vault {
			t.vault = fr.res.Format
		}
		if fr.res.Verdict == container.Weak {
			t.weak++
			t.weakNames = appendName(t.weakNames, name)
		}
		if fr.res.PlainEntries > 0 {
			t.plain++
			t.plainNames = appendName(t.plainNames, name)
		}
	default:
		t.plain++
		t.plainNames = appendName(t.plainNames, name)
	}
	if ks := pii.Kinds(fr.matches); len(ks) > 0 {
		t.sensitive++
		t.sensitiveNames = appendName(t.sensitiveNames, name)
		if t.kinds == nil {
			t.kinds = map[pii.Kind]pii.Match{}
		}
		for _, m := range fr.matches {
			if _, seen := t.kinds[m.Kind]; !seen && m.Personal() {
				t.kinds[m.Kind] = m
			}
		}
		if fr.worldReadable {
			t.perms++
			t.permNames = appendName(t.permNames, name)
		}
	}
}

// appendName keeps the first three names for the evidence.
func appendName(names []string, name string) []string {
	if len(names) < 3 {
		return append(names, name)
	}
	return names
}

// files is "1 file" or "n files".
func files(n int) string {
	if n == 1 {
		return "1 file"
	}
	return fmt.Sprintf("%d files", n)
}

func nameList(n int, names []string) string {
	s := strings.Join(names, ", ")
	if n > len(names) {
		s += fmt.Sprintf(", +%d more", n-len(names))
	}
	return s
}

// report gives the folder verdict: encrypted (every non-empty file is), plaintext
// (none is), or mixed. Personal data in clear inside an otherwise encrypted folder
// (a vault with a stray copy) is danger.
func (t *tally) report(root string) reflex.Report {
	rep := reflex.NewReport(root, reflex.KindStore)
	content := t.files - t.empty
	switch {
	case content == 0:
		rep.Add(reflex.Finding{Code: reflex.StorePlaintext, Severity: reflex.Info,
			Evidence: fmt.Sprintf("plaintext: no content to protect (%s, all empty)", files(t.files))})
	case t.plain == 0 && t.encrypted > 0:
		rep.Add(reflex.Finding{Code: reflex.StoreEncrypted, Severity: reflex.OK,
			Evidence: fmt.Sprintf("encrypted: %d of %s: %s", t.encrypted, files(content), t.formatList())})
	case t.encrypted == 0 && t.plain > 0:
		rep.Add(reflex.Finding{Code: reflex.StorePlaintext, Severity: reflex.Info,
			Evidence: fmt.Sprintf("plaintext: %d of %s in clear", t.plain, files(content))})
	case t.plain > 0:
		rep.Add(reflex.Finding{Code: reflex.StorePlaintext, Severity: reflex.Caution,
			Evidence: fmt.Sprintf("mixed: %d of %s in clear: %s", t.plain, files(content), nameList(t.plain, t.plainNames))})
		rep.Add(reflex.Finding{Code: reflex.StoreEncrypted, Severity: reflex.OK,
			Evidence: fmt.Sprintf("mixed: %d of %s encrypted: %s", t.encrypted, files(content), t.formatList())})
	}
	if t.unreadable > 0 && len(rep.Findings) > 0 {
		// the verdict covers only what could be read: say so where it is given
		rep.Findings[0].Evidence += fmt.Sprintf(" (%s could not be read)", files(t.unreadable))
	}
	if t.random > 0 {
		rep.Add(reflex.Finding{Code: reflex.StoreUnknownRandom, Severity: reflex.Info,
			Evidence: fmt.Sprintf("%d of %s random-looking with no known format", t.random, files(content))})
	}
	if t.weak > 0 {
		rep.Add(reflex.Finding{Code: reflex.StoreWeakEncryption, Severity: reflex.Caution,
			Evidence: fmt.Sprintf("%s with weak encryption: %s", files(t.weak), nameList(t.weak, t.weakNames))})
	}
	if t.sensitive > 0 {
		sev := reflex.Caution
		where := ""
		if t.encrypted > 0 || t.vault != "" {
			sev, where = reflex.Danger, " inside an encrypted folder"
		}
		// pii.Kinds puts the kinds seen in the folder in its fixed order
		kinds := pii.Kinds(slices.Collect(maps.Values(t.kinds)))
		rep.Add(reflex.Finding{Code: reflex.StoreSensitive, Severity: sev,
			Evidence: fmt.Sprintf("%s with personal data in clear%s: %s", files(t.sensitive), where, nameList(t.sensitive, t.sensitiveNames)),
			Params:   map[string]string{"kinds": joinKinds(kinds)}})
	}
	if t.perms > 0 {
		rep.Add(reflex.Finding{Code: reflex.StorePermissions, Severity: reflex.Caution,
			Evidence: fmt.Sprintf("%s with personal data readable by every user: %s", files(t.perms), nameList(t.perms, t.permNames))})
	}
	return rep
}

func (t *tally) formatList() string {
	names := make([]string, 0, len(t.formats))
	for f := range t.formats {
		names = append(names, f)
	}
	slices.Sort(names)
	for i, f := range names {
		names[i] = fmt.Sprintf("%s %d", f, t.formats[f])
	}
	return strings.Join(names, ", ")
}
