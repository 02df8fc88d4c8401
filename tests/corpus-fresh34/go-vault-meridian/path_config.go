package meridian

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/hashicorp/vault/sdk/framework"
	"github.com/hashicorp/vault/sdk/logical"
)

var errNotConfigured = errors.New("meridian backend is not configured; write to config first")

type config struct {
	BaseURL        string `json:"base_url"`
	AdminKey       string `json:"admin_key"`
	CallbackSecret string `json:"callback_secret"`
}

func getConfig(ctx context.Context, s logical.Storage) (*config, error) {
	entry, err := s.Get(ctx, "config")
	if err != nil {
		return nil, err
	}
	if entry == nil {
		return nil, nil
	}
	var cfg config
	if err := entry.DecodeJSON(&cfg); err != nil {
		return nil, fmt.Errorf("decoding config: %w", err)
	}
	return &cfg, nil
}

func (b *backend) saveConfig(ctx context.Context, s logical.Storage, cfg *config) error {
	entry, err := logical.StorageEntryJSON("config", cfg)
	if err != nil {
		return err
	}
	if err := s.Put(ctx, entry); err != nil {
		return err
	}
	b.reset()
	return nil
}

func pathConfig(b *backend) []*framework.Path {
	return []*framework.Path{{
		Pattern: "config",
		Fields: map[string]*framework.FieldSchema{
			"base_url": {
				Type:        framework.TypeString,
				Description: "Meridian API base URL.",
				Default:     "https://api.meridian-analytics.com",
			},
			"admin_key": {
				Type:         framework.TypeString,
				Description:  "Admin API key used to mint and revoke keys. Write-only.",
				DisplayAttrs: &framework.DisplayAttributes{Sensitive: true},
			},
			"callback_secret": {
				Type:         framework.TypeString,
				Description:  "Shared secret Meridian uses to sign webhook callbacks.",
				DisplayAttrs: &framework.DisplayAttributes{Sensitive: true},
			},
		},
		Operations: map[logical.Operation]framework.OperationHandler{
			logical.ReadOperation:   &framework.PathOperation{Callback: b.pathConfigRead},
			logical.CreateOperation: &framework.PathOperation{Callback: b.pathConfigWrite},
			logical.UpdateOperation: &framework.PathOperation{Callback: b.pathConfigWrite},
			logical.DeleteOperation: &framework.PathOperation{Callback: b.pathConfigDelete},
		},
		ExistenceCheck:  b.pathConfigExistenceCheck,
		HelpSynopsis:    "Configure the connection to Meridian.",
		HelpDescription: "The admin key is never returned by reads.",
	}}
}

func (b *backend) pathConfigExistenceCheck(ctx context.Context, req *logical.Request, _ *framework.FieldData) (bool, error) {
	cfg, err := getConfig(ctx, req.Storage)
	if err != nil {
		return false, err
	}
	return cfg != nil, nil
}

func (b *backend) pathConfigRead(ctx context.Context, req *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	cfg, err := getConfig(ctx, req.Storage)
	if err != nil || cfg == nil {
		return nil, err
	}
	return &logical.Response{Data: map[string]interface{}{
		"base_url":            cfg.BaseURL,
		"admin_key_set":       cfg.AdminKey != "",
		"callback_secret_set": cfg.CallbackSecret != "",
	}}, nil
}

func (b *backend) pathConfigWrite(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {
	cfg, err := getConfig(ctx, req.Storage)
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		if req.Operation == logical.UpdateOperation {
			return nil, errors.New("config not found during update operation")
		}
		cfg = &config{}
	}
	if v, ok := d.GetOk("base_url"); ok || req.Operation == logical.CreateOperation {
		if !ok {
			v = d.Get("base_url")
		}
		u, err := url.Parse(v.(string))
		if err != nil || u.Scheme != "https" {
			return logical.ErrorResponse("base_url must be an https URL"), nil
		}
		cfg.BaseURL = v.(string)
	}
	if v, ok := d.GetOk("admin_key"); ok {
		cfg.AdminKey = v.(string)
	}
	if v, ok := d.GetOk("callback_secret"); ok {
		cfg.CallbackSecret = v.(string)
	}
	if cfg.AdminKey == "" {
		return logical.ErrorResponse("admin_key is required"), nil
	}
	return nil, b.saveConfig(ctx, req.Storage, cfg)
}

func (b *backend) pathConfigDelete(ctx context.Context, req *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	if err := req.Storage.Delete(ctx, "config"); err != nil {
		return nil, err
	}
	b.reset()
	return nil, nil
}
