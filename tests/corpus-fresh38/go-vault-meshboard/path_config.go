package meshboard

import (
	"context"
	"errors"

	"github.com/hashicorp/vault/sdk/framework"
	"github.com/hashicorp/vault/sdk/logical"
)

const configStoragePath = "config"

type engineConfig struct {
	URL                string `json:"url"`
	AdminToken         string `json:"admin_token"`
	CACertFile         string `json:"ca_cert_file"`
	InsecureSkipVerify bool   `json:"insecure_skip_verify"`
}

func readConfig(ctx context.Context, s logical.Storage) (*engineConfig, error) {
	entry, err := s.Get(ctx, configStoragePath)
	if err != nil {
		return nil, err
	}
	if entry == nil {
		return nil, nil
	}
	var cfg engineConfig
	if err := entry.DecodeJSON(&cfg); err != nil {
		return nil, err
	}
	return &cfg, nil
}

func writeConfig(ctx context.Context, s logical.Storage, cfg *engineConfig) error {
	entry, err := logical.StorageEntryJSON(configStoragePath, cfg)
	if err != nil {
		return err
	}
	return s.Put(ctx, entry)
}

func pathConfig(b *backend) *framework.Path {
	return &framework.Path{
		Pattern: "config",
		Fields: map[string]*framework.FieldSchema{
			"url": {
				Type:        framework.TypeString,
				Description: "Base URL of the Meshboard API.",
				Default:     defaultBaseURL,
			},
			"admin_token": {
				Type:        framework.TypeString,
				Description: "Meshboard admin token the engine uses to issue keys.",
				DisplayAttrs: &framework.DisplayAttributes{
					Sensitive: true,
				},
			},
			"current_token": {
				Type:        framework.TypeString,
				Description: "The admin token currently configured; required to replace it.",
				DisplayAttrs: &framework.DisplayAttributes{
					Sensitive: true,
				},
			},
			"ca_cert_file": {
				Type:        framework.TypeString,
				Description: "PEM file with the CA that signs the Meshboard endpoint, if private.",
			},
			"insecure_skip_verify": {
				Type:        framework.TypeBool,
				Description: "Skip TLS certificate verification. Only for Meshboard test instances with self-signed certificates.",
				Default:     false,
			},
		},
		Operations: map[logical.Operation]framework.OperationHandler{
			logical.ReadOperation:   &framework.PathOperation{Callback: b.pathConfigRead},
			logical.CreateOperation: &framework.PathOperation{Callback: b.pathConfigWrite},
			logical.UpdateOperation: &framework.PathOperation{Callback: b.pathConfigWrite},
			logical.DeleteOperation: &framework.PathOperation{Callback: b.pathConfigDelete},
		},
		ExistenceCheck:  b.pathConfigExistenceCheck,
		HelpSynopsis:    "Configure the connection to Meshboard.",
		HelpDescription: "The admin token is write-only; read returns the other settings.",
	}
}

func (b *backend) pathConfigExistenceCheck(ctx context.Context, req *logical.Request, _ *framework.FieldData) (bool, error) {
	cfg, err := readConfig(ctx, req.Storage)
	if err != nil {
		return false, err
	}
	return cfg != nil, nil
}

func (b *backend) pathConfigRead(ctx context.Context, req *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	cfg, err := readConfig(ctx, req.Storage)
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		return nil, nil
	}
	return &logical.Response{
		Data: map[string]interface{}{
			"url":                  cfg.URL,
			"ca_cert_file":         cfg.CACertFile,
			"insecure_skip_verify": cfg.InsecureSkipVerify,
			"admin_token_set":      cfg.AdminToken != "",
		},
	}, nil
}

func (b *backend) pathConfigWrite(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {
	cfg, err := readConfig(ctx, req.Storage)
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		if req.Operation == logical.UpdateOperation {
			return nil, errors.New("config not found during update operation")
		}
		cfg = &engineConfig{URL: defaultBaseURL}
	}

	if v, ok := d.GetOk("url"); ok {
		cfg.URL = v.(string)
	}
	if v, ok := d.GetOk("ca_cert_file"); ok {
		cfg.CACertFile = v.(string)
	}
	if v, ok := d.GetOk("insecure_skip_verify"); ok {
		cfg.InsecureSkipVerify = v.(bool)
	}
	if v, ok := d.GetOk("admin_token"); ok {
		if cfg.AdminToken != "" && d.Get("current_token").(string) != cfg.AdminToken {
			return logical.ErrorResponse("current_token does not match the configured admin token"), nil
		}
		cfg.AdminToken = v.(string)
	}
	if cfg.AdminToken == "" {
		return logical.ErrorResponse("admin_token is required"), nil
	}

	if err := writeConfig(ctx, req.Storage, cfg); err != nil {
		return nil, err
	}
	b.reset(ctx)
	return nil, nil
}

func (b *backend) pathConfigDelete(ctx context.Context, req *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	if err := req.Storage.Delete(ctx, configStoragePath); err != nil {
		return nil, err
	}
	b.reset(ctx)
	return nil, nil
}
