package lookalike

// Keyboard rows, with the usual half-key stagger between rows. French users type on
// AZERTY; many phones and generated lists use QWERTY: a neighbour on either counts.
var layouts = [...][4]string{
	{"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"}, // QWERTY
	{"1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"}, // AZERTY (digits on the shifted row)
}

// neighbours[a] is the set of keys next to a, as a bit set over keyIndex.
var neighbours = buildNeighbours()

func keyIndex(c byte) int { return Key(c) }

// Key is the index of c among the bytes that dictionary words and keyboards know: a to
// z (0 to 25), then 0 to 9 (26 to 35), or -1 for any other byte.
func Key(c byte) int {
	switch {
	case c >= 'a' && c <= 'z':
		return int(c - 'a')
	case c >= '0' && c <= '9':
		return 26 + int(c-'0')
	}
	return -1
}

func buildNeighbours() [36]uint64 {
	var n [36]uint64
	link := func(a, b byte) {
		i, j := keyIndex(a), keyIndex(b)
		n[i] |= 1 << j
		n[j] |= 1 << i
	}
	for _, rows := range layouts {
		for r, row := range rows {
			for i := 0; i < len(row); i++ {
				if i+1 < len(row) {
					link(row[i], row[i+1])
				}
				if r+1 < len(rows) {
					below := rows[r+1]
					for _, k := range []int{i - 1, i} {
						if k >= 0 && k < len(below) {
							link(row[i], below[k])
						}
					}
				}
			}
		}
	}
	return n
}

// Neighbours reports whether a and b are next to each other on an AZERTY or QWERTY keyboard.
func Neighbours(a, b byte) bool {
	i, j := keyIndex(a), keyIndex(b)
	if i < 0 || j < 0 {
		return false
	}
	return neighbours[i]&(1<<j) != 0
}
