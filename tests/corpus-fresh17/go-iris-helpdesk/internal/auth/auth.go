package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kataras/iris/v12"
)

type Claims struct {
	UserID  int64
	Role    string
	Expires time.Time
}

var ErrInvalidToken = errors.New("invalid token")

type Signer struct {
	key []byte
	now func() time.Time
}

func NewSigner(key []byte) *Signer {
	return &Signer{key: key, now: time.Now}
}

func (s *Signer) mac(payload string) []byte {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(payload))
	return m.Sum(nil)
}

// Issue returns "<user>.<role>.<unix-exp>.<sig>".
func (s *Signer) Issue(c Claims) string {
	payload := fmt.Sprintf("%d.%s.%d", c.UserID, c.Role, c.Expires.Unix())
	return payload + "." + base64.RawURLEncoding.EncodeToString(s.mac(payload))
}

func (s *Signer) Verify(token string) (*Claims, error) {
	idx := strings.LastIndexByte(token, '.')
	if idx < 0 {
		return nil, ErrInvalidToken
	}
	payload, sig := token[:idx], token[idx+1:]
	raw, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil || !hmac.Equal(raw, s.mac(payload)) {
		return nil, ErrInvalidToken
	}
	parts := strings.Split(payload, ".")
	if len(parts) != 3 {
		return nil, ErrInvalidToken
	}
	id, err1 := strconv.ParseInt(parts[0], 10, 64)
	exp, err2 := strconv.ParseInt(parts[2], 10, 64)
	if err1 != nil || err2 != nil || s.now().Unix() > exp {
		return nil, ErrInvalidToken
	}
	return &Claims{UserID: id, Role: parts[1], Expires: time.Unix(exp, 0)}, nil
}

const claimsKey = "helpdesk.claims"

func RequireUser(s *Signer) iris.Handler {
	return func(ctx iris.Context) {
		header := ctx.GetHeader("Authorization")
		token, ok := strings.CutPrefix(header, "Bearer ")
		if !ok {
			ctx.StopWithStatus(iris.StatusUnauthorized)
			return
		}
		claims, err := s.Verify(token)
		if err != nil {
			ctx.StopWithStatus(iris.StatusUnauthorized)
			return
		}
		ctx.Values().Set(claimsKey, claims)
		ctx.Next()
	}
}

func RequireRole(role string) iris.Handler {
	return func(ctx iris.Context) {
		claims, _ := ctx.Values().Get(claimsKey).(*Claims)
		if claims == nil || claims.Role != role {
			ctx.StopWithStatus(iris.StatusForbidden)
			return
		}
		ctx.Next()
	}
}

func RequireServiceToken(expected string) iris.Handler {
	want := []byte(expected)
	return func(ctx iris.Context) {
		got := []byte(ctx.GetHeader("X-Service-Token"))
		if subtle.ConstantTimeCompare(got, want) != 1 {
			ctx.StopWithStatus(iris.StatusUnauthorized)
			return
		}
		ctx.Next()
	}
}

func ClaimsFrom(ctx iris.Context) *Claims {
	claims, _ := ctx.Values().Get(claimsKey).(*Claims)
	return claims
}
