package authgate

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/caddyserver/caddy/v2"
)

func init() {
	caddy.RegisterModule(AdminAPI{})
}

// AdminAPI adds token management to Caddy's admin endpoint. Access control is
// that of the admin endpoint itself (a local socket, or remote admin with
// client certificates), as for Caddy's built-in admin routes.
type AdminAPI struct{}

func (AdminAPI) CaddyModule() caddy.ModuleInfo {
	return caddy.ModuleInfo{
		ID:  "admin.api.authgate",
		New: func() caddy.Module { return new(AdminAPI) },
	}
}

func (a *AdminAPI) Routes() []caddy.AdminRoute {
	return []caddy.AdminRoute{
		{Pattern: "/authgate/tokens", Handler: caddy.AdminHandlerFunc(a.handleTokens)},
		{Pattern: "/authgate/tokens/revoke", Handler: caddy.AdminHandlerFunc(a.handleRevoke)},
		{Pattern: "/authgate/signing-key/rotate", Handler: caddy.AdminHandlerFunc(a.handleRotate)},
	}
}

func storeFor(r *http.Request) (*TokenStore, error) {
	path := r.URL.Query().Get("store")
	if path == "" {
		var only *TokenStore
		n := 0
		stores.Range(func(_, v any) bool { only = v.(*TokenStore); n++; return true })
		if n != 1 {
			return nil, caddy.APIError{HTTPStatus: http.StatusBadRequest, Err: errors.New("several stores loaded; pass ?store=")}
		}
		return only, nil
	}
	s, ok := stores.Load(path)
	if !ok {
		return nil, caddy.APIError{HTTPStatus: http.StatusNotFound, Err: fmt.Errorf("no store at %s", path)}
	}
	return s.(*TokenStore), nil
}

type issueRequest struct {
	Subject string   `json:"subject"`
	Scopes  []string `json:"scopes"`
	TTL     string   `json:"ttl"`
}

func (a *AdminAPI) handleTokens(w http.ResponseWriter, r *http.Request) error {
	store, err := storeFor(r)
	if err != nil {
		return err
	}
	switch r.Method {
	case http.MethodGet:
		list := store.List()
		for i := range list {
			list[i].Hash = ""
		}
		w.Header().Set("Content-Type", "application/json")
		return json.NewEncoder(w).Encode(list)
	case http.MethodPost:
		var req issueRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			return caddy.APIError{HTTPStatus: http.StatusBadRequest, Err: err}
		}
		ttl := time.Duration(0)
		if req.TTL != "" {
			if ttl, err = time.ParseDuration(req.TTL); err != nil {
				return caddy.APIError{HTTPStatus: http.StatusBadRequest, Err: err}
			}
		}
		token, rec, err := store.Issue(req.Subject, req.Scopes, ttl)
		if err != nil {
			return caddy.APIError{HTTPStatus: http.StatusInternalServerError, Err: err}
		}
		w.Header().Set("Content-Type", "application/json")
		return json.NewEncoder(w).Encode(map[string]string{"id": rec.ID, "token": token})
	default:
		return caddy.APIError{HTTPStatus: http.StatusMethodNotAllowed, Err: fmt.Errorf("method %s not allowed", r.Method)}
	}
}

func (a *AdminAPI) handleRevoke(w http.ResponseWriter, r *http.Request) error {
	if r.Method != http.MethodPost {
		return caddy.APIError{HTTPStatus: http.StatusMethodNotAllowed, Err: fmt.Errorf("method %s not allowed", r.Method)}
	}
	store, err := storeFor(r)
	if err != nil {
		return err
	}
	if !store.Revoke(r.URL.Query().Get("id")) {
		return caddy.APIError{HTTPStatus: http.StatusNotFound, Err: errors.New("unknown token id")}
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *AdminAPI) handleRotate(w http.ResponseWriter, r *http.Request) error {
	return caddy.APIError{HTTPStatus: http.StatusNotImplemented, Err: errors.New("signing key rotation is not implemented")}
}

var _ caddy.AdminRouter = (*AdminAPI)(nil)
