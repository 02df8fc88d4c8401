package interceptors

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

func call(t *testing.T, ic grpc.UnaryServerInterceptor, method string, md metadata.MD) (string, error) {
	t.Helper()
	ctx := context.Background()
	if md != nil {
		ctx = metadata.NewIncomingContext(ctx, md)
	}
	var seen string
	_, err := ic(ctx, nil, &grpc.UnaryServerInfo{FullMethod: method}, func(ctx context.Context, _ any) (any, error) {
		seen, _ = ClientFrom(ctx)
		return "ok", nil
	})
	return seen, err
}

func TestAuthInterceptor(t *testing.T) {
	ic := Auth(map[string]string{"pos": "tok-pos", "web": "tok-web"})

	cases := []struct {
		name       string
		method     string
		md         metadata.MD
		wantCode   codes.Code
		wantClient string
	}{
		{"valid pos token", "/inventory.v1.InventoryService/GetStock", metadata.Pairs("authorization", "Bearer tok-pos"), codes.OK, "pos"},
		{"wrong token", "/inventory.v1.InventoryService/GetStock", metadata.Pairs("authorization", "Bearer nope"), codes.Unauthenticated, ""},
		{"no metadata", "/inventory.v1.InventoryService/GetStock", nil, codes.Unauthenticated, ""},
		{"health is open", "/grpc.health.v1.Health/Check", nil, codes.OK, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			client, err := call(t, ic, tc.method, tc.md)
			require.Equal(t, tc.wantCode, status.Code(err))
			assert.Equal(t, tc.wantClient, client)
		})
	}
}

func TestRecoveryConvertsPanic(t *testing.T) {
	ic := Recovery(discardLogger())
	_, err := ic(context.Background(), nil, &grpc.UnaryServerInfo{FullMethod: "/x/Y"}, func(context.Context, any) (any, error) {
		panic("boom")
	})
	assert.Equal(t, codes.Internal, status.Code(err))
}
