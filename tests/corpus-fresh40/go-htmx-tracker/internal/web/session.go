package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"time"

	"github.com/northwind/tracker/internal/store"
)

const sessionCookie = "tracker_session"

type session struct {
	UserID   int64  `json:"uid"`
	CSRF     string `json:"csrf"`
	IssuedAt int64  `json:"iat"`
}

type ctxKey int

const (
	userKey ctxKey = iota
	sessionKey
)

func userFrom(ctx context.Context) *store.User {
	u, _ := ctx.Value(userKey).(*store.User)
	return u
}

func sessionFrom(ctx context.Context) *session {
	s, _ := ctx.Value(sessionKey).(*session)
	return s
}

func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func (s *Server) startSession(w http.ResponseWriter, user *store.User) error {
	value, err := s.cookies.Encode(sessionCookie, session{UserID: user.ID, CSRF: randomToken(), IssuedAt: time.Now().Unix()})
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{
		Name:     sessionCookie,
		Value:    value,
		Path:     "/",
		HttpOnly: true,
		Secure:   s.secureCookies,
		SameSite: http.SameSiteLaxMode,
		MaxAge:   int(s.sessionTTL.Seconds()),
	})
	return nil
}

func (s *Server) endSession(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true})
}

// withSession decodes the signed cookie (securecookie checks the HMAC) and loads the user.
func (s *Server) withSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cookie, err := r.Cookie(sessionCookie)
		if err != nil {
			next.ServeHTTP(w, r)
			return
		}
		var sess session
		if err := s.cookies.Decode(sessionCookie, cookie.Value, &sess); err != nil {
			s.endSession(w)
			next.ServeHTTP(w, r)
			return
		}
		if time.Since(time.Unix(sess.IssuedAt, 0)) > s.sessionTTL {
			s.endSession(w)
			next.ServeHTTP(w, r)
			return
		}
		user, err := s.store.UserByID(r.Context(), sess.UserID)
		if err != nil || user.Disabled {
			s.endSession(w)
			next.ServeHTTP(w, r)
			return
		}
		ctx := context.WithValue(r.Context(), userKey, user)
		ctx = context.WithValue(ctx, sessionKey, &sess)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// verifyCSRF checks the per-session token on every state-changing request. htmx sends it
// in X-CSRF-Token (hx-headers on <body>); plain forms post it as csrf_token.
func (s *Server) verifyCSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		}
		if r.URL.Path == "/login" {
			next.ServeHTTP(w, r)
			return
		}
		sess := sessionFrom(r.Context())
		token := r.Header.Get("X-CSRF-Token")
		if token == "" {
			token = r.FormValue("csrf_token")
		}
		if sess == nil || token == "" || token != sess.CSRF {
			http.Error(w, "invalid CSRF token", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}
