package rota

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
)

// RosterChange is posted by Rotaplan when a published roster changes.
type RosterChange struct {
	TeamID  string  `json:"team_id"`
	Changed []Shift `json:"changed"`
}

// WebhookHandler verifies Rotaplan's signature and hands the change on.
type WebhookHandler struct {
	Key      string
	OnChange func(RosterChange) error
	Log      *slog.Logger
}

func (h *WebhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, []byte(h.Key))
	mac.Write(body)
	if r.Header.Get("X-Rotaplan-Signature") != hex.EncodeToString(mac.Sum(nil)) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	var change RosterChange
	if err := json.Unmarshal(body, &change); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	if err := h.OnChange(change); err != nil {
		h.Log.Error("applying roster change", "team", change.TeamID, "err", err)
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
