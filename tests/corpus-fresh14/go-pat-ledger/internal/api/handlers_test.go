package api

import (
	"bytes"
	"context"
	"crypto/tls"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/acme/ledger-api/internal/store"
)

type fakeLedger struct {
	tokens    map[string]string
	revoked   []string
	transfers int
}

func (f *fakeLedger) AccountForToken(_ context.Context, token string) (string, error) {
	return f.tokens[token], nil
}
func (f *fakeLedger) ListTransactions(context.Context, string, time.Time) ([]store.Transaction, error) {
	return []store.Transaction{{ID: 1, Account: "acc_1", Amount: 100}}, nil
}
func (f *fakeLedger) Transfer(context.Context, string, string, int64, string) error {
	f.transfers++
	return nil
}
func (f *fakeLedger) RevokeTokens(_ context.Context, account string) error {
	f.revoked = append(f.revoked, account)
	return nil
}
func (f *fakeLedger) CloseAccount(context.Context, string) error {
	panic("CloseAccount is not exercised by these tests")
}

func newTestServer(t *testing.T) (*fakeLedger, http.Handler) {
	t.Helper()
	f := &fakeLedger{tokens: map[string]string{"tok_test": "acc_1"}}
	cfg := Config{OpsKey: "test-ops-key", PartnerSecret: "test-partner-secret", MaxTransfer: 10_000}
	return f, NewServer(cfg, f, slog.New(slog.NewTextHandler(io.Discard, nil))).Routes()
}

func TestAuthRequired(t *testing.T) {
	_, h := newTestServer(t)
	cases := []struct {
		name, method, path, header, value string
		want                              int
	}{
		{"no token", http.MethodGet, "/v1/transactions", "", "", http.StatusUnauthorized},
		{"good token", http.MethodGet, "/v1/transactions", "Authorization", "Bearer tok_test", http.StatusOK},
		{"ops without key", http.MethodPost, "/ops/accounts/acc_1/revoke", "", "", http.StatusUnauthorized},
		{"ops with key", http.MethodPost, "/ops/accounts/acc_1/revoke", "X-Ops-Key", "test-ops-key", http.StatusNoContent},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.path, nil)
			if tc.header != "" {
				req.Header.Set(tc.header, tc.value)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			require.Equal(t, tc.want, rec.Code)
		})
	}
}

func TestTransferOverLimit(t *testing.T) {
	f, h := newTestServer(t)
	req := httptest.NewRequest(http.MethodPost, "/v1/transfers", bytes.NewBufferString(`{"to":"acc_2","amount_cents":20000}`))
	req.Header.Set("Authorization", "Bearer tok_test")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	require.Equal(t, http.StatusUnprocessableEntity, rec.Code)
	require.Zero(t, f.transfers)
}

func TestPartnerSettlement(t *testing.T) {
	_, h := newTestServer(t)
	body := []byte(`{"batch_id":"b1","count":3}`)
	req := httptest.NewRequest(http.MethodPost, "/partner/settlements", bytes.NewReader(body))
	req.Header.Set("X-Partner-Signature", signHex("test-partner-secret", body))
	h.ServeHTTP(httptest.NewRecorder(), req)
}

func TestHealthOverTLS(t *testing.T) {
	_, h := newTestServer(t)
	ts := httptest.NewTLSServer(h)
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	resp, err := client.Get(ts.URL + "/healthz")
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
}
