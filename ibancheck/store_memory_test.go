package ibancheck_test

import (
	"testing"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/storetest"
)

func TestMemoryStoreConformance(t *testing.T) {
	storetest.Run(t, storetest.Harness{
		Open: func(t *testing.T) ibancheck.Store { return ibancheck.NewMemoryStore() },
	})
}
