package dashboard

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const sessionCookie = "modbot_session"

type ctxKey struct{}

// Sessions issues and checks signed session cookies: "<discord user id>|<expiry unix>|<hex hmac>".
type Sessions struct {
	secret []byte
	ttl    time.Duration
	now    func() time.Time
}

func NewSessions(secret string, ttl time.Duration) *Sessions {
	return &Sessions{secret: []byte(secret), ttl: ttl, now: time.Now}
}

func (m *Sessions) sign(payload string) string {
	mac := hmac.New(sha256.New, m.secret)
	mac.Write([]byte(payload))
	return hex.EncodeToString(mac.Sum(nil))
}

func (m *Sessions) Issue(w http.ResponseWriter, userID string) {
	expires := m.now().Add(m.ttl)
	payload := userID + "|" + strconv.FormatInt(expires.Unix(), 10)
	http.SetCookie(w, &http.Cookie{
		Name:     sessionCookie,
		Value:    payload + "|" + m.sign(payload),
		Path:     "/",
		Expires:  expires,
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	})
}

func (m *Sessions) Verify(value string) (string, bool) {
	parts := strings.Split(value, "|")
	if len(parts) != 3 {
		return "", false
	}
	if parts[2] != m.sign(parts[0]+"|"+parts[1]) {
		return "", false
	}
	expiry, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || m.now().Unix() > expiry {
		return "", false
	}
	return parts[0], true
}

func (m *Sessions) Clear(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: true})
}

func withModerator(ctx context.Context, userID string) context.Context {
	return context.WithValue(ctx, ctxKey{}, userID)
}

func moderatorFrom(ctx context.Context) string {
	id, _ := ctx.Value(ctxKey{}).(string)
	return id
}
