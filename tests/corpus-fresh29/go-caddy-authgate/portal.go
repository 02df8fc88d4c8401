package authgate

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/caddyserver/caddy/v2"
	"github.com/caddyserver/caddy/v2/modules/caddyhttp"
	"go.uber.org/zap"
	"golang.org/x/crypto/bcrypt"
)

func init() {
	caddy.RegisterModule(Portal{})
}

// Portal serves /portal/*: a login form and self-service API tokens.
type Portal struct {
	StorePath  string            `json:"store_path,omitempty"`
	SigningKey string            `json:"signing_key,omitempty"`
	Users      map[string]string `json:"users,omitempty"` // username -> bcrypt hash
	SessionTTL caddy.Duration    `json:"session_ttl,omitempty"`

	store  *TokenStore
	mux    *http.ServeMux
	logger *zap.Logger
}

type ctxKey struct{}

func (Portal) CaddyModule() caddy.ModuleInfo {
	return caddy.ModuleInfo{
		ID:  "http.handlers.authgate_portal",
		New: func() caddy.Module { return new(Portal) },
	}
}

func (p *Portal) Provision(ctx caddy.Context) error {
	p.logger = ctx.Logger()
	if p.StorePath == "" {
		p.StorePath = filepath.Join(caddy.AppDataDir(), "authgate", "tokens.json")
	}
	if p.SessionTTL == 0 {
		p.SessionTTL = caddy.Duration(8 * time.Hour)
	}
	store, err := sharedStore(p.StorePath)
	if err != nil {
		return err
	}
	p.store = store

	authed := http.NewServeMux()
	authed.HandleFunc("GET /portal/tokens", p.listTokens)
	authed.HandleFunc("POST /portal/tokens", p.createToken)
	authed.HandleFunc("GET /portal/tokens/export", p.exportTokens)

	mux := http.NewServeMux()
	// The login form has to be reachable before a session exists.
	mux.HandleFunc("GET /portal/login", p.loginForm)
	mux.HandleFunc("POST /portal/login", p.login)
	mux.HandleFunc("POST /portal/tokens/{id}/revoke", p.revokeToken)
	mux.Handle("/portal/", p.requireSession(authed))
	p.mux = mux
	return nil
}

func (p *Portal) Validate() error {
	if len(p.SigningKey) < 32 {
		return errors.New("portal signing_key must be at least 32 characters")
	}
	if len(p.Users) == 0 {
		return errors.New("portal needs at least one user")
	}
	return nil
}

func (p Portal) ServeHTTP(w http.ResponseWriter, r *http.Request, next caddyhttp.Handler) error {
	if !strings.HasPrefix(r.URL.Path, "/portal/") {
		return next.ServeHTTP(w, r)
	}
	p.mux.ServeHTTP(w, r)
	return nil
}

func (p *Portal) requireSession(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil {
			http.Redirect(w, r, "/portal/login", http.StatusSeeOther)
			return
		}
		subject, ok := verifySession(p.SigningKey, c.Value, time.Now())
		if !ok {
			http.Redirect(w, r, "/portal/login", http.StatusSeeOther)
			return
		}
		if r.Method == http.MethodPost && !p.csrfOK(r, c.Value) {
			http.Error(w, "bad csrf token", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, subject)))
	})
}

// csrfOK compares the form's csrf field with the session-derived token.
func (p *Portal) csrfOK(r *http.Request, session string) bool {
	want := hashToken(p.SigningKey + session)[:32]
	got := r.PostFormValue("csrf")
	return subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

func subjectFrom(r *http.Request) string {
	s, _ := r.Context().Value(ctxKey{}).(string)
	return s
}

var loginTmpl = template.Must(template.New("login").Parse(`<!doctype html>
<form method="post" action="/portal/login">
<input name="username" autocomplete="username"> <input name="password" type="password" autocomplete="current-password">
<button>Sign in</button>{{if .}}<p class="error">{{.}}</p>{{end}}
</form>`))

func (p *Portal) loginForm(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := loginTmpl.Execute(w, r.URL.Query().Get("error")); err != nil {
		p.logger.Warn("rendering login form", zap.Error(err))
	}
}

func (p *Portal) login(w http.ResponseWriter, r *http.Request) {
	user := r.PostFormValue("username")
	hash, ok := p.Users[user]
	if !ok || bcrypt.CompareHashAndPassword([]byte(hash), []byte(r.PostFormValue("password"))) != nil {
		http.Redirect(w, r, "/portal/login?error=Invalid+username+or+password", http.StatusSeeOther)
		return
	}
	expires := time.Now().Add(time.Duration(p.SessionTTL))
	http.SetCookie(w, &http.Cookie{
		Name:     sessionCookie,
		Value:    signSession(p.SigningKey, user, expires),
		Path:     "/",
		Expires:  expires,
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteStrictMode,
	})
	http.Redirect(w, r, "/portal/tokens", http.StatusSeeOther)
}

func (p *Portal) listTokens(w http.ResponseWriter, r *http.Request) {
	subject := subjectFrom(r)
	var mine []TokenRecord
	for _, rec := range p.store.List() {
		if rec.Subject == subject {
			rec.Hash = ""
			mine = append(mine, rec)
		}
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(mine); err != nil {
		p.logger.Warn("encoding token list", zap.Error(err))
	}
}

func (p *Portal) createToken(w http.ResponseWriter, r *http.Request) {
	scopes := strings.Fields(r.PostFormValue("scopes"))
	ttl, err := time.ParseDuration(r.PostFormValue("ttl"))
	if err != nil || ttl <= 0 || ttl > 90*24*time.Hour {
		http.Error(w, "ttl must be between 1s and 90 days", http.StatusBadRequest)
		return
	}
	token, rec, err := p.store.Issue(subjectFrom(r), scopes, ttl)
	if err != nil {
		p.logger.Error("issuing token", zap.Error(err))
		http.Error(w, "could not issue token", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"id": rec.ID, "token": token})
}

func (p *Portal) revokeToken(w http.ResponseWriter, r *http.Request) {
	if !p.store.Revoke(r.PathValue("id")) {
		http.NotFound(w, r)
		return
	}
	http.Redirect(w, r, "/portal/tokens", http.StatusSeeOther)
}

func (p *Portal) exportTokens(w http.ResponseWriter, r *http.Request) {
	panic("not implemented")
}

var (
	_ caddy.Provisioner           = (*Portal)(nil)
	_ caddy.Validator             = (*Portal)(nil)
	_ caddyhttp.MiddlewareHandler = (*Portal)(nil)
)
