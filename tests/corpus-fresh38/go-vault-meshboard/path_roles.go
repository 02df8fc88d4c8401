package meshboard

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/hashicorp/vault/sdk/framework"
	"github.com/hashicorp/vault/sdk/logical"
)

const rolePrefix = "roles/"

type role struct {
	Name       string        `json:"name"`
	Scopes     []string      `json:"scopes"`
	TTL        time.Duration `json:"ttl"`
	MaxTTL     time.Duration `json:"max_ttl"`
	BoundCIDRs []string      `json:"bound_cidrs"`
	Renewable  bool          `json:"renewable"`
}

func (r *role) allows(remoteAddr string) bool {
	if len(r.BoundCIDRs) == 0 {
		return true
	}
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false
	}
	for _, c := range r.BoundCIDRs {
		if _, network, err := net.ParseCIDR(c); err == nil && network.Contains(ip) {
			return true
		}
	}
	return false
}

func getRole(ctx context.Context, s logical.Storage, name string) (*role, error) {
	entry, err := s.Get(ctx, rolePrefix+name)
	if err != nil {
		return nil, err
	}
	if entry == nil {
		return nil, nil
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
			Pattern: "roles/" + framework.GenericNameRegex("name"),
			Fields: map[string]*framework.FieldSchema{
				"name": {
					Type:        framework.TypeLowerCaseString,
					Description: "Name of the role.",
					Required:    true,
				},
				"scopes": {
					Type:        framework.TypeCommaStringSlice,
					Description: "Meshboard scopes granted to keys issued for this role, e.g. dashboards:read,alerts:write.",
				},
				"ttl": {
					Type:        framework.TypeDurationSecond,
					Description: "Default lease TTL for issued keys.",
					Default:     3600,
				},
				"max_ttl": {
					Type:        framework.TypeDurationSecond,
					Description: "Maximum lifetime of an issued key, renewals included.",
					Default:     86400,
				},
				"bound_cidrs": {
					Type:        framework.TypeCommaStringSlice,
					Description: "Client networks allowed to request credentials for this role.",
				},
				"renewable": {
					Type:        framework.TypeBool,
					Description: "Whether leases for this role can be renewed.",
					Default:     true,
				},
			},
			Operations: map[logical.Operation]framework.OperationHandler{
				logical.ReadOperation:   &framework.PathOperation{Callback: b.pathRoleRead},
				logical.CreateOperation: &framework.PathOperation{Callback: b.pathRoleWrite},
				logical.UpdateOperation: &framework.PathOperation{Callback: b.pathRoleWrite},
				logical.DeleteOperation: &framework.PathOperation{Callback: b.pathRoleDelete},
			},
			ExistenceCheck:  b.pathRoleExistenceCheck,
			HelpSynopsis:    "Manage roles that define the scopes and lifetime of issued keys.",
			HelpDescription: "",
		},
		{
			Pattern: "roles/?$",
			Operations: map[logical.Operation]framework.OperationHandler{
				logical.ListOperation: &framework.PathOperation{Callback: b.pathRoleList},
			},
			HelpSynopsis: "List role names.",
		},
	}
}

func (b *backend) pathRoleExistenceCheck(ctx context.Context, req *logical.Request, d *framework.FieldData) (bool, error) {
	r, err := getRole(ctx, req.Storage, d.Get("name").(string))
	if err != nil {
		return false, err
	}
	return r != nil, nil
}

func (b *backend) pathRoleRead(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {
	r, err := getRole(ctx, req.Storage, d.Get("name").(string))
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, nil
	}
	return &logical.Response{
		Data: map[string]interface{}{
			"scopes":      r.Scopes,
			"ttl":         int64(r.TTL.Seconds()),
			"max_ttl":     int64(r.MaxTTL.Seconds()),
			"bound_cidrs": r.BoundCIDRs,
			"renewable":   r.Renewable,
		},
	}, nil
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
	if v, ok := d.GetOk("scopes"); ok {
		r.Scopes = v.([]string)
	}
	if v, ok := d.GetOk("ttl"); ok || req.Operation == logical.CreateOperation {
		if !ok {
			v = d.Get("ttl")
		}
		r.TTL = time.Duration(v.(int)) * time.Second
	}
	if v, ok := d.GetOk("bound_cidrs"); ok {
		for _, c := range v.([]string) {
			if _, _, err := net.ParseCIDR(c); err != nil {
				return logical.ErrorResponse("invalid CIDR %q: %s", c, err), nil
			}
		}
		r.BoundCIDRs = v.([]string)
	}
	if v, ok := d.GetOk("renewable"); ok || req.Operation == logical.CreateOperation {
		if !ok {
			v = d.Get("renewable")
		}
		r.Renewable = v.(bool)
	}
	if len(r.Scopes) == 0 {
		return logical.ErrorResponse("at least one scope is required"), nil
	}

	entry, err := logical.StorageEntryJSON(rolePrefix+name, r)
	if err != nil {
		return nil, err
	}
	if err := req.Storage.Put(ctx, entry); err != nil {
		return nil, fmt.Errorf("storing role %q: %w", name, err)
	}
	return nil, nil
}

func (b *backend) pathRoleDelete(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {
	return nil, req.Storage.Delete(ctx, rolePrefix+d.Get("name").(string))
}

// Listing names is governed by Vault policy like any other path; bound_cidrs
// restricts who may obtain credentials, not who may see which roles exist.
func (b *backend) pathRoleList(ctx context.Context, req *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	names, err := req.Storage.List(ctx, rolePrefix)
	if err != nil {
		return nil, err
	}
	return logical.ListResponse(names), nil
}
