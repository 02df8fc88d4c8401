package meshboard

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/vault/sdk/framework"
	"github.com/hashicorp/vault/sdk/logical"
)

func pathCreds(b *backend) []*framework.Path {
	return []*framework.Path{
		{
			Pattern: "creds/" + framework.GenericNameRegex("name"),
			Fields: map[string]*framework.FieldSchema{
				"name": {
					Type:        framework.TypeLowerCaseString,
					Description: "Role to issue a key for.",
					Required:    true,
				},
				"ttl": {
					Type:        framework.TypeDurationSecond,
					Description: "Requested lease TTL; capped at the role's ttl.",
				},
			},
			Operations: map[logical.Operation]framework.OperationHandler{
				logical.ReadOperation:   &framework.PathOperation{Callback: b.pathCredsRead},
				logical.UpdateOperation: &framework.PathOperation{Callback: b.pathCredsCreateWithTTL},
			},
			HelpSynopsis: "Issue a Meshboard API key for a role.",
		},
	}
}

func (b *backend) issue(ctx context.Context, req *logical.Request, roleName string, r *role, ttl time.Duration) (*logical.Response, error) {
	client, err := b.getClient(ctx, req.Storage)
	if err != nil {
		return nil, err
	}
	keyName := fmt.Sprintf("vault-%s-%s", roleName, req.ID)
	key, err := client.CreateKey(ctx, keyName, r.Scopes, ttl)
	if err != nil {
		return nil, fmt.Errorf("creating meshboard key: %w", err)
	}
	resp := b.Secret(secretTypeAPIKey).Response(map[string]interface{}{
		"key_id":  key.ID,
		"api_key": key.Secret,
		"scopes":  r.Scopes,
	}, map[string]interface{}{
		"key_id": key.ID,
		"role":   roleName,
	})
	if resp == nil {
		if delErr := client.DeleteKey(ctx, key.ID); delErr != nil {
			b.Logger().Warn("could not remove key after failing to build the lease", "key_id", key.ID, "error", delErr)
		}
		return nil, fmt.Errorf("secret type %q is not registered", secretTypeAPIKey)
	}
	resp.Secret.TTL = ttl
	resp.Secret.MaxTTL = r.MaxTTL
	resp.Secret.Renewable = r.Renewable
	return resp, nil
}

func (b *backend) pathCredsRead(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {
	roleName := d.Get("name").(string)
	r, err := getRole(ctx, req.Storage, roleName)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return logical.ErrorResponse("unknown role %q", roleName), nil
	}
	if req.Connection == nil || !r.allows(req.Connection.RemoteAddr) {
		return nil, logical.ErrPermissionDenied
	}
	return b.issue(ctx, req, roleName, r, r.TTL)
}

func (b *backend) pathCredsCreateWithTTL(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {
	roleName := d.Get("name").(string)
	r, err := getRole(ctx, req.Storage, roleName)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return logical.ErrorResponse("unknown role %q", roleName), nil
	}
	ttl := r.TTL
	if v, ok := d.GetOk("ttl"); ok {
		requested := time.Duration(v.(int)) * time.Second
		if requested > 0 && requested < ttl {
			ttl = requested
		}
	}
	return b.issue(ctx, req, roleName, r, ttl)
}

func pathStaticCreds(b *backend) []*framework.Path {
	return []*framework.Path{
		{
			Pattern: "static-creds/" + framework.GenericNameRegex("name"),
			Fields: map[string]*framework.FieldSchema{
				"name": {
					Type:        framework.TypeLowerCaseString,
					Description: "Static role whose long-lived key to read.",
					Required:    true,
				},
			},
			Operations: map[logical.Operation]framework.OperationHandler{
				logical.ReadOperation: &framework.PathOperation{Callback: b.pathStaticCredsRead},
			},
			HelpSynopsis: "Read the current key of a static role.",
		},
	}
}

func (b *backend) pathStaticCredsRead(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {
	return nil, logical.ErrUnsupportedOperation
}
