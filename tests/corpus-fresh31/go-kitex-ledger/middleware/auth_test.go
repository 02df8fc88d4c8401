package middleware

import (
	"context"
	"errors"
	"testing"

	"github.com/cloudwego/kitex/pkg/kerrors"
)

func assertBizCode(t *testing.T, err error, want int32) {
	t.Helper()
	var biz kerrors.BizStatusErrorIface
	if !errors.As(err, &biz) || biz.BizStatusCode() != want {
		t.Fatalf("want biz code %d, got %v", want, err)
	}
}

func TestRequireScopeWithoutPrincipal(t *testing.T) {
	_, err := RequireScope(context.Background(), "ledger:read")
	assertBizCode(t, err, codeUnauthenticated)
}

func TestRequireScopeMissingScope(t *testing.T) {
	ctx := WithPrincipal(context.Background(), &Principal{Subject: "u1", Scopes: map[string]bool{"ledger:read": true}})
	_, err := RequireScope(ctx, "ledger:admin")
	assertBizCode(t, err, codePermissionDenied)
}

func TestRequireScopeGranted(t *testing.T) {
	ctx := WithPrincipal(context.Background(), &Principal{Subject: "u1", Scopes: map[string]bool{"ledger:admin": true}})
	p, err := RequireScope(ctx, "ledger:admin")
	if err != nil || p.Subject != "u1" {
		t.Fatalf("got %v, %v", p, err)
	}
}
