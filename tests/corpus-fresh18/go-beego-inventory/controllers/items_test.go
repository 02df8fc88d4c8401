package controllers_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/beego/beego/v2/server/web"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"

	"github.com/northwind-logistics/inventory-api/models"
	_ "github.com/northwind-logistics/inventory-api/routers"
	"github.com/northwind-logistics/inventory-api/services"
)

const testServiceToken = "svc_test_token_for_unit_tests"

func setup(t *testing.T) {
	t.Helper()
	db, err := gorm.Open(sqlite.Open("file::memory:?cache=shared"), &gorm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.AutoMigrate(&models.Item{}, &models.StockLevel{}, &models.Movement{}, &models.Supplier{}); err != nil {
		t.Fatal(err)
	}
	models.DB = db
	web.BConfig.CopyRequestBody = true
	_ = web.AppConfig.Set("service_token", testServiceToken)
	_ = web.AppConfig.Set("supplier_webhook_secret", "supplier-test-secret")
	t.Cleanup(func() {
		sqlDB, _ := db.DB()
		sqlDB.Close()
	})
}

func do(method, path string, body []byte, headers map[string]string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	web.BeeApp.Handlers.ServeHTTP(w, r)
	return w
}

func assertJSONStatus(t *testing.T, w *httptest.ResponseRecorder, want int) map[string]any {
	t.Helper()
	if w.Code != want {
		t.Fatalf("status = %d, want %d; body: %s", w.Code, want, w.Body.String())
	}
	var out map[string]any
	if w.Body.Len() > 0 && w.Body.Bytes()[0] == '{' {
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatalf("invalid JSON: %v", err)
		}
	}
	return out
}

func TestHealthz(t *testing.T) {
	setup(t)
	w := do(http.MethodGet, "/healthz", nil, nil)
	body := assertJSONStatus(t, w, http.StatusOK)
	if body["status"] != "ok" {
		t.Errorf("status field = %v", body["status"])
	}
}

func TestItemsRequireToken(t *testing.T) {
	setup(t)
	w := do(http.MethodGet, "/api/v1/items", nil, nil)
	assertJSONStatus(t, w, http.StatusUnauthorized)
}

func TestListItems(t *testing.T) {
	setup(t)
	models.DB.Create(&models.Item{SKU: "BOLT-M6", Name: "Bolt M6"})
	models.DB.Create(&models.Item{SKU: "NUT-M6", Name: "Nut M6"})

	w := do(http.MethodGet, "/api/v1/items?limit=10", nil, map[string]string{"Authorization": "Bearer " + testServiceToken})

	t.Logf("status=%d body=%s", w.Code, w.Body.String())
}

func TestSupplierWebhookSignature(t *testing.T) {
	setup(t)
	body := []byte(`{"account":"ACME-004471","items":[{"sku":"BOLT-M6","available":120}]}`)
	mac := hmac.New(sha256.New, []byte("supplier-test-secret"))
	mac.Write(body)

	cases := []struct {
		name string
		sig  string
		want int
	}{
		{"valid", hex.EncodeToString(mac.Sum(nil)), http.StatusNoContent},
		{"wrong", hex.EncodeToString(make([]byte, 32)), http.StatusUnauthorized},
		{"not hex", "zz", http.StatusUnauthorized},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := do(http.MethodPost, "/hooks/supplier/stock", body, map[string]string{"X-Supplier-Signature": tc.sig})
			if w.Code != tc.want {
				t.Errorf("status = %d, want %d", w.Code, tc.want)
			}
		})
	}
}

func TestSupplierClientAgainstTLSStub(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get(services.APIKeyHeader) == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		_, _ = w.Write([]byte(`{"sku":"BOLT-M6","amount_cents":42,"currency":"EUR"}`))
	}))
	defer srv.Close()

	// httptest's certificate is self-signed and only valid for this test.
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/v2/accounts/ACME/prices/BOLT-M6", nil)
	req.Header.Set(services.APIKeyHeader, "k")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", resp.StatusCode)
	}
}
