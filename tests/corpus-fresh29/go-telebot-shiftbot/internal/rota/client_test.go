package rota

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

const testWebhookKey = "whk_test_only_3f9a"

func TestFetchRosterSendsAuthAndTeam(t *testing.T) {
	var gotPath, gotAuth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath, gotAuth = r.URL.Path, r.Header.Get("Authorization")
		io.WriteString(w, `{"shifts":[{"id":"sh-1","staff_id":"rp-1","role":"HCA"}]}`)
	}))
	defer srv.Close()

	c := New(srv.URL, "rk-test", srv.Client())
	shifts, err := c.FetchRoster(context.Background(), "ward 3", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if gotPath != "/teams/ward%203/roster" && gotPath != "/teams/ward 3/roster" {
		t.Errorf("path = %q", gotPath)
	}
	if gotAuth != "Bearer rk-test" {
		t.Errorf("auth = %q", gotAuth)
	}
	if len(shifts) != 1 || shifts[0].ID != "sh-1" {
		t.Errorf("shifts = %+v", shifts)
	}
}

func sign(body string) string {
	m := hmac.New(sha256.New, []byte(testWebhookKey))
	m.Write([]byte(body))
	return hex.EncodeToString(m.Sum(nil))
}

func TestWebhookSignature(t *testing.T) {
	body := `{"team_id":"ward-3","changed":[]}`
	tests := []struct {
		name string
		sig  string
		want int
	}{
		{"valid", sign(body), http.StatusNoContent},
		{"wrong key", sign(body + "x"), http.StatusUnauthorized},
		{"missing", "", http.StatusUnauthorized},
	}
	h := &WebhookHandler{Key: testWebhookKey, Log: slog.Default(), OnChange: func(RosterChange) error { return nil }}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/hooks/rotaplan", strings.NewReader(body))
			if tc.sig != "" {
				req.Header.Set("X-Rotaplan-Signature", tc.sig)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.want {
				t.Errorf("status = %d, want %d", rec.Code, tc.want)
			}
		})
	}
}
