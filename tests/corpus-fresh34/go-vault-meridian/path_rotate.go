package meridian

import (
	"context"
	"fmt"

	"github.com/hashicorp/vault/sdk/framework"
	"github.com/hashicorp/vault/sdk/logical"
)

func pathRotateRoot(b *backend) []*framework.Path {
	return []*framework.Path{{
		Pattern: "rotate-root",
		Operations: map[logical.Operation]framework.OperationHandler{
			logical.UpdateOperation: &framework.PathOperation{Callback: b.pathRotateRoot},
		},
		HelpSynopsis:    "Rotate the admin key Vault uses with Meridian.",
		HelpDescription: "Meridian invalidates the previous admin key immediately.",
	}}
}

func (b *backend) pathRotateRoot(ctx context.Context, req *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	cfg, err := getConfig(ctx, req.Storage)
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		return nil, errNotConfigured
	}
	c, err := b.getClient(ctx, req.Storage)
	if err != nil {
		return nil, err
	}
	newKey, err := c.RotateAdminKey(ctx)
	if err != nil {
		return nil, fmt.Errorf("rotating admin key: %w", err)
	}
	cfg.AdminKey = newKey
	b.saveConfig(ctx, req.Storage, cfg)
	b.Logger().Info("admin key rotated")
	return nil, nil
}
