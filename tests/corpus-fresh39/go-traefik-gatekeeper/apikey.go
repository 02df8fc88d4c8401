package traefik_gatekeeper

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strings"
)

// checkAPIKey accepts "X-Api-Key: <id>.<secret>". Configured keys are stored
// as hex SHA-256 of the secret so the dynamic configuration holds no secrets.
func (g *Gatekeeper) checkAPIKey(req *http.Request) (string, bool) {
	raw := req.Header.Get("X-Api-Key")
	id, secret, found := strings.Cut(raw, ".")
	if !found || id == "" || secret == "" {
		return "", false
	}
	want, known := g.config.APIKeys[id]
	if !known {
		return "", false
	}
	sum := sha256.Sum256([]byte(secret))
	got := hex.EncodeToString(sum[:])
	if subtle.ConstantTimeCompare([]byte(got), []byte(strings.ToLower(want))) != 1 {
		return "", false
	}
	return id, true
}
