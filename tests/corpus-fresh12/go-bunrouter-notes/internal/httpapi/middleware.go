package httpapi

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"log/slog"
	"net/http"
	"strings"

	"github.com/uptrace/bunrouter"
)

type ctxKey int

const userKey ctxKey = iota

type User struct {
	ID    string
	Admin bool
}

func UserFrom(ctx context.Context) (User, bool) {
	u, ok := ctx.Value(userKey).(User)
	return u, ok
}

// Session tokens are "<userID>.<admin 0|1>.<base64 hmac>" minted by the login service.
func (s *Server) parseSession(token string) (User, bool) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return User{}, false
	}
	mac := hmac.New(sha256.New, []byte(s.cfg.SessionSecret))
	mac.Write([]byte(parts[0] + "." + parts[1]))
	want := base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
	if subtle.ConstantTimeCompare([]byte(want), []byte(parts[2])) != 1 {
		return User{}, false
	}
	return User{ID: parts[0], Admin: parts[1] == "1"}, true
}

func (s *Server) requireSession(next bunrouter.HandlerFunc) bunrouter.HandlerFunc {
	return func(w http.ResponseWriter, req bunrouter.Request) error {
		token := strings.TrimPrefix(req.Header.Get("Authorization"), "Bearer ")
		user, ok := s.parseSession(token)
		if !ok {
			return writeError(w, http.StatusUnauthorized, "invalid session")
		}
		ctx := context.WithValue(req.Context(), userKey, user)
		return next(w, req.WithContext(ctx))
	}
}

func (s *Server) requireAdmin(next bunrouter.HandlerFunc) bunrouter.HandlerFunc {
	return func(w http.ResponseWriter, req bunrouter.Request) error {
		user, ok := UserFrom(req.Context())
		if !ok || !user.Admin {
			slog.Warn("admin route denied", "path", req.URL.Path, "user", user.ID)
			return writeError(w, http.StatusForbidden, "admin only")
		}
		return next(w, req)
	}
}

// requireIngestKey protects the machine-to-machine import endpoint.
func (s *Server) requireIngestKey(next bunrouter.HandlerFunc) bunrouter.HandlerFunc {
	return func(w http.ResponseWriter, req bunrouter.Request) error {
		if req.Header.Get("X-Ingest-Key") != s.cfg.IngestKey || s.cfg.IngestKey == "" {
			return writeError(w, http.StatusUnauthorized, "invalid ingest key")
		}
		return next(w, req)
	}
}
