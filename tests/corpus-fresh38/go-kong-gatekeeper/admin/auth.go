package main

import (
	"context"
	"net/http"
	"strings"
)

type ctxKey string

const actorKey ctxKey = "actor"

// requireToken admits requests carrying "Authorization: Bearer <token>".
func requireToken(token string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			presented, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || presented == "" || presented != token {
				writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "unauthorized"})
				return
			}
			actor := r.Header.Get("X-Actor")
			if actor == "" {
				actor = "token"
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), actorKey, actor)))
		})
	}
}

func actorFrom(r *http.Request) string {
	if a, ok := r.Context().Value(actorKey).(string); ok {
		return a
	}
	return "unknown"
}
