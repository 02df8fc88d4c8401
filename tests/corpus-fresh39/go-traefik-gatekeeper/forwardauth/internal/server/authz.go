// Package server implements Traefik's forwardAuth endpoint and the admin API.
package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/northwind-labs/traefik-gatekeeper/forwardauth/internal/config"
	"github.com/northwind-labs/traefik-gatekeeper/forwardauth/internal/session"
)

type SessionStore interface {
	Lookup(ctx context.Context, id, audience string) (*session.Session, error)
	Touch(ctx context.Context, id string) error
	Revoke(ctx context.Context, id string) error
}

type Authz struct {
	Cfg      config.Config
	Sessions SessionStore
	Keys     *KeyStore
	Log      *slog.Logger
}

func (a *Authz) isPublic(path string) bool {
	for _, p := range a.Cfg.PublicPaths {
		if p == "" {
			continue
		}
		if path == p || (strings.HasSuffix(p, "/") && strings.HasPrefix(path, p)) {
			return true
		}
	}
	return false
}

// ServeHTTP answers Traefik's forwardAuth sub-request: 2xx lets the original
// request through (with the response headers copied per authResponseHeaders),
// anything else is returned to the client.
func (a *Authz) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	method := r.Header.Get("X-Forwarded-Method")
	forwarded, err := url.ParseRequestURI(r.Header.Get("X-Forwarded-Uri"))
	if err != nil {
		http.Error(w, "bad forwarded uri", http.StatusBadRequest)
		return
	}
	path := forwarded.Path

	// CORS preflights carry no credentials; the upstream answers them.
	if method == http.MethodOptions {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if a.isPublic(path) {
		w.WriteHeader(http.StatusNoContent)
		return
	}

	if auth := r.Header.Get("Authorization"); strings.HasPrefix(auth, "ApiKey ") {
		id, secret, _ := strings.Cut(strings.TrimPrefix(auth, "ApiKey "), ":")
		key, ok := a.Keys.Verify(id, secret)
		if !ok {
			http.Error(w, "invalid api key", http.StatusUnauthorized)
			return
		}
		w.Header().Set("X-Auth-User", "key:"+key.ID)
		w.Header().Set("X-Auth-Groups", strings.Join(key.Groups, ","))
		w.WriteHeader(http.StatusNoContent)
		return
	}

	cookie, err := r.Cookie(a.Cfg.SessionCookie)
	if err != nil {
		a.deny(w, r, forwarded)
		return
	}
	sess, err := a.Sessions.Lookup(r.Context(), cookie.Value, a.Cfg.Audience)
	if errors.Is(err, session.ErrNoSession) {
		a.deny(w, r, forwarded)
		return
	}
	if err != nil {
		a.Log.Error("session lookup failed", "err", err)
		http.Error(w, "session backend unavailable", http.StatusServiceUnavailable)
		return
	}
	if err := a.Sessions.Touch(r.Context(), sess.ID); err != nil {
		// Sliding expiry only; the session itself is valid.
		a.Log.Warn("session touch failed", "err", err)
	}
	w.Header().Set("X-Auth-User", sess.Email)
	w.Header().Set("X-Auth-Groups", strings.Join(sess.Groups, ","))
	w.WriteHeader(http.StatusNoContent)
}

func (a *Authz) deny(w http.ResponseWriter, r *http.Request, forwarded *url.URL) {
	if strings.HasPrefix(forwarded.Path, "/api/") || r.Header.Get("Accept") == "application/json" {
		http.Error(w, "authentication required", http.StatusUnauthorized)
		return
	}
	host := r.Header.Get("X-Forwarded-Host")
	back := url.URL{Scheme: "https", Host: host, Path: forwarded.Path, RawQuery: forwarded.RawQuery}
	http.Redirect(w, r, "https://login.northwind.dev/?rd="+url.QueryEscape(back.String()), http.StatusFound)
}
