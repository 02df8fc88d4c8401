package plugin

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

func dataQuery(refID, queryType string, model QueryModel) backend.DataQuery {
	raw, _ := json.Marshal(model)
	return backend.DataQuery{
		RefID:     refID,
		QueryType: queryType,
		JSON:      raw,
		TimeRange: backend.TimeRange{
			From: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
			To:   time.Date(2025, 3, 2, 0, 0, 0, 0, time.UTC),
		},
	}
}

func TestDeploymentsFrame(t *testing.T) {
	fake := newFakeShipwright(t)
	d := newTestDatasource(t, fake.URL)

	resp, err := d.QueryData(context.Background(), &backend.QueryDataRequest{
		Queries: []backend.DataQuery{dataQuery("A", queryTypeDeployments, QueryModel{Service: "checkout", Status: "failed"})},
	})
	if err != nil {
		t.Fatal(err)
	}

	frame := requireFrame(t, resp.Responses["A"], "deployments", 1)
	if v := frame.Fields[3].At(0); v != "1.5.0" {
		t.Errorf("version = %v, want 1.5.0", v)
	}
}

func TestDeploymentsForEnvironment(t *testing.T) {
	fake := newFakeShipwright(t)
	d := newTestDatasource(t, fake.URL)

	d.QueryData(context.Background(), &backend.QueryDataRequest{
		Queries: []backend.DataQuery{dataQuery("A", queryTypeDeployments, QueryModel{Service: "checkout", Environment: "prod"})},
	})
}

func TestBucketSize(t *testing.T) {
	tests := []struct {
		name    string
		want    time.Duration
		wantErr bool
	}{
		{"", 24 * time.Hour, false},
		{"hour", time.Hour, false},
		{"week", 7 * 24 * time.Hour, false},
		{"fortnight", 0, true},
	}
	for _, tt := range tests {
		got, err := bucketSize(tt.name)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("bucketSize(%q) = %v, %v; want %v, err=%v", tt.name, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestUnknownQueryType(t *testing.T) {
	d := newTestDatasource(t, "http://127.0.0.1:1")
	resp := d.query(context.Background(), dataQuery("A", "nope", QueryModel{}))
	if resp.Status != backend.StatusBadRequest {
		t.Fatalf("status = %v, want bad request", resp.Status)
	}
}
