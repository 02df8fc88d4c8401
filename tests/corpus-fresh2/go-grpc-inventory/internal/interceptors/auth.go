package interceptors

import (
	"context"
	"crypto/subtle"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type clientKey struct{}

// ClientFrom returns the authenticated client name, if any.
func ClientFrom(ctx context.Context) (string, bool) {
	c, ok := ctx.Value(clientKey{}).(string)
	return c, ok
}

// Auth returns a unary interceptor that requires "authorization: Bearer <token>"
// metadata on every call except the standard health service.
func Auth(tokens map[string]string) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if strings.HasPrefix(info.FullMethod, "/grpc.health.v1.Health/") {
			return handler(ctx, req)
		}
		md, ok := metadata.FromIncomingContext(ctx)
		if !ok {
			return nil, status.Error(codes.Unauthenticated, "missing metadata")
		}
		vals := md.Get("authorization")
		if len(vals) == 0 {
			return nil, status.Error(codes.Unauthenticated, "missing authorization")
		}
		presented := strings.TrimPrefix(vals[0], "Bearer ")
		for client, tok := range tokens {
			if subtle.ConstantTimeCompare([]byte(presented), []byte(tok)) == 1 {
				return handler(context.WithValue(ctx, clientKey{}, client), req)
			}
		}
		return nil, status.Error(codes.Unauthenticated, "invalid token")
	}
}
