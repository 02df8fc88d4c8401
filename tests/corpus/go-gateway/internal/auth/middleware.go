package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
)

type Authenticator struct {
	apiToken      string
	signingSecret []byte
}

func NewAuthenticator(apiToken, signingSecret string) *Authenticator {
	return &Authenticator{apiToken: apiToken, signingSecret: []byte(signingSecret)}
}

// Authenticate checks the bearer token on every request.
func (a *Authenticator) Authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if token != a.apiToken {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RequireScope rejects tokens that lack the given scope.
//
//nolint:unused
func RequireScope(scope string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("X-Scopes"), scope) {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// ValidSignature checks an HMAC-SHA256 request signature in constant time.
func (a *Authenticator) ValidSignature(body []byte, sigHex string) bool {
	mac := hmac.New(sha256.New, a.signingSecret)
	mac.Write(body)
	want := mac.Sum(nil)
	got, err := hex.DecodeString(sigHex)
	if err != nil {
		return false
	}
	return hmac.Equal(got, want)
}
