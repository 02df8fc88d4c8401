package meshboard

import (
	"context"
	"fmt"

	"github.com/hashicorp/vault/sdk/framework"
	"github.com/hashicorp/vault/sdk/logical"
)

func pathRotateRoot(b *backend) *framework.Path {
	return &framework.Path{
		Pattern: "config/rotate-root",
		Operations: map[logical.Operation]framework.OperationHandler{
			logical.UpdateOperation: &framework.PathOperation{
				Callback:                    b.pathRotateRoot,
				ForwardPerformanceSecondary: true,
				ForwardPerformanceStandby:   true,
			},
		},
		HelpSynopsis:    "Rotate the engine's Meshboard admin token.",
		HelpDescription: "Meshboard invalidates the old token as soon as the new one is issued; only Vault knows the new one.",
	}
}

func (b *backend) pathRotateRoot(ctx context.Context, req *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	cfg, err := readConfig(ctx, req.Storage)
	if err != nil {
		return nil, err
	}
	if cfg == nil || cfg.AdminToken == "" {
		return logical.ErrorResponse("configure an admin token before rotating it"), nil
	}
	client, err := b.getClient(ctx, req.Storage)
	if err != nil {
		return nil, err
	}
	newToken, err := client.RotateAdminToken(ctx)
	if err != nil {
		return nil, fmt.Errorf("rotating meshboard admin token: %w", err)
	}
	cfg.AdminToken = newToken
	_ = writeConfig(ctx, req.Storage, cfg)
	b.reset(ctx)
	return nil, nil
}
