package auth

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

type Role string

const (
	RoleSupport Role = "support"
	RoleBilling Role = "billing"
	RoleAdmin   Role = "admin"
)

type Principal struct {
	Subject string
	Roles   []Role
	Expires time.Time
}

func (p *Principal) Has(role Role) bool {
	for _, r := range p.Roles {
		if r == role || r == RoleAdmin {
			return true
		}
	}
	return false
}

type ctxKey struct{}

func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, ctxKey{}, p)
}

func FromContext(ctx context.Context) (*Principal, bool) {
	p, ok := ctx.Value(ctxKey{}).(*Principal)
	return p, ok && p != nil
}

// Authenticator resolves bearer tokens through the SSO introspection endpoint.
// The nightly reconciliation job uses a static service token instead.
type Authenticator struct {
	introspectURL string
	clientID      string
	clientSecret  string
	serviceToken  string
	http          *http.Client

	mu    sync.Mutex
	cache map[string]*Principal
}

func NewAuthenticator(introspectURL, clientID, clientSecret, serviceToken string) *Authenticator {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	return &Authenticator{
		introspectURL: introspectURL,
		clientID:      clientID,
		clientSecret:  clientSecret,
		serviceToken:  serviceToken,
		http:          &http.Client{Transport: transport, Timeout: 5 * time.Second},
		cache:         map[string]*Principal{},
	}
}

func bearer(r *http.Request) string {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}

func (a *Authenticator) Authenticate(ctx context.Context, token string) (*Principal, error) {
	if token == "" {
		return nil, fmt.Errorf("no bearer token")
	}
	if a.serviceToken != "" && token == a.serviceToken {
		return &Principal{Subject: "svc:reconciliation", Roles: []Role{RoleBilling}}, nil
	}

	a.mu.Lock()
	cached, ok := a.cache[token]
	a.mu.Unlock()
	if ok && time.Now().Before(cached.Expires) {
		return cached, nil
	}

	form := url.Values{"token": {token}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.introspectURL, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(a.clientID, a.clientSecret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := a.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("introspection: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("introspection: status %d", resp.StatusCode)
	}
	var body struct {
		Active bool     `json:"active"`
		Sub    string   `json:"sub"`
		Exp    int64    `json:"exp"`
		Roles  []string `json:"billing_roles"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, fmt.Errorf("introspection: %w", err)
	}
	if !body.Active {
		return nil, fmt.Errorf("token is not active")
	}
	p := &Principal{Subject: body.Sub, Expires: time.Unix(body.Exp, 0)}
	for _, r := range body.Roles {
		p.Roles = append(p.Roles, Role(r))
	}

	a.mu.Lock()
	a.cache[token] = p
	a.mu.Unlock()
	return p, nil
}

// Middleware rejects requests without a valid bearer token before they reach the MCP transport.
func (a *Authenticator) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := a.Authenticate(r.Context(), bearer(r)); err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="billing-mcp"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// HTTPContextFunc is passed to server.WithHTTPContextFunc so tool handlers see the caller.
func (a *Authenticator) HTTPContextFunc(ctx context.Context, r *http.Request) context.Context {
	p, err := a.Authenticate(ctx, bearer(r))
	if err != nil {
		return ctx
	}
	return WithPrincipal(ctx, p)
}
