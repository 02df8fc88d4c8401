package ticketing

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCreateTicketSendsRequester(t *testing.T) {
	var body map[string]any
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "test-key", r.Header.Get("X-Helpdesk-Key"))
		assert.Equal(t, "/api/v2/tickets", r.URL.Path)
		require.NoError(t, json.NewDecoder(r.Body).Decode(&body))
		_ = json.NewEncoder(w).Encode(Ticket{ID: "T-9", Number: 9, Title: "Laptop"})
	}))
	defer srv.Close()

	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	c := NewWithHTTPClient(srv.URL, "test-key", hc)
	ticket, err := c.CreateTicket(context.Background(), "Laptop", "screen flickers", PriorityHigh, "sam@example.com")
	require.NoError(t, err)
	assert.Equal(t, "T-9", ticket.ID)
	assert.Equal(t, "sam@example.com", body["requester"].(map[string]any)["email"])
}

func TestGetTicketReturnsErrorOnNotFound(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
	}))
	defer srv.Close()

	_, err := NewWithHTTPClient(srv.URL, "test-key", srv.Client()).GetTicket(context.Background(), "missing")
	assert.ErrorContains(t, err, "status 404")
}

func TestNewRejectsMissingCABundle(t *testing.T) {
	_, err := New("https://helpdesk.test", "k", "/nonexistent/ca.pem")
	assert.Error(t, err)
}
