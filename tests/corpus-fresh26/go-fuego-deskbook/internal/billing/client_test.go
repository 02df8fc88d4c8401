package billing

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func writeTemplate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := os.WriteFile(filepath.Join(dir, "line_item.tmpl"), []byte("Desk booking #{{.BookingID}}"), 0o600)
	require.NoError(t, err)
	return dir
}

func TestCreateInvoicePostsToLedgerly(t *testing.T) {
	var got map[string]any
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		require.Equal(t, "Bearer test-key", r.Header.Get("Authorization"))
		require.NoError(t, json.NewDecoder(r.Body).Decode(&got))
		w.WriteHeader(http.StatusCreated)
	}))
	defer srv.Close()

	c, err := NewClient(srv.URL, "test-key", writeTemplate(t), slog.Default())
	require.NoError(t, err)
	// httptest certificates are self-signed.
	c.http.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}

	err = c.CreateInvoice(context.Background(), Invoice{BookingID: 7, MemberID: 3, AmountCents: 1200, Currency: "EUR"})
	require.NoError(t, err)
	require.Equal(t, "Desk booking #7", got["description"])
	require.Equal(t, "booking-7", got["external_id"])
}

func TestCreateInvoiceSurfacesAPIErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "currency not enabled", http.StatusUnprocessableEntity)
	}))
	defer srv.Close()

	c, err := NewClient(srv.URL, "test-key", writeTemplate(t), slog.Default())
	require.NoError(t, err)
	err = c.CreateInvoice(context.Background(), Invoice{BookingID: 1, Currency: "JPY"})
	require.ErrorContains(t, err, "status 422")
}
