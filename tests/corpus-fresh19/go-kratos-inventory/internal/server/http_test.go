package server

import (
	"crypto/tls"
	"io"
	nethttp "net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/DATA-DOG/go-sqlmock"
	"github.com/go-kratos/kratos/v2/log"
	"github.com/go-kratos/kratos/v2/transport/http"
	jwtv5 "github.com/golang-jwt/jwt/v5"

	"github.com/acme/inventory/internal/client"
	"github.com/acme/inventory/internal/conf"
	"github.com/acme/inventory/internal/data"
	"github.com/acme/inventory/internal/service"
)

const testKey = "server-test-key"

func newTestServer(t *testing.T) (*http.Server, sqlmock.Sqlmock) {
	t.Helper()
	db, mock, err := sqlmock.New(sqlmock.MonitorPingsOption(true))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	store := data.NewStoreFromDB(db)
	audit := data.NewAuditLog(store)
	cfg := &conf.Config{Addr: ":0", Timeout: time.Second, JWTKey: testKey}
	logger := log.NewStdLogger(io.Discard)
	srv := NewHTTPServer(cfg,
		service.NewItemService(store, audit, client.NewOrdersClient("http://orders.invalid"), logger),
		service.NewAdminService(store, audit, "testdata/prices.csv", logger),
		service.NewWebhookService([]byte("hook"), store, logger),
		logger,
	)
	return srv, mock
}

func token(t *testing.T, role string) string {
	t.Helper()
	tok, err := jwtv5.NewWithClaims(jwtv5.SigningMethodHS256, &service.Claims{
		Role:             role,
		Warehouse:        "AMS1",
		RegisteredClaims: jwtv5.RegisteredClaims{Subject: "u-1", ExpiresAt: jwtv5.NewNumericDate(time.Now().Add(time.Minute))},
	}).SignedString([]byte(testKey))
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func assertStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status = %d, want %d; body=%s", rec.Code, want, rec.Body.String())
	}
}

func TestItemsRequireToken(t *testing.T) {
	srv, _ := newTestServer(t)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(nethttp.MethodGet, "/v1/items", nil))
	assertStatus(t, rec, nethttp.StatusUnauthorized)
}

func TestRepriceRequiresAdmin(t *testing.T) {
	srv, _ := newTestServer(t)
	req := httptest.NewRequest(nethttp.MethodPost, "/v1/admin/reprice", nil)
	req.Header.Set("Authorization", "Bearer "+token(t, "clerk"))
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != nethttp.StatusForbidden {
		t.Fatalf("status = %d, want 403", rec.Code)
	}
}

func TestHealthzOverTLS(t *testing.T) {
	srv, mock := newTestServer(t)
	mock.ExpectPing()
	ts := httptest.NewTLSServer(srv)
	defer ts.Close()
	c := &nethttp.Client{Transport: &nethttp.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	resp, err := c.Get(ts.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != nethttp.StatusOK {
		t.Fatalf("status = %d", resp.StatusCode)
	}
	if err := mock.ExpectationsWereMet(); err != nil {
		t.Error(err)
	}
}
