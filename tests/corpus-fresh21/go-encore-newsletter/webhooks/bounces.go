// Service webhooks receives delivery events from the SMTP relay provider.
package webhooks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"

	"encore.dev/rlog"

	"encore.app/subscribers"
)

var secrets struct {
	BounceWebhookSecret string
}

type relayEvent struct {
	Type   string `json:"type"`
	Email  string `json:"email"`
	Reason string `json:"reason"`
}

func validSignature(secret string, body []byte, header string) bool {
	got, err := hex.DecodeString(header)
	if err != nil || secret == "" {
		return false
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return hmac.Equal(mac.Sum(nil), got)
}

// Bounces is called by the relay provider; it authenticates with an HMAC signature.
//
//encore:api public raw method=POST path=/webhooks/bounces
func Bounces(w http.ResponseWriter, req *http.Request) {
	body, err := io.ReadAll(io.LimitReader(req.Body, 256<<10))
	if err != nil {
		http.Error(w, "unreadable body", http.StatusBadRequest)
		return
	}
	if !validSignature(secrets.BounceWebhookSecret, body, req.Header.Get("X-Relay-Signature")) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var events []relayEvent
	if err := json.Unmarshal(body, &events); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	for _, ev := range events {
		switch ev.Type {
		case "hard_bounce", "complaint":
			_ = subscribers.Suppress(req.Context(), &subscribers.SuppressParams{Email: ev.Email, Reason: ev.Type})
		case "soft_bounce":
			rlog.Info("soft bounce", "email", ev.Email, "reason", ev.Reason)
		default:
			rlog.Debug("ignoring relay event", "type", ev.Type)
		}
	}
	w.WriteHeader(http.StatusNoContent)
}
