package payee_test

import (
	"testing"

	"github.com/trustreflex/trustreflex/ibancheck/payee"
)

func BenchmarkMatchName(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		payee.MatchName("Minoterie du Rhône SAS", "MINOTERIE DU RONE")
	}
}
