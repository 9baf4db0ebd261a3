package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/reflex"
)

// slowUpload starts an upload of size bytes that sends 1 KB every interval, and returns
// the status the server answers (0 if it closed the connection without one).
func slowUpload(t *testing.T, addr string, size int, interval time.Duration) <-chan int {
	t.Helper()
	status := make(chan int, 1)
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	go func() {
		defer conn.Close()
		fmt.Fprintf(conn, "POST /v1/check/file?name=x.bin HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: %d\r\n\r\n", size)
		go func() {
			for sent := 0; sent < size; sent += 1024 {
				if _, err := conn.Write(bytes.Repeat([]byte("a"), 1024)); err != nil {
					return
				}
				time.Sleep(interval)
			}
		}()
		_ = conn.SetReadDeadline(time.Now().Add(20 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			status <- 0
			return
		}
		_ = resp.Body.Close()
		status <- resp.StatusCode
	}()
	return status
}

// upload sends a file at full speed, following Retry-After, and returns the final
// status and how many 503 answers came first.
func upload(t *testing.T, base string, body []byte) (int, int) {
	t.Helper()
	busy := 0
	for range 20 {
		resp, err := http.Post(base+"/v1/check/file?name=doc.pdf", "application/octet-stream", bytes.NewReader(body))
		require.NoError(t, err)
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable {
			return resp.StatusCode, busy
		}
		busy++
		require.NotEmpty(t, resp.Header.Get("Retry-After"))
		time.Sleep(200 * time.Millisecond)
	}
	return 0, busy
}

// TestSlowUploadsCannotHoldTheSlots replays the attack of issue 16: clients sending
// 1 KB/s take every upload slot. They are cut once below the minimum rate, with 408,
// and a normal upload gets its answer within seconds, not a minute.
func TestSlowUploadsCannotHoldTheSlots(t *testing.T) {
	s := newTestServerWith(t, options{demo: true}, func(c *config) {
		c.publicChecks = true
		c.maxUploads, c.uploadWait, c.uploadGrace, c.uploadMinRate = 2, 200*time.Millisecond, 500*time.Millisecond, 32<<10
	})
	ts := httptest.NewServer(s)
	defer ts.Close()
	addr := strings.TrimPrefix(ts.URL, "http://")
	var slow []<-chan int
	for range 4 {
		slow = append(slow, slowUpload(t, addr, 1<<20, time.Second))
	}
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	code, busy := upload(t, ts.URL, append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("x"), 200<<10)...))
	assert.Equal(t, http.StatusOK, code)
	assert.Less(t, time.Since(start), 5*time.Second, "a normal upload is served in seconds (%d busy answers first)", busy)
	cut := 0
	for _, st := range slow {
		if <-st == http.StatusRequestTimeout {
			cut++
		}
	}
	assert.GreaterOrEqual(t, cut, 2, "the slow uploads that held a slot were cut with 408")
	fams, _ := scrape(t, &testServer{server: s.server})
	assert.GreaterOrEqual(t, value(t, fams, "trustd_upload_rejected_total", "reason", "slow"), 2.0)
	assert.Equal(t, 0.0, value(t, fams, "trustd_upload_slots_in_use"))
}

// TestUploadsBusyAnswer503: when every slot is taken, an upload waits uploadWait, then
// gets 503 with Retry-After, in its language; it never queues without limit.
func TestUploadsBusyAnswer503(t *testing.T) {
	s := newTestServerWith(t, options{demo: true}, func(c *config) {
		c.publicChecks, c.maxUploads, c.uploadWait = true, 1, 100*time.Millisecond
	})
	entered, release := make(chan struct{}), make(chan struct{})
	s.checks.file = func(ctx context.Context, name string, r io.ReaderAt, size int64) (reflex.Report, error) {
		close(entered)
		<-release
		return reflex.NewReport(name, reflex.KindFile), nil
	}
	s.routes = newServer(s.cfg, s.checks, s.logger).routes
	s.uploads = make(chan struct{}, 1)
	ts := httptest.NewServer(s)
	defer ts.Close()
	first := make(chan int, 1)
	go func() {
		resp, err := http.Post(ts.URL+"/v1/check/file", "application/octet-stream", strings.NewReader("hello"))
		if err == nil {
			_ = resp.Body.Close()
			first <- resp.StatusCode
		}
	}()
	<-entered
	req, _ := http.NewRequest("POST", ts.URL+"/v1/check/file?lang=en", strings.NewReader("world"))
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	assert.NotEmpty(t, resp.Header.Get("Retry-After"))
	assert.JSONEq(t, `{"error":"Too many files are being analysed. Try again in a few seconds."}`, string(body))
	assert.Less(t, time.Since(start), 2*time.Second)
	close(release)
	assert.Equal(t, http.StatusOK, <-first)
}
