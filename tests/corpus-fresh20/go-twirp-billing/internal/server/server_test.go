package server

import (
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/twitchtv/twirp"
	"github.com/twitchtv/twirp/ctxsetters"

	billingv1 "github.com/acmeco/billing/rpc/billing/v1"
	"github.com/acmeco/billing/internal/store"
)

type fakeKeys map[string]*store.APIKey

func (f fakeKeys) APIKey(_ context.Context, id string) (*store.APIKey, error) {
	if k, ok := f[id]; ok {
		return k, nil
	}
	return nil, store.ErrNotFound
}

func hashOf(s string) []byte { h := sha256.Sum256([]byte(s)); return h[:] }

const testSecret = "correct-horse-battery"

func checkTwirpCode(t *testing.T, err error, want twirp.ErrorCode) {
	t.Helper()
	if want == twirp.NoError {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	var twerr twirp.Error
	if !errors.As(err, &twerr) || twerr.Code() != want {
		t.Fatalf("error = %v, want code %s", err, want)
	}
}

func TestAuthInterceptor(t *testing.T) {
	keys := fakeKeys{
		"k1": {ID: "k1", Hash: hashOf(testSecret), Scopes: []string{"invoices:read"}},
		"k2": {ID: "k2", Hash: hashOf(testSecret), Revoked: true},
	}
	next := func(ctx context.Context, req interface{}) (interface{}, error) { return "ok", nil }
	intercept := AuthInterceptor(keys)(next)

	tests := []struct {
		name   string
		method string
		key    string
		want   twirp.ErrorCode
	}{
		{"valid key", "GetInvoice", "k1." + testSecret, twirp.NoError},
		{"wrong secret", "GetInvoice", "k1.nope", twirp.Unauthenticated},
		{"revoked", "GetInvoice", "k2." + testSecret, twirp.Unauthenticated},
		{"unknown id", "GetInvoice", "k9." + testSecret, twirp.Unauthenticated},
		{"malformed", "GetInvoice", "nodot", twirp.Unauthenticated},
		{"health is public", "Health", "", twirp.NoError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.WithValue(context.Background(), rawKeyCtx, tt.key)
			ctx = ctxsetters.WithMethodName(ctx, tt.method)
			_, err := intercept(ctx, nil)
			checkTwirpCode(t, err, tt.want)
		})
	}
}

func TestRequireScope(t *testing.T) {
	tests := []struct {
		scopes []string
		need   string
		ok     bool
	}{
		{[]string{"invoices:read"}, "invoices:read", true},
		{[]string{"invoices:read"}, "invoices:write", false},
		{[]string{"billing:admin"}, "ledger:export", true},
		{nil, "invoices:read", false},
	}
	for _, tt := range tests {
		ctx := context.WithValue(context.Background(), scopesCtx, tt.scopes)
		if err := requireScope(ctx, tt.need); (err == nil) != tt.ok {
			t.Errorf("requireScope(%v, %s) = %v, want ok=%v", tt.scopes, tt.need, err, tt.ok)
		}
	}
}

func TestCreateInvoiceValidation(t *testing.T) {
	s := &Server{Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	ctx := context.WithValue(context.Background(), scopesCtx, []string{"invoices:write"})
	tests := []struct {
		name string
		req  *billingv1.CreateInvoiceRequest
		want twirp.ErrorCode
	}{
		{"missing customer", &billingv1.CreateInvoiceRequest{Currency: "usd"}, twirp.InvalidArgument},
		{"bad currency", &billingv1.CreateInvoiceRequest{CustomerId: "c1", Currency: "xyz"}, twirp.InvalidArgument},
		{"no items", &billingv1.CreateInvoiceRequest{CustomerId: "c1", Currency: "usd"}, twirp.InvalidArgument},
		{"negative qty", &billingv1.CreateInvoiceRequest{CustomerId: "c1", Currency: "usd", Items: []*billingv1.LineItem{{Quantity: -1}}}, twirp.InvalidArgument},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.CreateInvoice(ctx, tt.req)
			checkTwirpCode(t, err, tt.want)
		})
	}
}

func TestPaymentCallbackRejectsBadSignature(t *testing.T) {
	h := &PaymentCallback{Secret: []byte("cb-test"), Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	req := httptest.NewRequest(http.MethodPost, "/callbacks/processor", strings.NewReader(`{"type":"payment.settled"}`))
	req.Header.Set("X-Processor-Signature", "00")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("status = %d, want 401", rec.Code)
	}
}
