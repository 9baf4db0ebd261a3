package reflex

import (
	"strconv"
	"strings"
	"time"
)

// Dates, amounts, numbers and lists in the reader's language. The values come from
// checks in a language-neutral form (ISO dates, "4250.00 EUR", "3", "nir,iban"); a value
// that does not parse is shown as it is, through Printable.

// French typography: a narrow no-break space groups thousands, a no-break space sits
// between an amount and its currency sign.
const (
	nbsp       = "\u00a0"
	narrowNbsp = "\u202f"
)

// formatDate renders an ISO date ("2026-12-06") or an RFC 3339 time in lang:
// "6 décembre 2026", "6 December 2026".
func formatDate(v string, lang Lang) string {
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		if t, err = time.Parse(time.RFC3339Nano, v); err != nil {
			return Printable(v)
		}
	}
	month := texts[TextID("month."+strconv.Itoa(int(t.Month())))].in(lang)
	day := strconv.Itoa(t.Day())
	if lang == French && t.Day() == 1 {
		day = "1er"
	}
	return day + " " + month + " " + strconv.Itoa(t.Year())
}

// formatCountry names the country of an ISO 3166 code ("LT": Lituanie, Lithuania); a
// code without a name in the catalogue (a country added by a run-time IBAN registry)
// is shown as it is.
func formatCountry(v string, lang Lang) string {
	if p, ok := texts[TextID("country."+v)]; ok {
		return p.in(lang)
	}
	return Printable(v)
}

// formatAmount renders "4250.5 EUR" (currency optional, EUR by default) as
// "4 250,50 €" in French and "€4,250.50" in English.
func formatAmount(v string, lang Lang) string {
	num, cur, _ := strings.Cut(strings.TrimSpace(v), " ")
	if cur == "" {
		cur = "EUR"
	}
	whole, frac, _ := strings.Cut(num, ".")
	if !digits(strings.TrimPrefix(whole, "-")) || len(frac) > 2 || frac != "" && !digits(frac) || !isCurrency(cur) {
		return Printable(v)
	}
	frac = (frac + "00")[:2]
	if lang == French {
		s := formatNumber(whole, lang) + "," + frac
		if cur == "EUR" {
			return s + nbsp + "€"
		}
		return s + nbsp + cur
	}
	s := formatNumber(whole, lang) + "." + frac
	if cur == "EUR" {
		if neg, ok := strings.CutPrefix(s, "-"); ok {
			return "-€" + neg
		}
		return "€" + s
	}
	return cur + nbsp + s
}

// formatDecimal writes a decimal number ("1000.50") with the language's separators:
// "1 000,50", "1,000.50".
func formatDecimal(v string, lang Lang) string {
	whole, frac, hasFrac := strings.Cut(v, ".")
	if !digits(strings.TrimPrefix(whole, "-")) || hasFrac && !digits(frac) {
		return Printable(v)
	}
	s := formatNumber(whole, lang)
	if !hasFrac {
		return s
	}
	if lang == French {
		return s + "," + frac
	}
	return s + "." + frac
}

// formatNumber groups the digits of an integer by thousands: "4 250", "4,250".
func formatNumber(v string, lang Lang) string {
	sign, n := "", v
	if rest, ok := strings.CutPrefix(v, "-"); ok {
		sign, n = "-", rest
	}
	if !digits(n) {
		return Printable(v)
	}
	sep := ","
	if lang == French {
		sep = narrowNbsp
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range n {
		if i > 0 && (len(n)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

func digits(s string) bool {
	if s == "" || len(s) > 30 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isCurrency(s string) bool { return upperLetters(s, 3) }

// upperLetters reports whether s is n ASCII upper-case letters (an ISO 4217 currency,
// an ISO 3166 country).
func upperLetters(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

type pluralForm int

const (
	one pluralForm = iota
	other
)

// plural gives the CLDR plural category of an integer: French puts 0 and 1 in the
// singular ("0 fichier", "1 fichier"), English only 1.
func plural(v string, lang Lang) pluralForm {
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil {
		return other
	}
	if n == 1 || lang == French && n == 0 {
		return one
	}
	return other
}

// joinList writes "a, b et c" in French, "a, b and c" in English.
func joinList(words []string, lang Lang) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	and := texts["list.and"].in(lang)
	return strings.Join(words[:len(words)-1], ", ") + " " + and + " " + words[len(words)-1]
}

// PhoneNumber writes a French phone number given in national digits the way French
// people read it, in both languages: "0809401401" as "0 809 401 401" (a special number
// in 08), "0123456789" as "01 23 45 67 89", "3646" as "36 46", "118218" as "118 218".
// Anything else is shown through [Printable] as it is.
func PhoneNumber(national string) string {
	if !digits(national) {
		return Printable(national)
	}
	group := func(s string, sizes ...int) string {
		var b strings.Builder
		for _, n := range sizes {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[:n])
			s = s[n:]
		}
		return b.String()
	}
	switch n := len(national); {
	case n == 10 && strings.HasPrefix(national, "08"):
		return group(national, 1, 3, 3, 3)
	case n == 10:
		return group(national, 2, 2, 2, 2, 2)
	case n == 4:
		return group(national, 2, 2)
	case n == 6:
		return group(national, 3, 3)
	}
	return national
}
