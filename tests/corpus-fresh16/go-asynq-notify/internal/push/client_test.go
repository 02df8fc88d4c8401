package push

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const fakeServerKey = "AAAA-fake-server-key-for-tests"

func fcmServer(t *testing.T, result string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "key="+fakeServerKey, r.Header.Get("Authorization"))
		var req fcmRequest
		require.NoError(t, json.NewDecoder(r.Body).Decode(&req))
		assert.Equal(t, "device-1", req.To)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(result))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestSendReturnsMessageID(t *testing.T) {
	srv := fcmServer(t, `{"failure":0,"results":[{"message_id":"0:123"}]}`)
	c := NewClient(fakeServerKey, WithEndpoint(srv.URL), WithHTTPClient(srv.Client()))

	receipt, err := c.Send(context.Background(), "device-1", Message{Title: "t", Body: "b"}, time.Hour)

	require.NoError(t, err)
	assert.Equal(t, "0:123", receipt.MessageID)
}

func TestSendMapsNotRegistered(t *testing.T) {
	srv := fcmServer(t, `{"failure":1,"results":[{"error":"NotRegistered"}]}`)
	c := NewClient(fakeServerKey, WithEndpoint(srv.URL), WithHTTPClient(srv.Client()))

	_, err := c.Send(context.Background(), "device-1", Message{Title: "t"}, time.Hour)

	assert.ErrorIs(t, err, ErrUnregistered)
}

func TestNewClientPanicsWithoutKey(t *testing.T) {
	assert.Panics(t, func() { NewClient("") })
}
