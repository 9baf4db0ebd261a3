// Package lookalike holds the string tools of urlcheck's lookalike signals: what single
// edit turns one name into another (and whether it is the kind typosquatters make),
// keyboard neighbours on AZERTY and QWERTY, homoglyph folding and confusable skeletons,
// and a word segmenter that finds brand names at word boundaries inside glued labels.
package lookalike

// Edit names the single change that turns a target name into a candidate.
type Edit uint8

const (
	None          Edit = iota // more than one edit apart
	Same                      // identical
	Omission                  // one character left out: amel.fr
	Addition                  // one character added: amelix.fr
	Repetition                // a character doubled: ammeli.fr
	Replacement               // one character replaced by an unrelated one
	Keyboard                  // replaced or added by a neighbouring key (AZERTY or QWERTY)
	VowelSwap                 // a vowel replaced by another: amoli.fr
	BitFlip                   // one bit of one byte flipped: amelh.fr
	Homoglyph                 // a look-alike character: ame1i.fr, arneli.fr
	Transposition             // two adjacent characters swapped: maeli.fr
	Hyphenation               // a hyphen added, or a dot turned into a hyphen: am-eli.fr, ants-gouv.fr
	DotAdded                  // a dot added: am.eli.fr
	DotRemoved                // a dot or hyphen left out: antsgouv.fr
)

var editNames = [...]string{"none", "same", "omission", "addition", "repetition", "replacement", "keyboard",
	"vowel-swap", "bit-flip", "homoglyph", "transposition", "hyphenation", "dot-added", "dot-removed"}

func (e Edit) String() string {
	if int(e) < len(editNames) {
		return editNames[e]
	}
	return "edit?"
}

// Deliberate reports whether the edit is typical of a registered lookalike rather than
// of an ordinary word that happens to be one letter away (cafe is one addition from caf;
// ccaf, cqf and acf are not words anyone picks by chance).
func (e Edit) Deliberate() bool {
	switch e {
	case Repetition, Keyboard, VowelSwap, BitFlip, Homoglyph, Transposition, Hyphenation, DotAdded, DotRemoved:
		return true
	}
	return false
}

// Classify says which single edit turns target into cand, or None. Both are ASCII,
// lower-case. It runs in linear time and does not allocate.
func Classify(cand, target string) Edit {
	// one edit leaves the first or the last character in place, once both names have
	// three or more: most pairs part here
	if len(cand) >= 3 && len(target) >= 3 && cand[0] != target[0] && cand[len(cand)-1] != target[len(target)-1] {
		return None
	}
	return classify(cand, target)
}

func classify(cand, target string) Edit {
	switch len(cand) - len(target) {
	case 0:
		return sameLength(cand, target)
	case 1:
		return addition(cand, target)
	case -1:
		return omission(cand, target)
	}
	return None
}

func sameLength(cand, target string) Edit {
	i := 0
	for i < len(cand) && cand[i] == target[i] {
		i++
	}
	if i == len(cand) {
		return Same
	}
	if i+1 < len(cand) && cand[i] == target[i+1] && cand[i+1] == target[i] && cand[i+2:] == target[i+2:] {
		return Transposition
	}
	if cand[i+1:] != target[i+1:] {
		return None
	}
	c, t := cand[i], target[i]
	switch {
	case t == '.' && c == '-':
		return Hyphenation
	case homoglyphPair(c, t):
		return Homoglyph
	case isVowel(c) && isVowel(t):
		return VowelSwap
	case Neighbours(c, t):
		return Keyboard
	case bitFlip(c, t):
		return BitFlip
	}
	return Replacement
}

func addition(cand, target string) Edit {
	i := 0
	for i < len(target) && cand[i] == target[i] {
		i++
	}
	if cand[i+1:] != target[i:] {
		return None
	}
	c := cand[i]
	switch {
	case c == '-':
		return Hyphenation
	case c == '.':
		return DotAdded
	case i > 0 && cand[i-1] == c || i+1 < len(cand) && cand[i+1] == c:
		return Repetition
	case i > 0 && i+1 < len(cand) && (Neighbours(c, cand[i-1]) || Neighbours(c, cand[i+1])):
		return Keyboard // inside the name: at either end it makes a prefix or suffix (s+antai)
	}
	return Addition
}

func omission(cand, target string) Edit {
	i := 0
	for i < len(cand) && cand[i] == target[i] {
		i++
	}
	if cand[i:] != target[i+1:] {
		return None
	}
	switch target[i] {
	case '.', '-':
		return DotRemoved
	}
	return Omission
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func bitFlip(a, b byte) bool {
	x := a ^ b
	return x != 0 && x&(x-1) == 0
}

// homoglyphPair: single ASCII characters read as one another in most fonts.
func homoglyphPair(a, b byte) bool {
	if a > b {
		a, b = b, a
	}
	switch [2]byte{a, b} {
	case [2]byte{'0', 'o'}, [2]byte{'1', 'l'}, [2]byte{'1', 'i'}, [2]byte{'i', 'l'}, [2]byte{'i', 'j'},
		[2]byte{'5', 's'}, [2]byte{'3', 'e'}, [2]byte{'4', 'a'}, [2]byte{'g', 'q'}, [2]byte{'u', 'v'}, [2]byte{'8', 'b'}, [2]byte{'6', 'b'}:
		return true
	}
	return false
}
