package supplier

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

func TestReorderPostsOrder(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "Bearer test-key", r.Header.Get("Authorization"))
		var in map[string]any
		require.NoError(t, json.NewDecoder(r.Body).Decode(&in))
		assert.Equal(t, "BOLT-8", in["sku"])
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(Order{OrderID: "PO-1", Sku: "BOLT-8", Qty: 10})
	}))
	defer srv.Close()

	// The httptest client trusts only this server's certificate.
	o, err := New(srv.URL, "test-key", srv.Client()).Reorder(context.Background(), "BOLT-8", 10, time.Now().AddDate(0, 0, 7))
	require.NoError(t, err)
	assert.Equal(t, "PO-1", o.OrderID)
}
