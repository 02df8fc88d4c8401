// Package auth checks that requests to the app come from its Dapr sidecar.
package auth

import (
	"context"
	"crypto/subtle"
	"net/http"
	"slices"

	"google.golang.org/grpc/metadata"
)

const (
	APITokenHeader = "dapr-api-token"
	CallerAppIDKey = "dapr-caller-app-id"
)

// DaprToken rejects requests that do not carry the APP_API_TOKEN daprd was started with.
// Topic and binding deliveries reach the app over the same mux, so the check covers them too.
func DaprToken(want string, skip ...string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if slices.Contains(skip, r.URL.Path) {
				next.ServeHTTP(w, r)
				return
			}
			got := r.Header.Get(APITokenHeader)
			if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// CallerAppID is the app id of the Dapr app that invoked us; daprd sets it and strips any
// value a caller tries to send.
func CallerAppID(ctx context.Context) string {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return ""
	}
	if v := md.Get(CallerAppIDKey); len(v) > 0 {
		return v[0]
	}
	return ""
}
