//go:build !trustchecktest

package main

// testCommands is empty in the real CLI; see commands_testbuild.go.
func testCommands() []command { return nil }
