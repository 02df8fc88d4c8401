package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

const testToken = "unit-test-token"

func newTestClient(t *testing.T, mux *http.ServeMux) (*Client, *int32) {
	t.Helper()
	var exchanges int32
	mux.HandleFunc("/v2/auth/session", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+testToken {
			http.Error(w, `{"code":"unauthorized"}`, http.StatusUnauthorized)
			return
		}
		atomic.AddInt32(&exchanges, 1)
		json.NewEncoder(w).Encode(session{Token: "sess-1", ExpiresAt: time.Now().Add(time.Hour)})
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	sessionCachePath = filepath.Join(t.TempDir(), "session.json")
	c, err := New(Options{Endpoint: srv.URL, APIToken: testToken, UserAgent: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return c, &exchanges
}

func mustDecode(t *testing.T, r *http.Request, v interface{}) {
	t.Helper()
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		t.Errorf("decoding request body: %v", err)
	}
}

func TestCreateMonitor(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/v2/monitors", func(w http.ResponseWriter, r *http.Request) {
		var m Monitor
		mustDecode(t, r, &m)
		m.ID = "mon-1"
		m.Status = "pending"
		json.NewEncoder(w).Encode(m)
	})
	c, _ := newTestClient(t, mux)
	c.CreateMonitor(context.Background(), Monitor{Name: "api", Type: "http", Target: "https://api.example"}, "team-7")
}

func TestSessionTokenIsReused(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/v2/monitors/", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer sess-1" {
			t.Errorf("monitor call sent %q", r.Header.Get("Authorization"))
		}
		json.NewEncoder(w).Encode(Monitor{ID: "mon-1", Status: "active"})
	})
	c, exchanges := newTestClient(t, mux)
	for i := 0; i < 3; i++ {
		if _, err := c.GetMonitor(context.Background(), "mon-1"); err != nil {
			t.Fatal(err)
		}
	}
	if got := atomic.LoadInt32(exchanges); got != 1 {
		t.Fatalf("token exchanged %d times, want 1", got)
	}
}

func TestNotFound(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/v2/monitors/", http.NotFound)
	c, _ := newTestClient(t, mux)
	if _, err := c.GetMonitor(context.Background(), "missing"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

func TestAPIErrorCarriesCode(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/v2/monitors", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnprocessableEntity)
		w.Write([]byte(`{"code":"invalid_target","message":"target must be a URL"}`))
	})
	c, _ := newTestClient(t, mux)
	_, err := c.CreateMonitor(context.Background(), Monitor{Name: "x", Type: "http", Target: "nope"}, "")
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "invalid_target" {
		t.Fatalf("err = %v, want APIError invalid_target", err)
	}
}
