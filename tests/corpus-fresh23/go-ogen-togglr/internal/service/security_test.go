package service

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/togglr-dev/togglr/api"
	"github.com/togglr-dev/togglr/internal/notify"
	"github.com/togglr-dev/togglr/internal/store"
)

func testSecurity(st Store) *Security {
	return NewSecurity(st, testJWTKey, testIssuer, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

func TestHandleApiKey(t *testing.T) {
	sum := sha256.Sum256([]byte("s3cr3t"))
	st := newFakeStore()
	st.keys["abcd1234"] = store.SDKKey{ProjectID: "web", Env: "staging", Prefix: "abcd1234", SecretHash: hex.EncodeToString(sum[:])}
	sec := testSecurity(st)

	ctx, err := sec.HandleApiKey(context.Background(), api.EvaluateFlagsOperation, api.ApiKey{APIKey: "tgl_abcd1234_s3cr3t"})
	if err != nil {
		t.Fatalf("valid key rejected: %v", err)
	}
	if p, ok := sdkFrom(ctx); !ok || p.Env != "staging" {
		t.Fatalf("sdk principal = %+v, %v", p, ok)
	}

	for _, bad := range []string{"tgl_abcd1234_wrong", "tgl_ffff0000_s3cr3t", "abcd1234_s3cr3t", "tgl_abcd1234_"} {
		if _, err := sec.HandleApiKey(context.Background(), api.EvaluateFlagsOperation, api.ApiKey{APIKey: bad}); !errors.Is(err, errUnauthorized) {
			t.Errorf("%q: err = %v, want errUnauthorized", bad, err)
		}
	}
}

func TestHandleBearerAuthRejectsForeignIssuer(t *testing.T) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims{
		RegisteredClaims: jwt.RegisteredClaims{Issuer: "https://evil.test", ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Minute))},
		Role:             "admin",
	})
	signed, _ := tok.SignedString(testJWTKey)
	if _, err := testSecurity(newFakeStore()).HandleBearerAuth(context.Background(), api.ListFlagsOperation, api.BearerAuth{Token: signed}); !errors.Is(err, errUnauthorized) {
		t.Fatalf("err = %v", err)
	}
}

func TestWebhookNotifierPostsEvent(t *testing.T) {
	got := make(chan string, 1)
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- string(b)
	}))
	defer srv.Close()

	// httptest's certificate is self-signed for 127.0.0.1.
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	n := notify.NewWebhook(srv.URL, client)
	if err := n.Notify(context.Background(), notify.Event{Project: "web", Action: "flag.delete", Target: "x"}); err != nil {
		t.Fatal(err)
	}
	if body := <-got; body == "" {
		t.Fatal("empty webhook body")
	}
}
