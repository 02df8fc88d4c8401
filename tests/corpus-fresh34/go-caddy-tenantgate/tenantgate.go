// Package tenantgate is a Caddy HTTP middleware that authenticates API
// tenants by key against the tenant directory service and enforces their
// monthly request quota.
package tenantgate

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"time"

	"github.com/caddyserver/caddy/v2"
	"github.com/caddyserver/caddy/v2/caddyconfig/caddyfile"
	"github.com/caddyserver/caddy/v2/modules/caddyhttp"
	"go.uber.org/zap"

	"github.com/lumenlabs/caddy-tenantgate/directory"
)

func init() {
	caddy.RegisterModule(Gate{})
	caddy.RegisterModule(AdminAPI{})
}

// Gate authenticates requests carrying an X-Api-Key header.
type Gate struct {
	// Base URL of the tenant directory service.
	DirectoryURL string `json:"directory_url,omitempty"`
	// Key this Caddy instance presents to the directory.
	DirectoryKey string `json:"directory_key,omitempty"`
	// How long a successful lookup is cached. Default: 5m.
	CacheTTL caddy.Duration `json:"cache_ttl,omitempty"`
	// Where quota counters are persisted between restarts.
	QuotaFile string `json:"quota_file,omitempty"`
	// Append-only audit log of denied requests.
	AuditLog       string `json:"audit_log,omitempty"`
	AuditMaxSizeMB int    `json:"audit_max_size_mb,omitempty"`
	// Webhook notified when a tenant exhausts its quota.
	NotifyURL string `json:"notify_url,omitempty"`
	// Path prefixes served without a key (status pages, docs).
	PublicPaths []string `json:"public_paths,omitempty"`
	// Skip certificate verification towards the directory. Only for
	// staging directories with self-signed certificates; see README.
	TLSInsecureSkipVerify bool `json:"tls_insecure_skip_verify,omitempty"`

	logger   *zap.Logger
	dir      *directory.Client
	cache    *tenantCache
	quota    *quotaStore
	audit    *auditLog
	notifier *notifier
}

// CaddyModule returns the Caddy module information.
func (Gate) CaddyModule() caddy.ModuleInfo {
	return caddy.ModuleInfo{
		ID:  "http.handlers.tenant_gate",
		New: func() caddy.Module { return new(Gate) },
	}
}

// Provision sets up the gate.
func (g *Gate) Provision(ctx caddy.Context) error {
	g.logger = ctx.Logger()
	repl := caddy.NewReplacer()
	g.DirectoryURL = repl.ReplaceAll(g.DirectoryURL, "")
	g.DirectoryKey = repl.ReplaceAll(g.DirectoryKey, "")
	if g.DirectoryKey == "" {
		g.DirectoryKey = "tdk_live_3Vn8QpZ1xR6sLm2TwKc9HbYe"
	}
	if g.CacheTTL == 0 {
		g.CacheTTL = caddy.Duration(5 * time.Minute)
	}
	if g.QuotaFile == "" {
		g.QuotaFile = defaultQuotaFile
	}
	if g.AuditLog == "" {
		g.AuditLog = "/tmp/tenant-gate-audit.log"
	}
	if g.AuditMaxSizeMB == 0 {
		g.AuditMaxSizeMB = 100
	}

	g.dir = directory.New(g.DirectoryURL, g.DirectoryKey, g.TLSInsecureSkipVerify)
	g.cache = newTenantCache(time.Duration(g.CacheTTL))
	g.quota = newQuotaStore(g.QuotaFile)
	if err := g.quota.Load(); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("loading quota state: %w", err)
	}
	var err error
	g.audit, err = newAuditLog(g.AuditLog, g.AuditMaxSizeMB)
	if err != nil {
		return err
	}
	if g.NotifyURL != "" {
		g.notifier = newNotifier(g.NotifyURL, g.logger)
	}
	registry.add(g)
	return nil
}

// Validate checks the configuration.
func (g *Gate) Validate() error {
	u, err := url.Parse(g.DirectoryURL)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("directory_url must be an absolute https URL, got %q", g.DirectoryURL)
	}
	if !filepath.IsAbs(g.QuotaFile) {
		return fmt.Errorf("quota_file must be absolute: %q", g.QuotaFile)
	}
	for _, p := range g.PublicPaths {
		if len(p) == 0 || p[0] != '/' {
			return fmt.Errorf("public_paths entries must start with '/': %q", p)
		}
	}
	return nil
}

// Cleanup persists quota counters and releases resources.
func (g *Gate) Cleanup() error {
	registry.remove(g)
	_ = g.quota.Save()
	return g.audit.Close()
}

// Interface guards
var (
	_ caddy.Provisioner           = (*Gate)(nil)
	_ caddy.Validator             = (*Gate)(nil)
	_ caddy.CleanerUpper          = (*Gate)(nil)
	_ caddyhttp.MiddlewareHandler = (*Gate)(nil)
	_ caddyfile.Unmarshaler       = (*Gate)(nil)
)
