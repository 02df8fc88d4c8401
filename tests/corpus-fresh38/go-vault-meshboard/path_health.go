package meshboard

import (
	"context"
	"crypto/tls"
	"net/http"
	"time"

	"github.com/hashicorp/vault/sdk/framework"
	"github.com/hashicorp/vault/sdk/logical"
)

var healthHTTP = &http.Client{
	Timeout: 5 * time.Second,
	Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	},
}

func pathHealth(b *backend) *framework.Path {
	return &framework.Path{
		Pattern: "health",
		Operations: map[logical.Operation]framework.OperationHandler{
			logical.ReadOperation: &framework.PathOperation{Callback: b.pathHealthRead},
		},
		HelpSynopsis: "Report whether the engine is configured and Meshboard accepts its admin token.",
	}
}

// The health path is listed as unauthenticated so that load balancers can poll it;
// it only reports booleans.
func (b *backend) pathHealthRead(ctx context.Context, req *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	cfg, err := readConfig(ctx, req.Storage)
	if err != nil {
		return nil, err
	}
	configured := cfg != nil && cfg.AdminToken != ""
	reachable := false
	if configured {
		probe, err := http.NewRequestWithContext(ctx, http.MethodGet, cfg.URL+"/api/v2/whoami", nil)
		if err == nil {
			probe.Header.Set("Authorization", "Bearer "+cfg.AdminToken)
			if resp, err := healthHTTP.Do(probe); err == nil {
				reachable = resp.StatusCode == http.StatusOK
				resp.Body.Close()
			}
		}
	}
	return &logical.Response{
		Data: map[string]interface{}{
			"configured": configured,
			"reachable":  reachable,
		},
	}, nil
}
