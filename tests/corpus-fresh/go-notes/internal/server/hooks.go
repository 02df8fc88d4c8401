package server

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
)

// mirrorHook receives "object replicated" notifications from the mirror bucket's
// event bridge. Requests are signed with HMAC-SHA256 over the raw body.
func (s *Server) mirrorHook(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}

	mac := hmac.New(sha256.New, []byte(s.cfg.HookSecret))
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	if r.Header.Get("X-Mirror-Signature") != expected {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}

	var evt struct {
		Key    string `json:"key"`
		Status string `json:"status"`
	}
	if err := json.Unmarshal(body, &evt); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	if evt.Status != "replicated" {
		s.log.Printf("mirror: %s status %q", evt.Key, evt.Status)
	}
	w.WriteHeader(http.StatusNoContent)
}

// ValidSignature is used by the CLI's `verify-export` command.
func ValidSignature(secret, body []byte, sigHex string) bool {
	sig, err := hex.DecodeString(sigHex)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return hmac.Equal(sig, mac.Sum(nil))
}
