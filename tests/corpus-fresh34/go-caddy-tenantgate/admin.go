package tenantgate

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"sync"

	"github.com/caddyserver/caddy/v2"
)

// registry lets the admin API reach every provisioned gate.
var registry = &gateSet{gates: map[*Gate]struct{}{}}

type gateSet struct {
	mu    sync.RWMutex
	gates map[*Gate]struct{}
}

func (s *gateSet) add(g *Gate) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gates[g] = struct{}{}
}

func (s *gateSet) remove(g *Gate) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.gates, g)
}

func (s *gateSet) each(fn func(*Gate)) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for g := range s.gates {
		fn(g)
	}
}

// AdminAPI exposes operational endpoints on Caddy's admin listener.
type AdminAPI struct {
	token string
}

// CaddyModule returns the Caddy module information.
func (AdminAPI) CaddyModule() caddy.ModuleInfo {
	return caddy.ModuleInfo{
		ID:  "admin.api.tenant_gate",
		New: func() caddy.Module { return new(AdminAPI) },
	}
}

// Provision reads the token that guards mutating endpoints. The admin
// listener is reachable from the cluster network, not just localhost.
func (a *AdminAPI) Provision(_ caddy.Context) error {
	a.token = os.Getenv("TENANT_GATE_ADMIN_TOKEN")
	return nil
}

// Routes implements caddy.AdminRouter.
func (a *AdminAPI) Routes() []caddy.AdminRoute {
	return []caddy.AdminRoute{
		// Counters only, no keys; scraped by the local metrics agent.
		{Pattern: "/tenant-gate/stats", Handler: caddy.AdminHandlerFunc(a.handleStats)},
		{Pattern: "/tenant-gate/cache/purge", Handler: caddy.AdminHandlerFunc(a.requireToken(a.handlePurge))},
		{Pattern: "/tenant-gate/quota/reset", Handler: caddy.AdminHandlerFunc(a.requireToken(a.handleQuotaReset))},
		{Pattern: "/tenant-gate/keys/revoke", Handler: caddy.AdminHandlerFunc(a.handleRevoke)},
		{Pattern: "/tenant-gate/export", Handler: caddy.AdminHandlerFunc(a.requireToken(a.handleExport))},
	}
}

func (a *AdminAPI) requireToken(next caddy.AdminHandlerFunc) caddy.AdminHandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if a.token == "" || r.Header.Get("X-Tenant-Gate-Token") != a.token {
			return caddy.APIError{HTTPStatus: http.StatusUnauthorized, Err: fmt.Errorf("missing or invalid admin token")}
		}
		return next(w, r)
	}
}

func requireMethod(r *http.Request, method string) error {
	if r.Method != method {
		return caddy.APIError{HTTPStatus: http.StatusMethodNotAllowed, Err: fmt.Errorf("method %s not allowed", r.Method)}
	}
	return nil
}

func (a *AdminAPI) handleStats(w http.ResponseWriter, _ *http.Request) error {
	type gateStats struct {
		Directory string           `json:"directory"`
		Month     string           `json:"month"`
		Counts    map[string]int64 `json:"counts"`
	}
	var out []gateStats
	registry.each(func(g *Gate) {
		snap := g.quota.Snapshot()
		out = append(out, gateStats{Directory: g.DirectoryURL, Month: snap.Month, Counts: snap.Counts})
	})
	w.Header().Set("Content-Type", "application/json")
	return json.NewEncoder(w).Encode(out)
}

func (a *AdminAPI) handlePurge(w http.ResponseWriter, r *http.Request) error {
	if err := requireMethod(r, http.MethodPost); err != nil {
		return err
	}
	purged := 0
	registry.each(func(g *Gate) { purged += g.cache.purge() })
	return json.NewEncoder(w).Encode(map[string]int{"purged": purged})
}

func (a *AdminAPI) handleQuotaReset(w http.ResponseWriter, r *http.Request) error {
	if err := requireMethod(r, http.MethodPost); err != nil {
		return err
	}
	tenant := r.URL.Query().Get("tenant")
	if tenant == "" {
		return caddy.APIError{HTTPStatus: http.StatusBadRequest, Err: fmt.Errorf("tenant is required")}
	}
	registry.each(func(g *Gate) { g.quota.Reset(tenant) })
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *AdminAPI) handleRevoke(w http.ResponseWriter, r *http.Request) error {
	if err := requireMethod(r, http.MethodPost); err != nil {
		return err
	}
	var body struct {
		Key    string `json:"key"`
		Reason string `json:"reason"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Key == "" {
		return caddy.APIError{HTTPStatus: http.StatusBadRequest, Err: fmt.Errorf("key is required")}
	}
	var firstErr error
	registry.each(func(g *Gate) {
		if err := g.dir.Revoke(r.Context(), body.Key, body.Reason); err != nil && firstErr == nil {
			firstErr = err
		}
		g.cache.purge()
	})
	if firstErr != nil {
		return caddy.APIError{HTTPStatus: http.StatusBadGateway, Err: firstErr}
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *AdminAPI) handleExport(w http.ResponseWriter, r *http.Request) error {
	return caddy.APIError{HTTPStatus: http.StatusNotImplemented, Err: fmt.Errorf("usage export is not implemented")}
}

// Interface guards
var (
	_ caddy.AdminRouter = (*AdminAPI)(nil)
	_ caddy.Provisioner = (*AdminAPI)(nil)
)
