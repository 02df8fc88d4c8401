package enrich

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/redpanda-data/benthos/v4/public/service"
)

func fakeCRM(t *testing.T, customers map[string]Customer) *httptest.Server {
	t.Helper()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer test-token" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		id := strings.TrimPrefix(r.URL.Path, "/v2/customers/")
		c, ok := customers[id]
		if !ok {
			http.NotFound(w, r)
			return
		}
		_ = json.NewEncoder(w).Encode(c)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func mustEnricher(t *testing.T, yaml string) *enricher {
	t.Helper()
	conf, err := enrichSpec().ParseYAML(yaml, nil)
	if err != nil {
		t.Fatalf("parsing config: %v", err)
	}
	e, err := newEnricher(conf, service.MockResources())
	if err != nil {
		t.Fatalf("building enricher: %v", err)
	}
	return e
}

func TestEnrichAddsTierAndRegion(t *testing.T) {
	srv := fakeCRM(t, map[string]Customer{"c1": {ID: "c1", Tier: "gold", Region: "eu-west"}})
	e := mustEnricher(t, fmt.Sprintf(`
base_url: %s
token: test-token
tls:
  enabled: true
  skip_cert_verify: true
`, srv.URL))

	out, err := e.ProcessBatch(context.Background(), service.MessageBatch{
		service.NewMessage([]byte(`{"id":"o1","customer_id":"c1"}`)),
	})
	if err != nil {
		t.Fatal(err)
	}
	structured, err := out[0][0].AsStructured()
	if err != nil {
		t.Fatal(err)
	}
	customer := structured.(map[string]any)["customer"].(map[string]any)
	if customer["tier"] != "gold" || customer["region"] != "eu-west" {
		t.Fatalf("unexpected customer block: %v", customer)
	}
	if tier, _ := out[0][0].MetaGet("customer_tier"); tier != "gold" {
		t.Fatalf("customer_tier metadata = %q", tier)
	}
}

func TestEnrichFlagsMissingCustomerID(t *testing.T) {
	e := mustEnricher(t, "base_url: https://crm.invalid\ntoken: test-token\n")
	out, _ := e.ProcessBatch(context.Background(), service.MessageBatch{service.NewMessage([]byte(`{"id":"o2"}`))})
	if out[0][0].GetError() == nil {
		t.Fatal("expected the message to carry an error")
	}
}

func TestEnrichInsideAStream(t *testing.T) {
	srv := fakeCRM(t, map[string]Customer{"c9": {ID: "c9", Tier: "silver", Region: "us-east"}})

	builder := service.NewStreamBuilder()
	produce, err := builder.AddProducerFunc()
	if err != nil {
		t.Fatal(err)
	}
	if err := builder.AddProcessorYAML(fmt.Sprintf(
		"crm_enrich: {base_url: %s, token: test-token, tls: {enabled: true, skip_cert_verify: true}}", srv.URL)); err != nil {
		t.Fatal(err)
	}
	if err := builder.AddConsumerFunc(func(context.Context, *service.Message) error { return nil }); err != nil {
		t.Fatal(err)
	}
	stream, err := builder.Build()
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	go func() { _ = stream.Run(ctx) }()
	_ = produce(ctx, service.NewMessage([]byte(`{"id":"o9","customer_id":"c9"}`)))
	_ = stream.Stop(ctx)
}
