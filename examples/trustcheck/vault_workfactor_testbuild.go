//go:build trustchecktest

package main

// scryptWorkFactor makes the end-to-end scripts fast (2^10); the release build keeps age's
// default.
const scryptWorkFactor = 10
