package reflex

import (
	"context"
	"errors"
	"io/fs"
	"os"
)

// TextError is an error that carries what a person reads about it: a text of the
// catalogue. [Problem] is one; a package's typed errors may be others.
type TextError interface {
	error
	Text() Text
}

// Problem is an error that a person may read: its text comes from the catalogue, in
// their language ([ErrorText]), while Error keeps the developer's English text and the
// wrapped cause stays available to errors.Is and errors.As.
//
// A package declares its person-facing sentinels as problems, and wraps them:
//
//	var ErrLocked = &reflex.Problem{ID: reflex.TextVaultLocked, Err: errors.New("vault: locked by another program")}
//	return fmt.Errorf("%s: %w", dir, ErrLocked)
//
// or gives the values of the text's placeholders for one occurrence:
//
//	return &reflex.Problem{ID: reflex.TextNoBook, Params: map[string]string{"path": p}, Err: ErrNoBook}
type Problem struct {
	ID     TextID
	Params map[string]string
	Err    error // the cause, for developers; may be nil
}

// Error returns the developer's text: the cause's, or the English text.
func (p *Problem) Error() string {
	if p.Err != nil {
		return p.Err.Error()
	}
	return Text{ID: p.ID, Params: p.Params}.In(English)
}

// Unwrap returns the cause.
func (p *Problem) Unwrap() error { return p.Err }

// Is reports whether target is a problem with the same text and no values of its own:
// a sentinel matches every occurrence of its text.
func (p *Problem) Is(target error) bool {
	t, ok := target.(*Problem)
	return ok && t.ID == p.ID && t.Params == nil
}

// Text returns the text the person reads.
func (p *Problem) Text() Text { return Text{ID: p.ID, Params: p.Params} }

// ErrorText returns what a person reads about err, in lang: the text of the first
// [TextError] (such as a [Problem]) in its chain; else a plain sentence for the errors every program meets (a
// missing file, a refused access, a cancelled or too long check); else a sentence
// saying that a technical error stopped the check. It never shows err.Error(), which is
// for developers (logs, a --debug flag).
func ErrorText(err error, lang Lang) string {
	return ErrorTextOf(err).In(lang)
}

// ErrorTextOf is [ErrorText] before rendering: the catalogue text and its values.
func ErrorTextOf(err error) Text {
	var te TextError
	if errors.As(err, &te) {
		return te.Text()
	}
	var path string
	var pe *fs.PathError
	if errors.As(err, &pe) {
		path = pe.Path
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		path = le.Old
	}
	switch {
	case errors.Is(err, context.Canceled):
		return Text{ID: TextCancelled}
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded):
		return Text{ID: TextTimeout}
	case errors.Is(err, fs.ErrNotExist):
		return NewText(TextNotFound, "path", path)
	case errors.Is(err, fs.ErrPermission):
		return NewText(TextPermission, "path", path)
	case errors.Is(err, fs.ErrExist):
		return NewText(TextExists, "path", path)
	case path != "":
		return NewText(TextUnreadable, "path", path)
	}
	return Text{ID: TextInternal}
}
