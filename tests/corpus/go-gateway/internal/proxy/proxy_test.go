package proxy

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func expectStatus(t *testing.T, got, want int) {
	t.Helper()
	if got != want {
		t.Fatalf("status = %d, want %d", got, want)
	}
}

func TestForwardReturnsUpstreamStatus(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) }))
	defer up.Close()
	_, status, err := New(up.URL).Forward(context.Background(), http.MethodGet, "/", nil)
	if err != nil {
		t.Fatal(err)
	}
	expectStatus(t, status, http.StatusTeapot)
}

func TestServeHTTPCopiesBody(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("pong")) }))
	defer up.Close()
	rec := httptest.NewRecorder()
	New(up.URL).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/ping", strings.NewReader("")))
}
