package main

import (
	"crypto/rsa"
	"errors"
	"os"
	"strings"
	"sync"

	"github.com/Kong/go-pdk"
	"github.com/golang-jwt/jwt/v5"
)

var (
	pubKeyMu    sync.Mutex
	pubKeyCache = map[string]*rsa.PublicKey{}
)

func publicKey(path string) (*rsa.PublicKey, error) {
	pubKeyMu.Lock()
	defer pubKeyMu.Unlock()
	if key, ok := pubKeyCache[path]; ok {
		return key, nil
	}
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	key, err := jwt.ParseRSAPublicKeyFromPEM(pem)
	if err != nil {
		return nil, err
	}
	pubKeyCache[path] = key
	return key, nil
}

func (conf Config) verifyJWT(raw string) (string, error) {
	key, err := publicKey(conf.JWTPublicKeyFile)
	if err != nil {
		return "", err
	}
	claims := jwt.MapClaims{}
	_, err = jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (interface{}, error) { return key, nil },
		jwt.WithValidMethods([]string{"RS256"}),
		jwt.WithAudience(conf.JWTAudience),
		jwt.WithExpirationRequired(),
	)
	if err != nil {
		return "", err
	}
	if iss, _ := claims.GetIssuer(); iss != conf.JWTIssuer {
		return "", errors.New("unexpected issuer")
	}
	sub, err := claims.GetSubject()
	if err != nil || sub == "" {
		return "", errors.New("token has no subject")
	}
	return sub, nil
}

func (conf Config) checkJWT(kong *pdk.PDK) (string, bool) {
	header, err := kong.Request.GetHeader("Authorization")
	scheme, token, found := strings.Cut(header, " ")
	if err != nil || !found || !strings.EqualFold(scheme, "Bearer") || token == "" {
		deny(kong, 401, "bearer token required")
		return "", false
	}
	if strings.Count(token, ".") == 2 {
		sub, err := conf.verifyJWT(token)
		if err != nil {
			kong.Log.Info("gatekeeper: jwt rejected: ", err.Error())
			deny(kong, 401, "invalid token")
			return "", false
		}
		return sub, true
	}
	// Opaque tokens are checked with the identity provider.
	sub, active, err := introspect(conf, token)
	if err != nil {
		kong.Log.Err("gatekeeper: introspection failed: ", err.Error())
		deny(kong, 503, "identity provider unavailable")
		return "", false
	}
	if !active {
		deny(kong, 401, "invalid token")
		return "", false
	}
	return sub, true
}
