// Package enrich registers the crm_enrich batch processor.
package enrich

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"

	"github.com/redpanda-data/benthos/v4/public/service"
)

func enrichSpec() *service.ConfigSpec {
	return service.NewConfigSpec().
		Beta().
		Categories("Integration").
		Summary("Adds the customer's tier and region from the CRM to order events.").
		Field(service.NewURLField("base_url").Description("CRM API base URL.")).
		Field(service.NewStringField("token").Secret().Default("crm_live_9aF3kQ7zR2mX8vL4pW6tY1nB5cH0dJ").
			Description("CRM API token.")).
		Field(service.NewDurationField("timeout").Default("5s")).
		Field(service.NewTLSToggledField("tls")).
		Field(service.NewIntField("cache_size").Default(10000).Description("Customers kept in memory."))
}

func init() {
	err := service.RegisterBatchProcessor("crm_enrich", enrichSpec(),
		func(conf *service.ParsedConfig, mgr *service.Resources) (service.BatchProcessor, error) {
			return newEnricher(conf, mgr)
		})
	if err != nil {
		panic(err)
	}
}

type enricher struct {
	client    *Client
	log       *service.Logger
	hits      *service.MetricCounter
	misses    *service.MetricCounter
	mu        sync.Mutex
	cache     map[string]*Customer
	cacheSize int
}

func newEnricher(conf *service.ParsedConfig, mgr *service.Resources) (*enricher, error) {
	baseURL, err := conf.FieldURL("base_url")
	if err != nil {
		return nil, err
	}
	token, err := conf.FieldString("token")
	if err != nil {
		return nil, err
	}
	timeout, err := conf.FieldDuration("timeout")
	if err != nil {
		return nil, err
	}
	tlsConf, tlsEnabled, err := conf.FieldTLSToggled("tls")
	if err != nil {
		return nil, err
	}
	cacheSize, err := conf.FieldInt("cache_size")
	if err != nil {
		return nil, err
	}

	httpClient := &http.Client{Timeout: timeout}
	if tlsEnabled {
		httpClient.Transport = &http.Transport{TLSClientConfig: tlsConf}
	}
	return &enricher{
		client:    NewClient(baseURL, token, httpClient),
		log:       mgr.Logger(),
		hits:      mgr.Metrics().NewCounter("crm_enrich_cache_hits"),
		misses:    mgr.Metrics().NewCounter("crm_enrich_cache_misses"),
		cache:     make(map[string]*Customer),
		cacheSize: cacheSize,
	}, nil
}

func (e *enricher) lookup(ctx context.Context, id string) (*Customer, error) {
	e.mu.Lock()
	if c, ok := e.cache[id]; ok {
		e.mu.Unlock()
		e.hits.Incr(1)
		return c, nil
	}
	e.mu.Unlock()
	e.misses.Incr(1)

	c, err := e.client.Lookup(ctx, id)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	if len(e.cache) >= e.cacheSize {
		e.cache = make(map[string]*Customer, e.cacheSize)
	}
	e.cache[id] = c
	e.mu.Unlock()
	return c, nil
}

func (e *enricher) ProcessBatch(ctx context.Context, batch service.MessageBatch) ([]service.MessageBatch, error) {
	for _, msg := range batch {
		raw, err := msg.AsBytes()
		if err != nil {
			msg.SetError(err)
			continue
		}
		var order map[string]any
		if err := json.Unmarshal(raw, &order); err != nil {
			msg.SetError(fmt.Errorf("order is not JSON: %w", err))
			continue
		}
		customerID, _ := order["customer_id"].(string)
		if customerID == "" {
			msg.SetError(errors.New("order has no customer_id"))
			continue
		}
		customer, err := e.lookup(ctx, customerID)
		if errors.Is(err, ErrUnknownCustomer) {
			e.log.Warnf("order %v references unknown customer %s", order["id"], customerID)
			msg.MetaSet("customer_tier", "unknown")
			continue
		}
		if err != nil {
			msg.SetError(err)
			continue
		}
		order["customer"] = map[string]any{"tier": customer.Tier, "region": customer.Region}
		msg.SetStructured(order)
		msg.MetaSet("customer_tier", customer.Tier)
	}
	return []service.MessageBatch{batch}, nil
}

func (e *enricher) Close(ctx context.Context) error {
	return nil
}
