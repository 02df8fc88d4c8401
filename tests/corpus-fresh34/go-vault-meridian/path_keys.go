package meridian

import (
	"context"
	"errors"

	"github.com/hashicorp/vault/sdk/framework"
	"github.com/hashicorp/vault/sdk/logical"
)

func pathKeys(b *backend) []*framework.Path {
	return []*framework.Path{
		{
			Pattern: "keys/?$",
			Operations: map[logical.Operation]framework.OperationHandler{
				logical.ListOperation: &framework.PathOperation{Callback: b.pathKeysList},
			},
			HelpSynopsis: "List ids of keys issued by this mount.",
		},
		{
			Pattern: "keys/purge",
			Fields: map[string]*framework.FieldSchema{
				"role": {Type: framework.TypeLowerCaseString, Description: "Only purge keys of this role."},
			},
			Operations: map[logical.Operation]framework.OperationHandler{
				logical.UpdateOperation: &framework.PathOperation{Callback: b.pathKeysPurge},
			},
			HelpSynopsis: "Revoke every key issued by this mount at Meridian (incident response).",
		},
		{
			Pattern: "keys/import",
			Fields: map[string]*framework.FieldSchema{
				"key_id": {Type: framework.TypeString, Description: "Existing Meridian key id."},
				"role":   {Type: framework.TypeLowerCaseString, Description: "Role to attach the key to."},
			},
			Operations: map[logical.Operation]framework.OperationHandler{
				logical.UpdateOperation: &framework.PathOperation{Callback: b.pathKeysImport},
			},
			HelpSynopsis: "Bring a key created outside Vault under lease management.",
		},
	}
}

func (b *backend) pathKeysList(ctx context.Context, req *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	ids, err := req.Storage.List(ctx, "keys/")
	if err != nil {
		return nil, err
	}
	return logical.ListResponse(ids), nil
}

func (b *backend) pathKeysPurge(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {
	if role, ok := d.GetOk("role"); ok {
		return nil, b.revokeRoleKeys(ctx, req.Storage, role.(string))
	}
	ids, err := req.Storage.List(ctx, "keys/")
	if err != nil {
		return nil, err
	}
	c, err := b.getClient(ctx, req.Storage)
	if err != nil {
		return nil, err
	}
	purged := 0
	for _, id := range ids {
		if err := c.DeleteKey(ctx, id); err != nil && !errors.Is(err, ErrKeyNotFound) {
			return nil, err
		}
		if err := req.Storage.Delete(ctx, "keys/"+id); err != nil {
			return nil, err
		}
		purged++
	}
	b.Logger().Warn("purged all Meridian keys", "count", purged, "requested_by", req.DisplayName)
	return &logical.Response{Data: map[string]interface{}{"purged": purged}}, nil
}

func (b *backend) pathKeysImport(_ context.Context, _ *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	return logical.ErrorResponse("importing existing Meridian keys is not implemented yet"), nil
}
