package main

import (
	"crypto/tls"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestSlackNotifierPostsMessage(t *testing.T) {
	var got map[string]string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer xoxb-test" {
			t.Errorf("missing bearer token, got %q", r.Header.Get("Authorization"))
		}
		_ = json.NewDecoder(r.Body).Decode(&got)
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()

	client := &http.Client{
		Timeout:   2 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
	}
	n := slackNotifier{baseURL: srv.URL, token: "xoxb-test", channel: "#test", client: client}
	if err := n.Post("hello"); err != nil {
		t.Fatalf("Post: %v", err)
	}
	if got["text"] != "hello" || got["channel"] != "#test" {
		t.Fatalf("unexpected payload %v", got)
	}
}

func TestSlackNotifierReportsHTTPErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()

	n := slackNotifier{baseURL: srv.URL, token: "xoxb-test", channel: "#test", client: srv.Client()}
	if err := n.Post("hello"); err == nil {
		t.Fatal("expected an error for HTTP 429")
	}
}
