package pii

// Option configures [Scan] and [ScanBytes].
type Option func(*config)

type config struct {
	rejected bool
	maxBytes int64
	kinds    map[Kind]bool
}

func newConfig(opts []Option) config {
	var c config
	for _, o := range opts {
		o(&c)
	}
	return c
}

// WithRejected also reports near misses: numbers whose check digits are wrong
// ([ChecksumInvalid]) and checksum-valid numbers with a negative context
// ([ContextNegative]). By default [Scan] reports only [Match.Personal] matches.
func WithRejected() Option { return func(c *config) { c.rejected = true } }

// WithMaxBytes stops the scan after n bytes of input. By default there is no limit:
// [Scan] reads to the end of its reader, in bounded memory.
func WithMaxBytes(n int64) Option { return func(c *config) { c.maxBytes = n } }

// WithKinds restricts the scan to these kinds ([NIR], [IBAN], ...).
func WithKinds(kinds ...Kind) Option {
	return func(c *config) {
		c.kinds = map[Kind]bool{}
		for _, k := range kinds {
			c.kinds[k] = true
		}
	}
}

func (c *config) wants(m Match) bool {
	if c.kinds != nil && !c.kinds[m.Kind] {
		return false
	}
	return c.rejected || m.Personal()
}
