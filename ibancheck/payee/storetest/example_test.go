package storetest_test

import (
	"testing"

	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/ibancheck/payee/storetest"
)

// The conformance test of a store, in its package's tests. (Run needs the *testing.T of
// a test, so this example is compiled, not run: payee's TestMemoryStoreConformance runs
// the same.)
func ExampleRun() {
	var t *testing.T // the test's
	storetest.Run(t, storetest.Harness{
		Open: func(t *testing.T) payee.Store { return payee.NewMemoryStore() },
	})
}
