package pain001

import (
	"strconv"

	"github.com/trustreflex/trustreflex/reflex"
)

// Text is what a person reads about the error: the file is not valid, at this line.
// The element path and the cause stay in Error, for developers.
func (e *Error) Text() reflex.Text {
	t := reflex.Text{ID: reflex.TextInvalidPaymentFile}
	if e.Line > 0 {
		t.Params = map[string]string{"line": strconv.Itoa(e.Line)}
	}
	return t
}
