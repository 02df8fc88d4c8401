// Package callback receives shipment confirmations from the warehouse system over HTTP.
package callback

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
)

const maxBody = 1 << 20

// Sign returns the hex HMAC-SHA256 of body, as the warehouse computes it.
func Sign(key, body []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write(body) // hash.Hash.Write never returns an error
	return hex.EncodeToString(mac.Sum(nil))
}

// VerifySignature rejects requests whose X-Warehouse-Signature does not match
// the HMAC of the raw body.
func VerifySignature(secret string) func(http.Handler) http.Handler {
	key := []byte(secret)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
			if err != nil {
				http.Error(w, "cannot read body", http.StatusBadRequest)
				return
			}
			given, err := hex.DecodeString(r.Header.Get("X-Warehouse-Signature"))
			if err != nil {
				http.Error(w, "bad signature", http.StatusUnauthorized)
				return
			}
			mac := hmac.New(sha256.New, key)
			mac.Write(body)
			if !bytes.Equal(given, mac.Sum(nil)) {
				http.Error(w, "bad signature", http.StatusUnauthorized)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			next.ServeHTTP(w, r)
		})
	}
}

type Shipments interface {
	ApplyShipment(ctx context.Context, sku string, qty int32) error
}

type shipment struct {
	SKU string `json:"sku"`
	Qty int32  `json:"qty"`
}

// Handler applies a shipment confirmation to stock.
func Handler(store Shipments, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		var s shipment
		if err := json.NewDecoder(r.Body).Decode(&s); err != nil || s.SKU == "" || s.Qty <= 0 {
			http.Error(w, "invalid shipment", http.StatusBadRequest)
			return
		}
		if err := store.ApplyShipment(r.Context(), s.SKU, s.Qty); err != nil {
			log.ErrorContext(r.Context(), "apply shipment", "sku", s.SKU, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
}
