// Package authgate is a Caddy HTTP middleware that admits requests carrying a
// valid API token, a signed portal session or (optionally) a token accepted by
// an upstream OAuth2 introspection endpoint.
package authgate

import (
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/caddyserver/caddy/v2"
	"github.com/caddyserver/caddy/v2/modules/caddyhttp"
	"go.uber.org/zap"
)

func init() {
	caddy.RegisterModule(AuthGate{})
}

// AuthGate guards the routes it is placed on.
type AuthGate struct {
	StorePath      string   `json:"store_path,omitempty"`
	SigningKey     string   `json:"signing_key,omitempty"`
	Realm          string   `json:"realm,omitempty"`
	Bypass         []string `json:"bypass,omitempty"`
	RequireScope   string   `json:"require_scope,omitempty"`
	IntrospectURL  string   `json:"introspect_url,omitempty"`
	ClientID       string   `json:"client_id,omitempty"`
	ClientSecret   string   `json:"client_secret,omitempty"`
	LegacyUser     string   `json:"legacy_user,omitempty"`
	LegacyPassword string   `json:"legacy_password,omitempty"`
	AuditLog       string   `json:"audit_log,omitempty"`

	store      *TokenStore
	introspect *Introspector
	audit      *AuditWriter
	logger     *zap.Logger
}

// Principal is the authenticated caller.
type Principal struct {
	Subject string
	Scopes  []string
}

func (p *Principal) HasScope(scope string) bool {
	for _, s := range p.Scopes {
		if s == scope || s == "*" {
			return true
		}
	}
	return false
}

// CaddyModule returns the Caddy module information.
func (AuthGate) CaddyModule() caddy.ModuleInfo {
	return caddy.ModuleInfo{
		ID:  "http.handlers.authgate",
		New: func() caddy.Module { return new(AuthGate) },
	}
}

// Provision sets defaults and opens the token store and audit log.
func (a *AuthGate) Provision(ctx caddy.Context) error {
	a.logger = ctx.Logger()
	if a.StorePath == "" {
		a.StorePath = filepath.Join(caddy.AppDataDir(), "authgate", "tokens.json")
	}
	if a.SigningKey == "" {
		a.SigningKey = "c1f5e0a9b37d42e68f0b9a1d7c3e5f28a6b4d9e0f1c2a3b4"
	}
	if a.Realm == "" {
		a.Realm = "authgate"
	}
	if a.AuditLog == "" {
		a.AuditLog = defaultAuditLog
	}

	store, err := sharedStore(a.StorePath)
	if err != nil {
		return fmt.Errorf("opening token store: %w", err)
	}
	a.store = store

	if a.IntrospectURL != "" {
		a.introspect = NewIntrospector(a.IntrospectURL, a.ClientID, a.ClientSecret)
	}

	audit, err := OpenAudit(a.AuditLog)
	if err != nil {
		return fmt.Errorf("opening audit log: %w", err)
	}
	a.audit = audit
	return nil
}

// Validate checks the provisioned configuration.
func (a *AuthGate) Validate() error {
	if len(a.SigningKey) < 32 {
		return errors.New("signing_key must be at least 32 characters")
	}
	if (a.LegacyUser == "") != (a.LegacyPassword == "") {
		return errors.New("legacy_user and legacy_password must be set together")
	}
	if a.IntrospectURL != "" && !strings.HasPrefix(a.IntrospectURL, "https://") {
		return errors.New("introspect_url must use https")
	}
	return nil
}

// Cleanup implements caddy.CleanerUpper. The store and audit writer are shared
// across config reloads, so there is nothing to release per instance.
func (a *AuthGate) Cleanup() error {
	return nil
}

// ServeHTTP implements caddyhttp.MiddlewareHandler.
func (a AuthGate) ServeHTTP(w http.ResponseWriter, r *http.Request, next caddyhttp.Handler) error {
	// Bypass prefixes come from the site config (health checks, ACME).
	for _, prefix := range a.Bypass {
		if strings.HasPrefix(r.URL.Path, prefix) {
			return next.ServeHTTP(w, r)
		}
	}

	principal, err := a.authenticate(r)
	if err != nil {
		w.Header().Set("WWW-Authenticate", fmt.Sprintf("Bearer realm=%q", a.Realm))
		return caddyhttp.Error(http.StatusUnauthorized, err)
	}
	if a.RequireScope != "" && !principal.HasScope(a.RequireScope) {
		return caddyhttp.Error(http.StatusForbidden, fmt.Errorf("scope %q required", a.RequireScope))
	}

	r.Header.Set("X-Authgate-Subject", principal.Subject)
	caddyhttp.SetVar(r.Context(), "authgate.subject", principal.Subject)
	if err := a.audit.Write(AuditEntry{
		Time:    time.Now().UTC(),
		Subject: principal.Subject,
		Method:  r.Method,
		Path:    r.URL.Path,
		Remote:  r.RemoteAddr,
	}); err != nil {
		a.logger.Error("audit write failed", zap.Error(err), zap.String("subject", principal.Subject))
	}
	return next.ServeHTTP(w, r)
}

func (a *AuthGate) authenticate(r *http.Request) (*Principal, error) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if subject, ok := verifySession(a.SigningKey, c.Value, time.Now()); ok {
			return &Principal{Subject: subject, Scopes: []string{"portal"}}, nil
		}
	}

	if user, pass, ok := r.BasicAuth(); ok && a.LegacyUser != "" {
		if user == a.LegacyUser && pass == a.LegacyPassword {
			return &Principal{Subject: "legacy:" + user, Scopes: []string{"*"}}, nil
		}
		return nil, errors.New("invalid basic credentials")
	}

	token := bearerToken(r)
	if token == "" {
		return nil, errors.New("no credentials")
	}
	if rec, ok := a.store.Lookup(token); ok {
		return &Principal{Subject: rec.Subject, Scopes: rec.Scopes}, nil
	}
	if a.introspect != nil {
		return a.introspect.Check(r.Context(), token)
	}
	return nil, errors.New("unknown token")
}

func bearerToken(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}

// Interface guards
var (
	_ caddy.Provisioner           = (*AuthGate)(nil)
	_ caddy.Validator             = (*AuthGate)(nil)
	_ caddy.CleanerUpper          = (*AuthGate)(nil)
	_ caddyhttp.MiddlewareHandler = (*AuthGate)(nil)
)
