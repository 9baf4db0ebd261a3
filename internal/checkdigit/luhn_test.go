package checkdigit

import "testing"

func TestLuhn(t *testing.T) {
	for _, tc := range []struct {
		digits string
		want   bool
	}{
		{"4970101234567899", false},
		{"4111111111111111", true},  // the classic Visa test number
		{"5555555555554444", true},  // Mastercard test number
		{"79927398713", true},       // the Wikipedia example
		{"79927398710", false},      // same, wrong check digit
		{"73282932000074", true},    // a SIRET: Luhn-valid and not a card
		{"490154203237518", true},   // an IMEI: Luhn-valid and not a card
		{"1234567812345678", false}, // transposition-free typo
		{"0", true},
		{"", true},
	} {
		if got := Luhn([]byte(tc.digits)); got != tc.want {
			t.Errorf("Luhn(%q) = %v, want %v", tc.digits, got, tc.want)
		}
	}
}

func TestLuhnDoesNotAllocate(t *testing.T) {
	d := []byte("4111111111111111")
	if n := testing.AllocsPerRun(100, func() { Luhn(d) }); n != 0 {
		t.Fatalf("Luhn allocates %v times", n)
	}
}
