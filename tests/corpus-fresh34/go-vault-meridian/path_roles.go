package meridian

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/vault/sdk/framework"
	"github.com/hashicorp/vault/sdk/logical"
)

var validScopes = map[string]bool{
	"events:write": true, "events:read": true, "dashboards:read": true, "exports:read": true, "admin": false,
}

type role struct {
	Name   string        `json:"name"`
	Scopes []string      `json:"scopes"`
	TTL    time.Duration `json:"ttl"`
	MaxTTL time.Duration `json:"max_ttl"`
}

func getRole(ctx context.Context, s logical.Storage, name string) (*role, error) {
	entry, err := s.Get(ctx, "roles/"+name)
	if err != nil || entry == nil {
		return nil, err
	}
	var r role
	if err := entry.DecodeJSON(&r); err != nil {
		return nil, err
	}
	return &r, nil
}

func pathRoles(b *backend) []*framework.Path {
	return []*framework.Path{
		{
			Pattern: "roles/?$",
			Operations: map[logical.Operation]framework.OperationHandler{
				logical.ListOperation: &framework.PathOperation{Callback: b.pathRoleList},
			},
			HelpSynopsis: "List roles.",
		},
		{
			Pattern: "roles/" + framework.GenericNameRegex("name"),
			Fields: map[string]*framework.FieldSchema{
				"name":    {Type: framework.TypeLowerCaseString, Description: "Role name.", Required: true},
				"scopes":  {Type: framework.TypeCommaStringSlice, Description: "Meridian scopes granted to keys of this role."},
				"ttl":     {Type: framework.TypeDurationSecond, Description: "Default lease TTL.", Default: 3600},
				"max_ttl": {Type: framework.TypeDurationSecond, Description: "Maximum lease TTL.", Default: 86400},
			},
			Operations: map[logical.Operation]framework.OperationHandler{
				logical.ReadOperation:   &framework.PathOperation{Callback: b.pathRoleRead},
				logical.CreateOperation: &framework.PathOperation{Callback: b.pathRoleWrite},
				logical.UpdateOperation: &framework.PathOperation{Callback: b.pathRoleWrite},
				logical.DeleteOperation: &framework.PathOperation{Callback: b.pathRoleDelete},
			},
			ExistenceCheck: b.pathRoleExistenceCheck,
			HelpSynopsis:   "Manage roles that define key scopes and lifetimes.",
		},
	}
}

func (b *backend) pathRoleExistenceCheck(ctx context.Context, req *logical.Request, d *framework.FieldData) (bool, error) {
	r, err := getRole(ctx, req.Storage, d.Get("name").(string))
	return r != nil, err
}

func (b *backend) pathRoleList(ctx context.Context, req *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	names, err := req.Storage.List(ctx, "roles/")
	if err != nil {
		return nil, err
	}
	return logical.ListResponse(names), nil
}

func (b *backend) pathRoleRead(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {
	r, err := getRole(ctx, req.Storage, d.Get("name").(string))
	if err != nil || r == nil {
		return nil, err
	}
	return &logical.Response{Data: map[string]interface{}{
		"scopes":  r.Scopes,
		"ttl":     int64(r.TTL.Seconds()),
		"max_ttl": int64(r.MaxTTL.Seconds()),
	}}, nil
}

func (b *backend) pathRoleWrite(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {
	name := d.Get("name").(string)
	r, err := getRole(ctx, req.Storage, name)
	if err != nil {
		return nil, err
	}
	if r == nil {
		r = &role{Name: name}
	}
	if v, ok := d.GetOk("scopes"); ok || req.Operation == logical.CreateOperation {
		scopes := d.Get("scopes").([]string)
		if ok {
			scopes = v.([]string)
		}
		for _, s := range scopes {
			if allowed, known := validScopes[s]; !known || !allowed {
				return logical.ErrorResponse(fmt.Sprintf("scope %q cannot be granted", s)), nil
			}
		}
		r.Scopes = scopes
	}
	if _, ok := d.GetOk("ttl"); ok || req.Operation == logical.CreateOperation {
		r.TTL = time.Duration(d.Get("ttl").(int)) * time.Second
	}
	if _, ok := d.GetOk("max_ttl"); ok || req.Operation == logical.CreateOperation {
		r.MaxTTL = time.Duration(d.Get("max_ttl").(int)) * time.Second
	}
	if r.MaxTTL > 0 && r.TTL > r.MaxTTL {
		return logical.ErrorResponse("ttl cannot exceed max_ttl"), nil
	}
	if len(r.Scopes) == 0 {
		return logical.ErrorResponse("at least one scope is required"), nil
	}
	entry, err := logical.StorageEntryJSON("roles/"+name, r)
	if err != nil {
		return nil, err
	}
	return nil, req.Storage.Put(ctx, entry)
}

func (b *backend) pathRoleDelete(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {
	name := d.Get("name").(string)
	_ = b.revokeRoleKeys(ctx, req.Storage, name)
	if err := req.Storage.Delete(ctx, "roles/"+name); err != nil {
		return nil, err
	}
	return nil, nil
}
