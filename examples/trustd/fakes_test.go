package main

import (
	"bytes"
	"context"
	"io"

	"github.com/trustreflex/trustreflex/reflex"
)

// withFakes fills the checks that this build cannot make yet with stand-ins.
func withFakes(c checks) checks {
	if c.file == nil {
		c.file = func(_ context.Context, name string, r io.ReaderAt, size int64) (reflex.Report, error) {
			head := make([]byte, 21)
			n, _ := r.ReadAt(head, 0)
			if bytes.HasPrefix(head[:n], []byte("age-encryption.org/v1")) {
				return reflex.NewReport(name, reflex.KindFile, reflex.Finding{Code: reflex.StoreEncrypted, Severity: reflex.OK}), nil
			}
			return reflex.NewReport(name, reflex.KindFile, reflex.Finding{Code: reflex.StorePlaintext, Severity: reflex.Caution}), nil
		}
	}
	notOfficial := func(_ context.Context, subject string) (reflex.Report, error) {
		return reflex.NewReport(subject, reflex.KindURL, reflex.Finding{Code: reflex.URLNotOfficial, Severity: reflex.Info}), nil
	}
	if c.url == nil {
		c.url = reflex.CheckerFunc(notOfficial)
	}
	if c.urlFor == nil {
		c.urlFor = func(ctx context.Context, url, _ string) (reflex.Report, error) { return notOfficial(ctx, url) }
	}
	if c.payment == nil {
		c.payment = func(ctx context.Context, req paymentRequest) (reflex.Report, error) {
			r, err := c.iban.Check(ctx, req.Subject)
			r.Kind = reflex.KindPayment
			return r, err
		}
	}
	return c
}
