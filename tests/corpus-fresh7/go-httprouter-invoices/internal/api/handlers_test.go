package api

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acme/invoices-api/internal/store"
)

const testToken = "test-token"
const testWebhookSecret = "changeme"

type fakeStore struct {
	invoices []store.Invoice
	audits   []string
	paid     map[string]string
}

func (f *fakeStore) ListInvoices(_ context.Context, _ string, limit int, _ bool) ([]store.Invoice, error) {
	if limit < len(f.invoices) {
		return f.invoices[:limit], nil
	}
	return f.invoices, nil
}
func (f *fakeStore) GetInvoice(context.Context, string) (store.Invoice, error) {
	return store.Invoice{}, store.ErrNotFound
}
func (f *fakeStore) VoidInvoice(_ context.Context, id string) error {
	if id == "missing" {
		return store.ErrNotFound
	}
	return nil
}
func (f *fakeStore) RecordAudit(_ context.Context, _, action, subject string) error {
	f.audits = append(f.audits, action+":"+subject)
	return nil
}
func (f *fakeStore) MarkPaid(_ context.Context, id, ref string) error {
	if f.paid == nil {
		f.paid = map[string]string{}
	}
	f.paid[id] = ref
	return nil
}

func newTestRouter(st InvoiceStore) http.Handler {
	cfg := Config{APITokens: []string{testToken}, WebhookSecret: testWebhookSecret}
	return NewRouter(cfg, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

func do(t *testing.T, h http.Handler, method, path, token string, body io.Reader) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, body)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestListInvoicesAuth(t *testing.T) {
	cases := []struct {
		name  string
		token string
		want  int
	}{
		{"no token", "", http.StatusUnauthorized},
		{"wrong token", "nope", http.StatusUnauthorized},
		{"valid token", testToken, http.StatusOK},
	}
	h := newTestRouter(&fakeStore{})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, h, http.MethodGet, "/v1/invoices", tc.token, nil)
			require.Equal(t, tc.want, rec.Code)
		})
	}
}

func TestVoidInvoice(t *testing.T) {
	st := &fakeStore{}
	h := newTestRouter(st)
	do(t, h, http.MethodPost, "/v1/invoices/inv_1/void", testToken, nil)
	do(t, h, http.MethodPost, "/v1/invoices/missing/void", testToken, nil)
}

func TestPaymentWebhookMarksPaid(t *testing.T) {
	st := &fakeStore{}
	body := `{"invoice_id":"inv_9","reference":"pay_1"}`
	mac := hmac.New(sha256.New, []byte(testWebhookSecret))
	mac.Write([]byte(body))
	req := httptest.NewRequest(http.MethodPost, "/webhooks/payments", strings.NewReader(body))
	req.Header.Set("X-Signature", hex.EncodeToString(mac.Sum(nil)))
	rec := httptest.NewRecorder()
	newTestRouter(st).ServeHTTP(rec, req)

	require.Equal(t, http.StatusAccepted, rec.Code)
	require.Equal(t, "pay_1", st.paid["inv_9"])
}

func TestTaxClientQuote(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, `{"tax_cents": 190}`)
	}))
	defer srv.Close()

	c := NewTaxClient(srv.URL)
	c.http = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	got, err := c.Quote(context.Background(), "DE", 1000)
	require.NoError(t, err)
	require.EqualValues(t, 190, got)
}
