package auth

import (
	"context"
	"crypto/subtle"
	"net/http"
	"strings"
)

type userKey struct{}

// Tokens maps API tokens to user ids. Lookups walk the whole table with a
// constant-time compare so timing does not reveal token prefixes.
type Tokens struct {
	entries []entry
}

type entry struct {
	token []byte
	user  string
}

func NewTokens(m map[string]string) *Tokens {
	t := &Tokens{}
	for token, user := range m {
		t.entries = append(t.entries, entry{token: []byte(token), user: user})
	}
	return t
}

func (t *Tokens) Lookup(presented string) (string, bool) {
	p := []byte(presented)
	user, found := "", false
	for _, e := range t.entries {
		if subtle.ConstantTimeCompare(e.token, p) == 1 {
			user, found = e.user, true
		}
	}
	return user, found
}

func UserFrom(ctx context.Context) (string, bool) {
	u, ok := ctx.Value(userKey{}).(string)
	return u, ok && u != ""
}

func WithUser(ctx context.Context, user string) context.Context {
	return context.WithValue(ctx, userKey{}, user)
}

// Require rejects requests without a valid bearer token and stores the user in
// the request context for handlers and tusd hooks.
func Require(tokens *Tokens, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="vault"`)
			http.Error(w, "missing bearer token", http.StatusUnauthorized)
			return
		}
		user, ok := tokens.Lookup(raw)
		if !ok {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(WithUser(r.Context(), user)))
	})
}
