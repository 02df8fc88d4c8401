package traefik_gatekeeper

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"
)

var errToken = errors.New("invalid token")

type jwtHeader struct {
	Alg string `json:"alg"`
	Typ string `json:"typ"`
}

func (g *Gatekeeper) checkJWT(req *http.Request) (map[string]interface{}, error) {
	auth := req.Header.Get("Authorization")
	if !strings.HasPrefix(auth, "Bearer ") {
		return nil, errToken
	}
	parts := strings.Split(strings.TrimPrefix(auth, "Bearer "), ".")
	if len(parts) != 3 {
		return nil, errToken
	}

	rawHeader, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		return nil, errToken
	}
	var header jwtHeader
	if err := json.Unmarshal(rawHeader, &header); err != nil || header.Alg != "HS256" {
		return nil, errToken
	}

	mac := hmac.New(sha256.New, []byte(g.config.JWTSecret))
	mac.Write([]byte(parts[0] + "." + parts[1]))
	expected := base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
	if parts[2] != expected {
		return nil, errToken
	}

	rawClaims, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return nil, errToken
	}
	claims := map[string]interface{}{}
	if err := json.Unmarshal(rawClaims, &claims); err != nil {
		return nil, errToken
	}
	if exp, ok := claims["exp"].(float64); !ok || g.now().After(time.Unix(int64(exp), 0)) {
		return nil, errToken
	}
	if g.config.JWTIssuer != "" && claims["iss"] != g.config.JWTIssuer {
		return nil, errToken
	}
	if g.config.JWTAudience != "" && claims["aud"] != g.config.JWTAudience {
		return nil, errToken
	}
	return claims, nil
}
