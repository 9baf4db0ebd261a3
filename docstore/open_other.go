//go:build !unix

package docstore

// noFollow is not needed where the walk meets no links that an open would follow.
const noFollow = 0
