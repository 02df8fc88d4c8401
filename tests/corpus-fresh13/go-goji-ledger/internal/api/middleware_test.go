package api

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"

	"goji.io"
	"goji.io/pat"
)

func testHandlers() *Handlers {
	return &Handlers{
		Tokens: map[string]Principal{
			"tok-reader-test": {Name: "reader"},
			"tok-admin-test":  {Name: "ops", Admin: true},
		},
		HookKey: []byte("test-hook-key"),
	}
}

func TestRequireTokenAndAdmin(t *testing.T) {
	h := testHandlers()
	ok := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusTeapot) })

	mux := goji.NewMux()
	admin := goji.SubMux()
	admin.Use(h.RequireToken)
	admin.Use(h.RequireAdmin)
	admin.Handle(pat.Get("/ping"), ok)
	mux.Handle(pat.New("/admin/*"), admin)

	cases := []struct {
		name   string
		token  string
		status int
	}{
		{"no token", "", http.StatusUnauthorized},
		{"unknown token", "nope", http.StatusUnauthorized},
		{"reader", "tok-reader-test", http.StatusForbidden},
		{"admin", "tok-admin-test", http.StatusTeapot},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/admin/ping", nil)
			if tc.token != "" {
				req.Header.Set("Authorization", "Bearer "+tc.token)
			}
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Fatalf("status = %d, want %d", rec.Code, tc.status)
			}
		})
	}
}

func TestRequestIDOverTLS(t *testing.T) {
	srv := httptest.NewTLSServer(requestID(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {})))
	defer srv.Close()

	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	resp, err := client.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("X-Request-Id") == "" {
		t.Error("missing X-Request-Id header")
	}
}

func TestHealth(t *testing.T) {
	rec := httptest.NewRecorder()
	testHandlers().Health(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
}
