package pain001

import (
	"fmt"
	"io"
)

// Bounds of the markup, checked on the bytes before the XML decoder sees them, so that
// its memory stays bounded whatever the file: encoding/xml builds every attribute, name
// and text run of a token in memory before returning it. A real pain.001 has at most a
// few attributes per element (namespaces, schemaLocation, Ccy), names of a few dozen
// bytes and values of at most 2048; these bounds are far above, and far below what
// could exhaust memory within the size limit.
const (
	maxAttrs  = 32       // attributes of one element
	maxMarkup = 8 << 10  // bytes of one tag, comment, processing instruction or declaration
	maxText   = 64 << 10 // bytes of text (or CDATA) between two tags
)

// markupGuard passes bytes through and fails as soon as the markup exceeds a bound:
// too many attributes in a tag, a tag (or comment, ...) or a text run too long. Its
// errors wrap ErrInvalid. It follows quotes in tags, comments, CDATA sections and
// processing instructions well enough to count; the decoder still judges the syntax.
type markupGuard struct {
	r     io.Reader
	state guardState
	n     int     // bytes in the current tag or text run
	attrs int     // '=' outside quotes in the current tag
	quote byte    // the quote a tag's attribute value is in, or 0
	head  [9]byte // first bytes of the current tag, to tell a comment or CDATA
	last  [2]byte // the two bytes before, to find "-->", "]]>" and "?>"
	err   error
}

type guardState int

const (
	inText guardState = iota
	inTag
	inComment
	inCDATA
	inPI
)

func (g *markupGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	for i := 0; i < n; i++ {
		if g.err = g.step(p[i]); g.err != nil {
			return i, g.err
		}
	}
	return n, err
}

func (g *markupGuard) step(c byte) error {
	g.n++
	switch g.state {
	case inText:
		if c == '<' {
			g.state, g.n, g.attrs, g.quote, g.head = inTag, 0, 0, 0, [9]byte{}
			return nil
		}
		if g.n > maxText {
			return fmt.Errorf("%w: text longer than %d bytes", ErrInvalid, maxText)
		}
	case inTag:
		if g.n <= len(g.head) {
			g.head[g.n-1] = c
			switch string(g.head[:g.n]) {
			case "!--":
				g.state = inComment
			case "![CDATA[":
				g.state = inCDATA
			case "?":
				g.state = inPI
			}
		}
		switch {
		case g.quote != 0:
			if c == g.quote {
				g.quote = 0
			}
		case c == '"' || c == '\'':
			g.quote = c
		case c == '=':
			if g.attrs++; g.attrs > maxAttrs {
				return fmt.Errorf("%w: an element with more than %d attributes", ErrInvalid, maxAttrs)
			}
		case c == '>':
			g.state, g.n = inText, 0
		}
		if g.n > maxMarkup {
			return fmt.Errorf("%w: a tag longer than %d bytes", ErrInvalid, maxMarkup)
		}
	case inComment, inPI:
		if c == '>' && (g.state == inComment && g.last == [2]byte{'-', '-'} || g.state == inPI && g.last[1] == '?') {
			g.state, g.n = inText, 0
		} else if g.n > maxMarkup {
			return fmt.Errorf("%w: a comment or instruction longer than %d bytes", ErrInvalid, maxMarkup)
		}
	case inCDATA:
		if c == '>' && g.last == [2]byte{']', ']'} {
			g.state, g.n = inText, 0
		} else if g.n > maxText {
			return fmt.Errorf("%w: text longer than %d bytes", ErrInvalid, maxText)
		}
	}
	g.last = [2]byte{g.last[1], c}
	return nil
}
