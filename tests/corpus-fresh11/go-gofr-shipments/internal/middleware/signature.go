package middleware

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strings"
)

const maxWebhookBody = 1 << 20

// CarrierSignature verifies the X-Shippo-Signature header (hex HMAC-SHA256 of
// the raw body) on requests whose path starts with prefix.
func CarrierSignature(secret []byte, prefix string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !strings.HasPrefix(r.URL.Path, prefix) {
				next.ServeHTTP(w, r)
				return
			}
			body, err := io.ReadAll(io.LimitReader(r.Body, maxWebhookBody))
			if err != nil {
				writeError(w, http.StatusBadRequest, "unreadable body")
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))

			mac := hmac.New(sha256.New, secret)
			mac.Write(body)
			want := hex.EncodeToString(mac.Sum(nil))
			got := strings.TrimPrefix(r.Header.Get("X-Shippo-Signature"), "sha256=")
			if !strings.EqualFold(got, want) {
				writeError(w, http.StatusUnauthorized, "bad signature")
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
