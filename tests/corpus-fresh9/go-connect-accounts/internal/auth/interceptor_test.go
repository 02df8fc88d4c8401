package auth

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"

	"connectrpc.com/connect"
	"github.com/stretchr/testify/require"
)

type fakeVerifier map[string]*Principal

func (f fakeVerifier) Verify(_ context.Context, token string) (*Principal, error) {
	if p, ok := f[token]; ok {
		return p, nil
	}
	return nil, errors.New("unknown token")
}

func call(t *testing.T, adminOnly bool, header string) (*Principal, error) {
	t.Helper()
	verifier := fakeVerifier{
		"user-token":  {Subject: "u1"},
		"admin-token": {Subject: "ops", Admin: true},
	}
	var seen *Principal
	next := connect.UnaryFunc(func(ctx context.Context, _ connect.AnyRequest) (connect.AnyResponse, error) {
		seen, _ = FromContext(ctx)
		return connect.NewResponse(&struct{}{}), nil
	})
	req := connect.NewRequest(&struct{}{})
	if header != "" {
		req.Header().Set("Authorization", header)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	_, err := NewInterceptor(verifier, adminOnly, logger)(next)(context.Background(), req)
	return seen, err
}

func TestInterceptor(t *testing.T) {
	tests := []struct {
		name      string
		adminOnly bool
		header    string
		wantCode  connect.Code
		wantSub   string
	}{
		{"missing header", false, "", connect.CodeUnauthenticated, ""},
		{"wrong scheme", false, "Basic abc", connect.CodeUnauthenticated, ""},
		{"unknown token", false, "Bearer nope", connect.CodeUnauthenticated, ""},
		{"user ok", false, "Bearer user-token", 0, "u1"},
		{"user on admin", true, "Bearer user-token", connect.CodePermissionDenied, ""},
		{"admin ok", true, "Bearer admin-token", 0, "ops"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := call(t, tt.adminOnly, tt.header)
			if tt.wantCode != 0 {
				require.Equal(t, tt.wantCode, connect.CodeOf(err))
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.wantSub, p.Subject)
		})
	}
}

func TestStaticVerifier(t *testing.T) {
	v := StaticVerifier{Token: "svc-test-token", Subject: "svc"}
	_, err := v.Verify(context.Background(), "svc-test-token")
	require.NoError(t, err)
	_, err = v.Verify(context.Background(), "svc-test-tokeX")
	require.Error(t, err)
}

func TestStaticVerifierEmptyToken(t *testing.T) {
	v := StaticVerifier{Token: "", Subject: "svc"}
	v.Verify(context.Background(), "")
}
