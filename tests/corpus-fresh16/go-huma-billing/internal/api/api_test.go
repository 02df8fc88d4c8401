package api

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

	"github.com/DATA-DOG/go-sqlmock"
	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"github.com/northwind-labs/billingd/internal/store"
)

const (
	testAdminKey      = "test-admin-key"
	testWebhookSecret = "whsec_test_fixture_only"
)

type fakeTax struct{ rate float64 }

func (f fakeTax) Rate(context.Context, string, string) (float64, error) { return f.rate, nil }

func newTestServer(t *testing.T) (http.Handler, sqlmock.Sqlmock) {
	t.Helper()
	db, mock, err := sqlmock.New()
	if err != nil {
		t.Fatalf("sqlmock: %v", err)
	}
	t.Cleanup(func() { db.Close() })

	mux := http.NewServeMux()
	a := humago.New(mux, huma.DefaultConfig("billing-test", "0.0.0"))
	Register(a, &Handlers{
		Store:  store.New(db),
		Tax:    fakeTax{rate: 0.19},
		PDFDir: t.TempDir(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}, Auth{AdminKey: testAdminKey, WebhookSecret: testWebhookSecret})
	return mux, mock
}

func do(h http.Handler, method, path, body string, headers map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func requireStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status = %d, want %d; body: %s", rec.Code, want, rec.Body.String())
	}
}

func sign(body string) string {
	mac := hmac.New(sha256.New, []byte(testWebhookSecret))
	mac.Write([]byte(body))
	return hex.EncodeToString(mac.Sum(nil))
}

func TestAdminRoutesRequireKey(t *testing.T) {
	h, _ := newTestServer(t)
	rec := do(h, http.MethodPost, "/admin/invoices", `{"customer_id":"cus_1","amount_cents":100,"currency":"EUR","country":"DE"}`, nil)
	requireStatus(t, rec, http.StatusUnauthorized)
}

func TestListInvoices(t *testing.T) {
	h, mock := newTestServer(t)
	mock.ExpectQuery("SELECT customer_id FROM api_tokens").
		WithArgs(sqlmock.AnyArg()).
		WillReturnRows(sqlmock.NewRows([]string{"customer_id"}).AddRow("cus_1"))
	mock.ExpectQuery("SELECT id, customer_id").
		WillReturnRows(sqlmock.NewRows([]string{"id", "customer_id", "amount_cents", "tax_cents", "currency", "status", "created_at"}))

	do(h, http.MethodGet, "/v1/invoices?status=open", "", map[string]string{"Authorization": "Bearer tok_customer_fixture"})
}

func TestWebhookRejectsBadSignature(t *testing.T) {
	h, _ := newTestServer(t)
	rec := do(h, http.MethodPost, "/webhooks/payments", `{"type":"payment.succeeded"}`,
		map[string]string{"X-Signature": strings.Repeat("ab", 32)})
	requireStatus(t, rec, http.StatusUnauthorized)
}

func TestWebhookRecordsRefund(t *testing.T) {
	h, mock := newTestServer(t)
	body := `{"id":"evt_9","type":"payment.refunded","invoice_id":"inv_42","amount_cents":1190}`
	mock.ExpectExec("UPDATE invoices SET status = 'refunded'").
		WithArgs("inv_42", "evt_9").
		WillReturnResult(sqlmock.NewResult(0, 1))

	rec := do(h, http.MethodPost, "/webhooks/payments", body, map[string]string{"X-Signature": sign(body)})

	requireStatus(t, rec, http.StatusNoContent)
	if err := mock.ExpectationsWereMet(); err != nil {
		t.Errorf("unmet expectations: %v", err)
	}
}
