package tenantgate

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/caddyserver/caddy/v2/modules/caddyhttp"
	"go.uber.org/zap"

	"github.com/lumenlabs/caddy-tenantgate/directory"
)

const headerAPIKey = "X-Api-Key"

type cachedTenant struct {
	tenant  directory.Tenant
	expires time.Time
}

// tenantCache maps sha256(api key) to the directory's answer.
type tenantCache struct {
	mu      sync.RWMutex
	ttl     time.Duration
	entries map[string]cachedTenant
}

func newTenantCache(ttl time.Duration) *tenantCache {
	return &tenantCache{ttl: ttl, entries: make(map[string]cachedTenant)}
}

func cacheKey(apiKey string) string {
	sum := sha256.Sum256([]byte(apiKey))
	return hex.EncodeToString(sum[:])
}

func (c *tenantCache) get(apiKey string) (directory.Tenant, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.entries[cacheKey(apiKey)]
	if !ok || time.Now().After(e.expires) {
		return directory.Tenant{}, false
	}
	return e.tenant, true
}

func (c *tenantCache) put(apiKey string, t directory.Tenant) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[cacheKey(apiKey)] = cachedTenant{tenant: t, expires: time.Now().Add(c.ttl)}
}

func (c *tenantCache) purge() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(c.entries)
	c.entries = make(map[string]cachedTenant)
	return n
}

func (g *Gate) isPublicPath(p string) bool {
	for _, prefix := range g.PublicPaths {
		if p == prefix || strings.HasPrefix(p, strings.TrimSuffix(prefix, "/")+"/") {
			return true
		}
	}
	return false
}

func (g *Gate) resolve(ctx context.Context, apiKey string) (directory.Tenant, error) {
	if t, ok := g.cache.get(apiKey); ok {
		return t, nil
	}
	t, err := g.dir.Lookup(ctx, apiKey)
	if err != nil {
		return directory.Tenant{}, err
	}
	g.cache.put(apiKey, t)
	return t, nil
}

func (g *Gate) deny(w http.ResponseWriter, r *http.Request, tenantID string, status int, reason string) error {
	if err := g.audit.Record(auditEntry{
		Time:     time.Now().UTC(),
		Tenant:   tenantID,
		Remote:   r.RemoteAddr,
		Method:   r.Method,
		Path:     r.URL.Path,
		Status:   status,
		Reason:   reason,
		KeyHash8: cacheKey(r.Header.Get(headerAPIKey))[:8],
	}); err != nil {
		g.logger.Error("audit write failed; refusing request", zap.Error(err))
		return caddyhttp.Error(http.StatusServiceUnavailable, err)
	}
	w.Header().Set("WWW-Authenticate", `ApiKey realm="tenant-gate"`)
	return caddyhttp.Error(status, errors.New(reason))
}

// ServeHTTP implements caddyhttp.MiddlewareHandler.
func (g *Gate) ServeHTTP(w http.ResponseWriter, r *http.Request, next caddyhttp.Handler) error {
	// CORS preflight requests never carry credentials; the upstream answers them.
	if r.Method == http.MethodOptions {
		return next.ServeHTTP(w, r)
	}
	if g.isPublicPath(r.URL.Path) {
		return next.ServeHTTP(w, r)
	}

	key := r.Header.Get(headerAPIKey)
	if key == "" {
		return g.deny(w, r, "", http.StatusUnauthorized, "missing api key")
	}
	tenant, err := g.resolve(r.Context(), key)
	switch {
	case errors.Is(err, directory.ErrUnknownKey):
		return g.deny(w, r, "", http.StatusUnauthorized, "unknown api key")
	case err != nil:
		g.logger.Warn("tenant directory unavailable", zap.Error(err))
		return caddyhttp.Error(http.StatusBadGateway, err)
	}

	if hint := r.Header.Get("X-Tenant"); hint != "" && hint != tenant.ID {
		return g.deny(w, r, tenant.ID, http.StatusForbidden, "key does not belong to requested tenant")
	}
	if tenant.Status != directory.StatusActive {
		return g.deny(w, r, tenant.ID, http.StatusForbidden, "tenant "+tenant.Status)
	}

	used, ok := g.quota.Increment(tenant.ID, tenant.MonthlyQuota)
	if !ok {
		if g.notifier != nil {
			go g.notifier.QuotaExhausted(tenant.ID, used)
		}
		w.Header().Set("Retry-After", strconv.Itoa(secondsUntilNextMonth(time.Now())))
		return g.deny(w, r, tenant.ID, http.StatusTooManyRequests, "monthly quota exhausted")
	}

	r.Header.Del(headerAPIKey)
	r.Header.Set("X-Tenant-ID", tenant.ID)
	caddyhttp.SetVar(r.Context(), "tenant_id", tenant.ID)
	w.Header().Set("X-Quota-Remaining", strconv.FormatInt(tenant.MonthlyQuota-used, 10))
	return next.ServeHTTP(w, r)
}

func secondsUntilNextMonth(now time.Time) int {
	y, m, _ := now.UTC().Date()
	return int(time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC).Sub(now).Seconds())
}
