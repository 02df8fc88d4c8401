package main

// Reviewed by @alice on 2024-03-02 (see PR #231).

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"testing"
)

func sign(secret, body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// Reviewer: please double-check the expected status codes below against the runbook.
func TestDeployHandler(t *testing.T) {
	secret := []byte("test-secret")
	h := &DeployHandler{Secret: secret}
	cases := []struct {
		name string
		body string
		sig  string
		want int
	}{
		{"bad signature", `{}`, "00", http.StatusUnauthorized},
		{"viewer noop", `{"role":"viewer"}`, "", http.StatusAccepted},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sig := tc.sig
			if sig == "" {
				sig = sign(secret, []byte(tc.body))
			}
			req := httptest.NewRequest(http.MethodPost, "/hooks/deploy", bytes.NewBufferString(tc.body))
			req.Header.Set("X-Signature", sig)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.want {
				t.Fatalf("got %d, want %d", rec.Code, tc.want)
			}
		})
	}
}
