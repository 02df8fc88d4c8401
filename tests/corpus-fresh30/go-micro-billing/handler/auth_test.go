package handler

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

type fakeRequest struct {
	server.Request
	endpoint string
}

func (r fakeRequest) Endpoint() string { return r.endpoint }
func (r fakeRequest) Service() string  { return "ledgerline.billing" }

func TestAuthWrapper(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	sign := func(aud string, exp time.Time) string {
		tok := jwt.NewWithClaims(jwt.SigningMethodRS256, jwt.RegisteredClaims{
			Subject: "cus_1", Audience: jwt.ClaimStrings{aud}, ExpiresAt: jwt.NewNumericDate(exp),
		})
		s, err := tok.SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}

	tests := []struct {
		name     string
		endpoint string
		md       metadata.Metadata
		wantErr  bool
	}{
		{"health is public", "Billing.Health", nil, false},
		{"no credentials", "Billing.GetInvoice", nil, true},
		{"valid jwt", "Billing.GetInvoice", metadata.Metadata{"Authorization": "Bearer " + sign("billing", time.Now().Add(time.Hour))}, false},
		{"wrong audience", "Billing.GetInvoice", metadata.Metadata{"Authorization": "Bearer " + sign("crm", time.Now().Add(time.Hour))}, true},
		{"expired", "Billing.GetInvoice", metadata.Metadata{"Authorization": "Bearer " + sign("billing", time.Now().Add(-time.Minute))}, true},
		{"service token", "Admin.AdjustBalance", metadata.Metadata{"X-Service-Token": "svc-test-token"}, false},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			called := false
			next := func(ctx context.Context, req server.Request, rsp interface{}) error {
				called = true
				return nil
			}
			ctx := context.Background()
			if tt.md != nil {
				ctx = metadata.NewContext(ctx, tt.md)
			}
			err := AuthWrapper(&key.PublicKey, "svc-test-token")(next)(ctx, fakeRequest{endpoint: tt.endpoint}, nil)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if called == tt.wantErr {
				t.Fatalf("next called = %v", called)
			}
		})
	}
}
