package cmd

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/acme/deployctl/internal/client"
	"github.com/stretchr/testify/require"
)

func TestRunDeployAgainstTLSServer(t *testing.T) {
	t.Setenv("HOME", "/home/tester")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())

	var got client.DeployRequest
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		require.Equal(t, "/v1/deployments", r.URL.Path)
		require.NoError(t, json.NewDecoder(r.Body).Decode(&got))
		_ = json.NewEncoder(w).Encode(client.Deployment{ID: "d-1", Status: "pending"})
	}))
	defer srv.Close()

	// httptest's certificate is self-signed, so this test opts into --insecure
	cl := client.New(srv.URL, "test-token", true)
	require.NoError(t, runDeploy(context.Background(), cl, "staging", "api:1.2.3", false))
	require.Equal(t, client.DeployRequest{Env: "staging", Image: "api:1.2.3"}, got)
}
