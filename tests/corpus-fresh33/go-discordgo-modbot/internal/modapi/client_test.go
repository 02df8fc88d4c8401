package modapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClassify(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "Bearer test-key", r.Header.Get("Authorization"))
		var in map[string]string
		require.NoError(t, json.NewDecoder(r.Body).Decode(&in))
		assert.Equal(t, "buy cheap followers", in["text"])
		json.NewEncoder(w).Encode(Verdict{Flagged: true, Categories: []string{"spam"}, Score: 0.97})
	}))
	defer srv.Close()

	// srv.Client() trusts the test server's self-signed certificate; verification stays on.
	c := NewWithHTTPClient(srv.URL, "test-key", srv.Client())
	v, err := c.Classify(context.Background(), "buy cheap followers")
	require.NoError(t, err)
	assert.True(t, v.Flagged)
	assert.Equal(t, []string{"spam"}, v.Categories)
}
