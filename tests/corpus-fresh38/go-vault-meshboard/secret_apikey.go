package meshboard

import (
	"context"
	"errors"

	"github.com/hashicorp/vault/sdk/framework"
	"github.com/hashicorp/vault/sdk/logical"
)

const secretTypeAPIKey = "meshboard_api_key"

func secretAPIKey(b *backend) *framework.Secret {
	return &framework.Secret{
		Type: secretTypeAPIKey,
		Fields: map[string]*framework.FieldSchema{
			"key_id":  {Type: framework.TypeString, Description: "Meshboard key id."},
			"api_key": {Type: framework.TypeString, Description: "The API key."},
		},
		Renew:  b.secretAPIKeyRenew,
		Revoke: b.secretAPIKeyRevoke,
	}
}

func (b *backend) secretAPIKeyRenew(ctx context.Context, req *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	roleName, _ := req.Secret.InternalData["role"].(string)
	r, err := getRole(ctx, req.Storage, roleName)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return logical.ErrorResponse("role %q was deleted; the key cannot be renewed", roleName), nil
	}
	if !r.Renewable {
		return logical.ErrorResponse("keys issued for role %q are not renewable", roleName), nil
	}
	keyID, ok := req.Secret.InternalData["key_id"].(string)
	if !ok {
		return nil, errors.New("lease is missing its key_id")
	}
	client, err := b.getClient(ctx, req.Storage)
	if err != nil {
		return nil, err
	}
	if err := client.ExtendKey(ctx, keyID, r.TTL); err != nil {
		return nil, err
	}
	resp := &logical.Response{Secret: req.Secret}
	resp.Secret.TTL = r.TTL
	resp.Secret.MaxTTL = r.MaxTTL
	return resp, nil
}

func (b *backend) secretAPIKeyRevoke(ctx context.Context, req *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	keyID, ok := req.Secret.InternalData["key_id"].(string)
	if !ok {
		return nil, errors.New("lease is missing its key_id")
	}
	client, err := b.getClient(ctx, req.Storage)
	if err != nil {
		return nil, err
	}
	client.DeleteKey(ctx, keyID)
	return nil, nil
}
