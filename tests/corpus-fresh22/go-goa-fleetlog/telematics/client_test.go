package telematics

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestResetServiceReminderSendsBearerToken(t *testing.T) {
	var gotAuth string
	var body map[string]any
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotAuth = r.Header.Get("Authorization")
		_ = json.NewDecoder(r.Body).Decode(&body)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()

	c := New(srv.URL, "tm-test-token", slog.New(slog.NewTextHandler(io.Discard, nil)))
	c.http = &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}}

	if err := c.ResetServiceReminder(context.Background(), "NW-1042", 60_000); err != nil {
		t.Fatalf("reset: %v", err)
	}
	if gotAuth != "Bearer tm-test-token" {
		t.Errorf("Authorization = %q", gotAuth)
	}
	if body["vehicle"] != "NW-1042" {
		t.Errorf("vehicle = %v", body["vehicle"])
	}
}

func TestResetServiceReminderReportsHTTPErrors(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "nope", http.StatusBadGateway)
	}))
	defer srv.Close()

	c := New(srv.URL, "t", slog.New(slog.NewTextHandler(io.Discard, nil)))
	c.http = srv.Client()
	if err := c.ResetServiceReminder(context.Background(), "NW-1", 1); err == nil {
		t.Fatal("expected an error for 502")
	}
}
