package pain001_test

import (
	"bytes"
	"context"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/trustreflex/trustreflex/ibancheck/pain001"
)

// hostile builds inputs just under the size limit that aim at the parser's memory: the
// 2.6 GB case of millions of empty attributes, elements at the attribute bound, deep
// nesting, long names, long text, and the most transfers that fit.
func hostile(limit int) map[string]func() []byte {
	fill := func(head, unit, tail string) func() []byte {
		return func() []byte { return fillTo(limit, head, unit, tail) }
	}
	attrs32 := "<X"
	for i := range 32 {
		attrs32 += " a" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + `=""`
	}
	attrs32 += "/>"
	head := `<?xml version="1.0"?><Document` + ns03 + `><CstmrCdtTrfInitn><GrpHdr><MsgId>M</MsgId><NbOfTxs>1</NbOfTxs></GrpHdr>`
	tail := `</CstmrCdtTrfInitn></Document>`
	pmt := `<PmtInf><PmtInfId>P</PmtInfId><PmtMtd>TRF</PmtMtd>`
	minimalTx := `<CdtTrfTxInf><Amt><InstdAmt Ccy="EUR">1</InstdAmt></Amt><CdtrAcct><Id><IBAN>` + ibanFR + `</IBAN></Id></CdtrAcct></CdtTrfTxInf>`
	return map[string]func() []byte{
		"millions of empty attributes": fill(`<Document`, ` a=""`, `/>`),
		"elements of 32 attributes":    fill(head+pmt, attrs32, `</PmtInf>`+tail),
		"long names":                   fill(head+pmt, "<"+strings.Repeat("N", 8000)+"/>", `</PmtInf>`+tail),
		"deep nesting, repeated":       fill(head+pmt, strings.Repeat("<D>", 28)+strings.Repeat("</D>", 28), `</PmtInf>`+tail),
		"long text runs":               fill(head+pmt+"<T>", strings.Repeat(" ", 60000)+"<x/>", `</T></PmtInf>`+tail),
		"comments":                     fill(head, "<!--"+strings.Repeat("c", 8000)+"-->", tail),
		"most transfers":               fill(head+pmt, minimalTx, `</PmtInf>`+tail),
		"most transfers, long values": fill(head+pmt, strings.Replace(minimalTx, "</CdtrAcct>",
			"</CdtrAcct><RmtInf><Ustrd>"+strings.Repeat("R", 2000)+"</Ustrd></RmtInf>", 1), `</PmtInf>`+tail),
	}
}

// fillTo is head, as many units as fit, and tail, within limit bytes.
func fillTo(limit int, head, unit, tail string) []byte {
	var b bytes.Buffer
	b.Grow(limit)
	b.WriteString(head)
	for b.Len()+len(unit)+len(tail) <= limit {
		b.WriteString(unit)
	}
	b.WriteString(tail)
	return b.Bytes()
}

// peakHeap runs fn while sampling the live heap, and returns the highest value seen.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	})
	fn()
	close(stop)
	wg.Wait()
	return peak.Load()
}

// TestParseMemoryBounded: for every hostile input just under DefaultMaxBytes, Parse
// (and the Audit of what it accepts) keeps the heap under 256 MB, the input included.
func TestParseMemoryBounded(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("builds 64 MB inputs; heap figures are off under the race detector")
	}
	const budget = 256 << 20
	cases := hostile(pain001.DefaultMaxBytes)
	cases["100 000 transfers"] = func() []byte {
		return []byte(doc(ns03, "1", "", pmtInf("", strings.Repeat(tx("1", ibanFR), pain001.DefaultMaxTransfers))))
	}
	for name, build := range cases {
		t.Run(name, func(t *testing.T) {
			data := build()
			var err error
			var transfers int
			peak := peakHeap(func() {
				var d *pain001.Document
				d, err = pain001.Parse(bytes.NewReader(data))
				if err == nil {
					for _, pi := range d.Payments {
						transfers += len(pi.Transfers)
					}
					_, err = pain001.Audit(context.Background(), d, nil)
				}
			})
			t.Logf("%s: %d MB input, peak heap %d MB, %d transfers, err: %v", name, len(data)>>20, peak>>20, transfers, err)
			if peak > budget {
				t.Errorf("peak heap %d MB, over %d MB", peak>>20, budget>>20)
			}
		})
	}
}
