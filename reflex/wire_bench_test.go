package reflex

import "testing"

// BenchmarkWire is what an HTTP answer costs in reflex: the wire form of a lookalike
// report, rendered in French, then written as JSON.
func BenchmarkWire(b *testing.B) {
	r := wireSamples()[0]
	b.ReportAllocs()
	for b.Loop() {
		w := r.Wire(French)
		if _, err := w.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAppendWire is the same answer written straight into a reused buffer, as
// trustd does.
func BenchmarkAppendWire(b *testing.B) {
	r := wireSamples()[0]
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	for b.Loop() {
		buf = r.AppendWire(buf[:0], French)
	}
}
