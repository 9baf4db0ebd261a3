package pain001

import (
	"errors"
	"strconv"

	"github.com/trustreflex/trustreflex/reflex"
)

// Text is what a person reads about the error: the file is too large or not a
// transfer order when the cause says so, else not valid, at this line. The element
// path and the cause stay in Error, for developers.
func (e *Error) Text() reflex.Text {
	var cause reflex.TextError
	if errors.As(e.Err, &cause) {
		return cause.Text()
	}
	t := reflex.Text{ID: reflex.TextInvalidPaymentFile}
	if errors.Is(e.Err, ErrDuplicate) {
		return reflex.NewText(reflex.TextPaymentFileDuplicate, "line", strconv.Itoa(e.Line), "element", e.Element)
	}
	if e.Line > 0 {
		t.Params = map[string]string{"line": strconv.Itoa(e.Line)}
	}
	return t
}
