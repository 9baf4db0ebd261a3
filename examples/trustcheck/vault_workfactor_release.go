//go:build !trustchecktest

package main

// scryptWorkFactor 0 keeps age's default (2^18) for new vaults.
const scryptWorkFactor = 0
