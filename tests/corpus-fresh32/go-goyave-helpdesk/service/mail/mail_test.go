package mail

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSendPostsMessage(t *testing.T) {
	var got map[string]any
	var auth string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth = r.Header.Get("Authorization")
		require.NoError(t, json.NewDecoder(r.Body).Decode(&got))
		w.WriteHeader(http.StatusAccepted)
	}))
	defer srv.Close()

	s := &Service{
		// httptest's certificate is self-signed and generated per run.
		client:  &http.Client{Timeout: time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}},
		baseURL: srv.URL,
		apiKey:  "test-api-key",
		from:    "support@example.test",
	}
	err := s.Send(context.Background(), Message{To: "jane@example.test", Subject: "Re: [#4] VPN", Text: "Fixed"})
	require.NoError(t, err)
	assert.Equal(t, "Bearer test-api-key", auth)
	assert.Equal(t, []any{"jane@example.test"}, got["to"])
}

func TestSendReportsProviderErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer srv.Close()
	s := &Service{client: srv.Client(), baseURL: srv.URL, apiKey: "k", from: "f@example.test"}
	require.ErrorContains(t, s.Send(context.Background(), Message{To: "x@example.test"}), "unexpected status 502")
}
