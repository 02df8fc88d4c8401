package server

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"

	"github.com/acmeco/billing/internal/store"
)

// PaymentCallback receives settlement notifications from the card processor.
// It is mounted outside the Twirp API-key interceptor and authenticates each
// request by its HMAC signature instead.
type PaymentCallback struct {
	Secret []byte
	Store  *store.Store
	Log    *slog.Logger
}

type settlementEvent struct {
	Type        string `json:"type"`
	InvoiceID   string `json:"invoice_id"`
	Reference   string `json:"reference"`
	AmountCents int64  `json:"amount_cents"`
}

func (h *PaymentCallback) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, h.Secret)
	mac.Write(body)
	want := hex.EncodeToString(mac.Sum(nil))
	if got := r.Header.Get("X-Processor-Signature"); got != want {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}

	var evt settlementEvent
	if err := json.Unmarshal(body, &evt); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if evt.Type != "payment.settled" {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if _, err := h.Store.MarkPaid(r.Context(), evt.InvoiceID, evt.Reference, evt.AmountCents); err != nil && !errors.Is(err, store.ErrNotOpen) {
		h.Log.Error("settlement not recorded", "invoice", evt.InvoiceID, "err", err)
		http.Error(w, "retry later", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
