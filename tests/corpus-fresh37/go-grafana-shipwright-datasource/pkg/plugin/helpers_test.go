package plugin

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/acme/shipwright-datasource/pkg/upstream"
)

type fakeShipwright struct {
	*httptest.Server
	requests []*http.Request
}

func newFakeShipwright(t *testing.T) *fakeShipwright {
	t.Helper()
	f := &fakeShipwright{}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/v2/services", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]any{"services": []string{"checkout", "search"}})
	})
	mux.HandleFunc("/api/v2/deployments", func(w http.ResponseWriter, r *http.Request) {
		started := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
		json.NewEncoder(w).Encode(map[string]any{"items": []upstream.Deployment{
			{ID: "d1", Service: "checkout", Environment: "prod", Version: "1.4.0", Status: "succeeded", StartedAt: started, FinishedAt: started.Add(90 * time.Second)},
			{ID: "d2", Service: "checkout", Environment: "staging", Version: "1.5.0", Status: "failed", StartedAt: started.Add(time.Hour), FinishedAt: started.Add(time.Hour + time.Minute)},
		}})
	})
	mux.HandleFunc("/api/v2/rollbacks", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]string{"rollback_id": "rb-1"})
	})
	mux.HandleFunc("/api/v2/annotations", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
	})
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.requests = append(f.requests, r.Clone(context.Background()))
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(f.Close)
	return f
}

func newTestDatasource(t *testing.T, upstreamURL string) *Datasource {
	t.Helper()
	settings, err := LoadSettings(backend.DataSourceInstanceSettings{
		JSONData:                []byte(`{"url":"` + upstreamURL + `","team":"payments"}`),
		DecryptedSecureJSONData: map[string]string{"apiKey": "test-api-key", "purgeToken": "test-purge-token"},
	})
	if err != nil {
		t.Fatalf("settings: %v", err)
	}
	client, err := upstream.NewClient(upstream.Options{BaseURL: settings.URL, APIKey: settings.APIKey, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("client: %v", err)
	}
	return newDatasource(settings, client, NewAuditLog(filepath.Join(t.TempDir(), "audit.jsonl")))
}

func requireFrame(t *testing.T, resp backend.DataResponse, name string, rows int) *data.Frame {
	t.Helper()
	if resp.Error != nil {
		t.Fatalf("unexpected error: %v", resp.Error)
	}
	if len(resp.Frames) != 1 || resp.Frames[0].Name != name {
		t.Fatalf("expected one %q frame, got %v", name, resp.Frames)
	}
	if got := resp.Frames[0].Rows(); got != rows {
		t.Fatalf("expected %d rows, got %d", rows, got)
	}
	return resp.Frames[0]
}

func callResource(t *testing.T, d *Datasource, method, path, body string, user *backend.User) *backend.CallResourceResponse {
	t.Helper()
	var got *backend.CallResourceResponse
	err := d.CallResource(context.Background(), &backend.CallResourceRequest{
		PluginContext: backend.PluginContext{User: user},
		Method:        method,
		Path:          path,
		URL:           path,
		Body:          []byte(body),
	}, backend.CallResourceResponseSenderFunc(func(res *backend.CallResourceResponse) error {
		got = res
		return nil
	}))
	if err != nil {
		t.Fatalf("CallResource: %v", err)
	}
	return got
}
