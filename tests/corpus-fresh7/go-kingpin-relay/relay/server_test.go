package relay

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

func TestServerDeliversFrames(t *testing.T) {
	var delivered atomic.Int32
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		delivered.Add(1)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer upstream.Close()

	spool, err := OpenSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	srv := &Server{
		Key:       testKey,
		Spool:     spool,
		Forwarder: NewForwarder(ForwarderOptions{URL: upstream.URL, Timeout: time.Second}, 0),
		Workers:   2,
		Log:       slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if err := WriteFrame(conn, testKey, Frame{Topic: "orders", Payload: []byte("x")}); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()

	deadline := time.Now().Add(2 * time.Second)
	for delivered.Load() < 3 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Serve returned %v", err)
	}
	if got := delivered.Load(); got != 3 {
		t.Fatalf("delivered %d frames, want 3", got)
	}
}
