package handlers

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/stallwise/payouts/internal/state"
)

const maxWebhookBody = 64 << 10

type transferEvent struct {
	TransferID string `json:"transfer_id"`
	Reference  string `json:"client_reference"`
	Status     string `json:"status"` // settled, failed
	Reason     string `json:"reason,omitempty"`
}

// BankWebhook receives transfer status changes straight from Northbank (not through Dapr),
// signed with HMAC-SHA256 over the raw body in X-Northbank-Signature.
func (h *Handlers) BankWebhook(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxWebhookBody))
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	sig, err := hex.DecodeString(r.Header.Get("X-Northbank-Signature"))
	if err != nil {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	mac := hmac.New(sha256.New, h.BankWHKey)
	mac.Write(body)
	if !bytes.Equal(mac.Sum(nil), sig) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}

	var ev transferEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	p, err := h.Store.Payout(r.Context(), ev.Reference)
	if errors.Is(err, state.ErrNotFound) {
		// Transfers created outside this app share the webhook; acknowledge and move on.
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if err != nil {
		http.Error(w, "state unavailable", http.StatusServiceUnavailable)
		return
	}
	switch ev.Status {
	case "settled", "failed":
		p.Status = ev.Status
		p.StatusReason = ev.Reason
	default:
		http.Error(w, "unknown status", http.StatusUnprocessableEntity)
		return
	}
	if err := h.Store.SavePayout(r.Context(), p); err != nil {
		http.Error(w, "state unavailable", http.StatusServiceUnavailable)
		return
	}
	h.publish(r.Context(), "payouts."+ev.Status, p)
	w.Header().Set("Content-Type", "application/json")
	// The status line is already sent; a failed write only means the bank hung up.
	_ = json.NewEncoder(w).Encode(map[string]string{"payout": p.ID, "status": p.Status})
}
