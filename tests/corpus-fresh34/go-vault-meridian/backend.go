package meridian

import (
	"context"
	"strings"
	"sync"

	"github.com/hashicorp/vault/sdk/framework"
	"github.com/hashicorp/vault/sdk/logical"
)

const backendHelp = `
The Meridian secrets engine issues short-lived, scoped API keys for the
Meridian Analytics platform and revokes them when their lease ends.
`

type backend struct {
	*framework.Backend

	lock   sync.RWMutex
	client meridianAPI
	queue  *revokeQueue

	// newClient is replaced in tests.
	newClient func(cfg *config) meridianAPI
}

// Factory returns a configured backend.
func Factory(ctx context.Context, conf *logical.BackendConfig) (logical.Backend, error) {
	b := newBackend()
	if err := b.Setup(ctx, conf); err != nil {
		return nil, err
	}
	return b, nil
}

func newBackend() *backend {
	b := &backend{
		queue:     newRevokeQueue(revokeQueuePath),
		newClient: func(cfg *config) meridianAPI { return newClient(cfg.BaseURL, cfg.AdminKey) },
	}
	b.Backend = &framework.Backend{
		Help:        strings.TrimSpace(backendHelp),
		BackendType: logical.TypeLogical,
		PathsSpecial: &logical.Paths{
			// info is the plugin's version banner; callback/* receives Meridian's
			// signed webhooks, which cannot carry a Vault token.
			Unauthenticated: []string{"info", "callback/*"},
			SealWrapStorage: []string{"config"},
			Root:            []string{"config", "rotate-root"},
		},
		Paths: framework.PathAppend(
			[]*framework.Path{pathInfo(b)},
			pathConfig(b),
			pathRoles(b),
			pathCreds(b),
			pathRotateRoot(b),
			pathKeys(b),
			pathCallbacks(b),
		),
		Secrets:      []*framework.Secret{secretAPIKey(b)},
		Invalidate:   b.invalidate,
		PeriodicFunc: b.retryRevocations,
	}
	return b
}

func (b *backend) reset() {
	b.lock.Lock()
	defer b.lock.Unlock()
	b.client = nil
}

func (b *backend) invalidate(_ context.Context, key string) {
	if key == "config" {
		b.reset()
	}
}

// getClient returns a client for the current configuration.
func (b *backend) getClient(ctx context.Context, s logical.Storage) (meridianAPI, error) {
	b.lock.RLock()
	c := b.client
	b.lock.RUnlock()
	if c != nil {
		return c, nil
	}

	b.lock.Lock()
	defer b.lock.Unlock()
	if b.client != nil {
		return b.client, nil
	}
	cfg, err := getConfig(ctx, s)
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		return nil, errNotConfigured
	}
	b.client = b.newClient(cfg)
	return b.client, nil
}

func pathInfo(b *backend) *framework.Path {
	return &framework.Path{
		Pattern: "info",
		Operations: map[logical.Operation]framework.OperationHandler{
			logical.ReadOperation: &framework.PathOperation{Callback: b.pathInfoRead},
		},
		HelpSynopsis: "Plugin name and version.",
	}
}

func (b *backend) pathInfoRead(_ context.Context, _ *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	return &logical.Response{Data: map[string]interface{}{
		"name":    "vault-plugin-secrets-meridian",
		"version": pluginVersion,
	}}, nil
}

const pluginVersion = "v0.5.2"
