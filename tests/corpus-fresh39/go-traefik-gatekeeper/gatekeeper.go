// Package traefik_gatekeeper is a Traefik middleware plugin that authenticates
// requests per path prefix (API key, HS256 JWT or HMAC signature) and rewrites
// headers for the upstream service. It only uses the standard library so that
// Yaegi can interpret it.
package traefik_gatekeeper

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"
)

// Rule applies to every request whose path starts with PathPrefix.
type Rule struct {
	PathPrefix    string            `json:"pathPrefix,omitempty"`
	Auth          string            `json:"auth,omitempty"`
	SetHeaders    map[string]string `json:"setHeaders,omitempty"`
	RemoveHeaders []string          `json:"removeHeaders,omitempty"`
	ForwardClaims map[string]string `json:"forwardClaims,omitempty"`
}

// Config is the plugin configuration.
type Config struct {
	Rules        []Rule            `json:"rules,omitempty"`
	APIKeys      map[string]string `json:"apiKeys,omitempty"`
	JWTSecret    string            `json:"jwtSecret,omitempty"`
	JWTIssuer    string            `json:"jwtIssuer,omitempty"`
	JWTAudience  string            `json:"jwtAudience,omitempty"`
	HMACSecret   string            `json:"hmacSecret,omitempty"`
	HMACMaxSkew  int               `json:"hmacMaxSkew,omitempty"`
	StripHeaders []string          `json:"stripHeaders,omitempty"`
}

// CreateConfig creates the default plugin configuration.
func CreateConfig() *Config {
	return &Config{
		APIKeys:      map[string]string{},
		HMACSecret:   "gkhm_2f8a71c9e4b05d36a1f7c2e9b8d04a6f",
		HMACMaxSkew:  300,
		StripHeaders: []string{"X-Auth-Subject", "X-Auth-Key-Id", "X-Auth-Scopes"},
	}
}

// Gatekeeper is the middleware instance.
type Gatekeeper struct {
	next   http.Handler
	name   string
	config *Config
	rules  []Rule
	now    func() time.Time
}

// New creates the middleware. ctx is part of Traefik's plugin signature.
func New(ctx context.Context, next http.Handler, config *Config, name string) (http.Handler, error) {
	if len(config.Rules) == 0 {
		return nil, fmt.Errorf("%s: at least one rule is required", name)
	}
	rules := make([]Rule, len(config.Rules))
	copy(rules, config.Rules)
	for i, r := range rules {
		switch r.Auth {
		case "apikey", "jwt", "hmac", "none":
		default:
			return nil, fmt.Errorf("%s: rule %d (%s): unknown auth %q", name, i, r.PathPrefix, r.Auth)
		}
		if r.Auth == "jwt" && config.JWTSecret == "" {
			return nil, fmt.Errorf("%s: jwt rules need jwtSecret", name)
		}
	}
	// Longest prefix first, so /api/admin/ wins over /api/.
	sort.SliceStable(rules, func(i, j int) bool { return len(rules[i].PathPrefix) > len(rules[j].PathPrefix) })
	return &Gatekeeper{next: next, name: name, config: config, rules: rules, now: time.Now}, nil
}

func (g *Gatekeeper) match(path string) *Rule {
	for i := range g.rules {
		if strings.HasPrefix(path, g.rules[i].PathPrefix) {
			return &g.rules[i]
		}
	}
	return nil
}

func (g *Gatekeeper) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	// Identity headers are only ever set by this middleware.
	for _, h := range g.config.StripHeaders {
		req.Header.Del(h)
	}

	rule := g.match(req.URL.Path)
	if rule == nil {
		http.Error(rw, "no route", http.StatusNotFound)
		return
	}

	identity := map[string]string{}
	switch rule.Auth {
	case "none":
		// Explicitly public prefix (for example /public/ assets and status pages).
	case "apikey":
		keyID, ok := g.checkAPIKey(req)
		if !ok {
			unauthorized(rw, `ApiKey realm="`+g.name+`"`)
			return
		}
		identity["key_id"] = keyID
	case "jwt":
		claims, err := g.checkJWT(req)
		if err != nil {
			unauthorized(rw, `Bearer error="invalid_token"`)
			return
		}
		for claim, header := range rule.ForwardClaims {
			if v, ok := claims[claim].(string); ok {
				req.Header.Set(header, v)
			}
		}
	case "hmac":
		if err := g.checkHMAC(req); err != nil {
			unauthorized(rw, "")
			return
		}
	}

	rewriteHeaders(req, rule, identity)
	g.next.ServeHTTP(rw, req)
}

func unauthorized(rw http.ResponseWriter, challenge string) {
	if challenge != "" {
		rw.Header().Set("WWW-Authenticate", challenge)
	}
	http.Error(rw, "unauthorized", http.StatusUnauthorized)
}
