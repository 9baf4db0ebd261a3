package docstore

import "bytes"

// contextWindow is how far back the scanner looks for a telling word: the label on
// the same line, or on the line before in a table.
const contextWindow = 80

// Words that say a number is not personal data (business identifiers, orders,
// parcels, meters, devices) or that it is. The closest word before the number wins.
var (
	negativeWords = []string{
		"siret", "siren", "imei", "commande", "cde", "pdl", "pce", "suivi", "colis", "ean",
		"gtin", "tracking", "order", "facture", "tva", "transaction", "ref", "reference",
		"dossier", "contrat", "serie", "serial", "isbn", "compteur", "ticket", "rcs", "naf",
		"ape", "lot", "article", "code-barre", "code barre", "barcode", "autorisation",
		"adherent", "abonne", "licence", "telephone", "tel",
	}
	positiveWords = []string{
		"securite sociale", "secu", "nir", "insee", "ss", "assure", "vitale", "iban", "rib",
		"carte", "cb", "visa", "mastercard", "paiement", "expire", "fiscal", "spi",
		"impot", "contribuable", "passeport", "identite",
	}
)

// contextBefore folds the text before b[start] to lower-case ASCII and finds the
// nearest telling word.
func contextBefore(b []byte, start int, _ PIIKind) Context {
	from := max(0, start-contextWindow)
	// stop at the second line break back: the label is on this line or the one before
	lines := 0
	for i := start - 1; i >= from; i-- {
		if b[i] == '\n' {
			lines++
			if lines == 2 {
				from = i + 1
				break
			}
		}
	}
	var buf [contextWindow + 8]byte
	w := foldASCII(buf[:0], b[from:start])
	best, ctx := -1, ContextNone
	find := func(words []string, c Context) {
		for _, word := range words {
			if i := lastWord(w, word); i >= 0 && i+len(word) > best {
				best, ctx = i+len(word), c
			}
		}
	}
	find(positiveWords, ContextPositive)
	find(negativeWords, ContextNegative)
	return ctx
}

// lastWord finds the last occurrence of word in w that starts at a word boundary.
func lastWord(w []byte, word string) int {
	for end := len(w); end > 0; {
		i := bytes.LastIndex(w[:end], []byte(word))
		if i < 0 {
			return -1
		}
		// short words must be whole words ("tel", not "telle"); longer ones may be
		// prefixes ("secu" in "securite", "impot" in "impots")
		if (i == 0 || !isAlnum(w[i-1])) && (len(word) > 3 || i+len(word) == len(w) || !isAlnum(w[i+len(word)])) {
			return i
		}
		end = i + len(word) - 1
	}
	return -1
}

// foldASCII appends src lower-cased, with the French accented letters folded to
// their base letter, "°" to "o", and other non-ASCII bytes to a space.
func foldASCII(dst, src []byte) []byte {
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c >= 'A' && c <= 'Z':
			dst = append(dst, c+32)
		case c < 0x80:
			dst = append(dst, c)
		case c == 0xc3 && i+1 < len(src):
			i++
			switch src[i] | 0x20 {
			case 0xa9, 0xa8, 0xaa, 0xab: // é è ê ë (É È Ê Ë fold to these too)
				dst = append(dst, 'e')
			case 0xa0, 0xa2, 0xa4:
				dst = append(dst, 'a')
			case 0xb4, 0xb6:
				dst = append(dst, 'o')
			case 0xa7:
				dst = append(dst, 'c')
			case 0xae, 0xaf:
				dst = append(dst, 'i')
			case 0xb9, 0xbb, 0xbc:
				dst = append(dst, 'u')
			default:
				dst = append(dst, ' ')
			}
		case c == 0xc2 && i+1 < len(src) && src[i+1] == 0xb0:
			i++
			dst = append(dst, 'o')
		default:
			dst = append(dst, ' ')
		}
	}
	return dst
}
