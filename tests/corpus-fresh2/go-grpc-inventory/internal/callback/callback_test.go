package callback_test

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/acme-retail/inventory/internal/callback"
)

type recorder struct{ sku string }

func (r *recorder) ApplyShipment(_ context.Context, sku string, _ int32) error {
	r.sku = sku
	return nil
}

const secret = "shared-secret"

func ExampleSign() {
	fmt.Println(callback.Sign([]byte(secret), []byte(`{"sku":"SKU-1","qty":3}`)))
	// Output: 2df62c9c9d00efa870c0e3e9e946df39c42e6137cbfd5b9db001419714529f54
}

func TestSignedCallbackOverTLS(t *testing.T) {
	rec := &recorder{}
	h := callback.VerifySignature(secret)(callback.Handler(rec, slog.New(slog.NewTextHandler(io.Discard, nil))))
	srv := httptest.NewTLSServer(h)
	defer srv.Close()

	// httptest's certificate is self-signed and throwaway.
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}

	for _, tc := range []struct {
		name string
		sig  string
		want int
	}{
		{"valid", callback.Sign([]byte(secret), []byte(`{"sku":"SKU-1","qty":3}`)), http.StatusNoContent},
		{"forged", strings.Repeat("00", 32), http.StatusUnauthorized},
		{"not hex", "zz", http.StatusUnauthorized},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(`{"sku":"SKU-1","qty":3}`))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("X-Warehouse-Signature", tc.sig)
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Fatalf("status = %d, want %d", resp.StatusCode, tc.want)
			}
		})
	}
}
