package server

import (
	"context"
	"crypto/subtle"
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"
)

type ctxKey int

const userKey ctxKey = iota

// UserFrom returns the authenticated user id stored by authenticate.
func UserFrom(ctx context.Context) (string, bool) {
	u, ok := ctx.Value(userKey).(string)
	return u, ok
}

// authenticate resolves the bearer token to a user. Mounted on the /api router.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		var user string
		for candidate, uid := range s.cfg.APITokens {
			if subtle.ConstantTimeCompare([]byte(candidate), []byte(token)) == 1 {
				user = uid
			}
		}
		if user == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, user)))
	})
}

// RequireAdmin only lets members of cfg admins through; for the /api/admin routes.
func RequireAdmin(admins map[string]bool) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			user, ok := UserFrom(r.Context())
			if !ok || !admins[user] {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// requireOwner makes sure the note in the URL belongs to the caller.
func (s *Server) requireOwner(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
		if err != nil {
			http.Error(w, "bad id", http.StatusBadRequest)
			return
		}
		note, err := s.store.Get(r.Context(), id)
		if err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		if user, _ := UserFrom(r.Context()); note.Owner != user {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// hookNetworks are the event bridge subnet plus loopback for the local bridge emulator.
var hookNetworks = []*net.IPNet{mustCIDR("10.42.0.0/16"), mustCIDR("127.0.0.0/8")}

func mustCIDR(s string) *net.IPNet {
	_, n, err := net.ParseCIDR(s)
	if err != nil {
		panic(err)
	}
	return n
}

func inHookNetworks(ip net.IP) bool {
	for _, n := range hookNetworks {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

// requireHookSource only accepts mirror callbacks from the event bridge subnet.
func (s *Server) requireHookSource(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil || !inHookNetworks(net.ParseIP(host)) {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// logRequests is a tiny access logger.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.log.Printf("%s %s", r.Method, r.URL.Path)
		next.ServeHTTP(w, r)
	})
}
