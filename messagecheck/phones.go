package messagecheck

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Phone is a French phone number found in a message, in national digits ("0899123456",
// "3646", "118218"), whatever the way it was written ("+33 8 99 12 34 56", "08.99.12.34.56",
// "36 46").
type Phone struct {
	Number string
	Start  int // byte offsets of the number as written
	End    int
}

// MaxPhones bounds the phone numbers read in one message.
const MaxPhones = 16

// extractPhones finds the French phone numbers of text outside the spans of links and
// IBANs: ten digits from 0[1-9] (or +33 / 0033 then nine), 118 XYZ, and four-digit
// short numbers 3BPQ after a word that asks to call ("appelez le 3646"). Digits may be
// grouped by one space, dot or hyphen. A run of digits glued to letters, or longer than
// a number, is no phone number.
func extractPhones(text string, skip func(start, end int) bool) []Phone {
	var out []Phone
	for i := 0; i < len(text) && len(out) < MaxPhones; {
		c := text[i]
		if !(c >= '0' && c <= '9' || c == '+') || wordBefore(text, i) {
			i++
			continue
		}
		var buf [20]byte
		digits := buf[:0]
		j := i
		if c == '+' {
			j++
		}
		for j < len(text) && len(digits) < len(buf) {
			switch d := text[j]; {
			case d >= '0' && d <= '9':
				digits = append(digits, d)
				j++
				continue
			case (d == ' ' || d == '.' || d == '-') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' && len(digits) > 0:
				j++
				continue
			case d == 0xc2 && j+2 < len(text) && text[j+1] == 0xa0 && text[j+2] >= '0' && text[j+2] <= '9': // no-break space
				j += 2
				continue
			}
			break
		}
		end := j
		if wordAt(text, end) || end+1 < len(text) && (text[end] == ',' || text[end] == '.') && text[end+1] >= '0' && text[end+1] <= '9' {
			i = end + 1 // glued to letters, or an amount ("1,99")
			continue
		}
		if n, ok := national(string(digits), c == '+'); ok && !skip(i, end) && (len(n) != 4 || callWordBefore(text, i)) {
			out = append(out, Phone{Number: n, Start: i, End: end})
		}
		i = end + 1
	}
	return out
}

// national turns the digits of a number into national digits, or reports that they
// are no French phone number.
func national(d string, plus bool) (string, bool) {
	switch {
	case plus && strings.HasPrefix(d, "33") && len(d) == 11 && d[2] != '0':
		return "0" + d[2:], true
	case plus && strings.HasPrefix(d, "330") && len(d) == 12: // +33 (0)1 ...
		return d[2:], true
	case plus:
		return "", false
	case strings.HasPrefix(d, "0033") && len(d) == 13 && d[4] != '0':
		return "0" + d[4:], true
	case len(d) == 10 && d[0] == '0' && d[1] != '0':
		return d, true
	case len(d) == 6 && strings.HasPrefix(d, "118"):
		return d, true
	case len(d) == 4 && d[0] == '3':
		return d, true
	}
	return "", false
}

// callWords ask to call: a short number after one of them is a phone number, not a year
// or a count.
var callWords = []string{"appel", "compos", "contact", "joign", "rappel", "tel", "tél", "numero", "numéro", "call", "dial", "phone"}

// callWordBefore reports whether a word that asks to call ends at most two words before i.
func callWordBefore(text string, i int) bool {
	before := strings.ToLower(text[max(0, i-40):i])
	fields := strings.Fields(before)
	if i >= 40 && len(fields) > 0 {
		fields = fields[1:] // the first may be cut
	}
	for k := len(fields) - 1; k >= 0 && k >= len(fields)-3; k-- {
		w := strings.Trim(fields[k], ".,:;!?()«»\"'")
		for _, c := range callWords {
			if w == c || len(c) > 3 && strings.HasPrefix(w, c) {
				return true
			}
		}
	}
	return false
}

// wordBefore and wordAt report whether a letter or a digit ends before i, or starts at
// i: such a character glues to a number ("FR76", "3V", "n°12a").
func wordBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func wordAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return i < len(text) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
