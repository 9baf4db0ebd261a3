package pii

// contextWindow is how far back the scanner looks for a telling word: the label on
// the same line, or on the line before in a table.
const contextWindow = 80

// Words that say a number is not personal data (business identifiers, orders,
// parcels, meters, devices) or that it is. The nearest telling word before the number
// wins. Words are compared folded (lower case, no accents); prefixes catch plurals
// and derived forms ("impots", "assuree", "commandes").
var contextWords = map[string]Context{
	// negative
	"siret": ContextNegative, "siren": ContextNegative, "imei": ContextNegative, "commande": ContextNegative,
	"cde": ContextNegative, "pdl": ContextNegative, "pce": ContextNegative, "suivi": ContextNegative,
	"colis": ContextNegative, "ean": ContextNegative, "gtin": ContextNegative, "tracking": ContextNegative,
	"order": ContextNegative, "facture": ContextNegative, "tva": ContextNegative, "transaction": ContextNegative,
	"ref": ContextNegative, "reference": ContextNegative, "dossier": ContextNegative, "contrat": ContextNegative,
	"serie": ContextNegative, "serial": ContextNegative, "isbn": ContextNegative, "compteur": ContextNegative,
	"ticket": ContextNegative, "rcs": ContextNegative, "naf": ContextNegative, "ape": ContextNegative,
	"lot": ContextNegative, "article": ContextNegative, "barre": ContextNegative, "barcode": ContextNegative,
	"autorisation": ContextNegative, "adherent": ContextNegative, "abonne": ContextNegative,
	"licence": ContextNegative, "telephone": ContextNegative, "tel": ContextNegative, "mobile": ContextNegative,
	// positive
	"securite": ContextPositive, "sociale": ContextPositive, "secu": ContextPositive, "nir": ContextPositive,
	"insee": ContextPositive, "ss": ContextPositive, "assure": ContextPositive, "vitale": ContextPositive,
	"iban": ContextPositive, "rib": ContextPositive, "carte": ContextPositive, "cb": ContextPositive,
	"visa": ContextPositive, "mastercard": ContextPositive, "paiement": ContextPositive, "expire": ContextPositive,
	"fiscal": ContextPositive, "spi": ContextPositive, "impot": ContextPositive, "contribuable": ContextPositive,
	"passeport": ContextPositive, "identite": ContextPositive,
}

// contextBefore folds the text before b[start] to lower-case ASCII and reads its
// words backwards: the first telling word decides.
func contextBefore(b []byte, start int, _ Kind) Context {
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
	// read the words backwards, folding each one only when it is reached: the telling
	// word is most often the last one
	for end := start; end > from; {
		for end > from && !wordByte(b[end-1]) {
			end--
		}
		begin := end
		for begin > from && wordByte(b[begin-1]) {
			begin--
		}
		if begin == end {
			break
		}
		var buf [2*contextWindow + 8]byte
		w := foldASCII(buf[:0], b[begin:end])
		// folding may split it further ("n°12" is "no12", "a€b" is "a b")
		for e := len(w); e > 0; {
			for e > 0 && !isAlnum(w[e-1]) {
				e--
			}
			s := e
			for s > 0 && isAlnum(w[s-1]) {
				s--
			}
			if c := wordContext(w[s:e]); c != ContextNone {
				return c
			}
			e = s
		}
		end = begin
	}
	return ContextNone
}

// wordByte reports whether c belongs to a word before folding: a letter or digit, or
// a byte of a UTF-8 sequence (accented letters, "°").
func wordByte(c byte) bool { return c >= 0x80 || isAlnum(c) }

// wordContext looks a folded word up, then its prefixes of 4 letters or more
// ("commandes" -> "commande", "assuree" -> "assure").
func wordContext(word []byte) Context {
	if len(word) == 0 || len(word) > 16 {
		return ContextNone
	}
	if c, ok := contextWords[string(word)]; ok {
		return c
	}
	for n := len(word) - 1; n >= 4 && n >= len(word)-3; n-- {
		if c, ok := contextWords[string(word[:n])]; ok {
			return c
		}
	}
	return ContextNone
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
