package plugin

import (
	"context"
	"net/http"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/instancemgmt"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"
	"github.com/grafana/grafana-plugin-sdk-go/backend/resource/httpadapter"

	"github.com/acme/shipwright-datasource/pkg/upstream"
)

var (
	_ backend.QueryDataHandler      = (*Datasource)(nil)
	_ backend.CheckHealthHandler    = (*Datasource)(nil)
	_ backend.CallResourceHandler   = (*Datasource)(nil)
	_ instancemgmt.InstanceDisposer = (*Datasource)(nil)
)

type Datasource struct {
	settings  *Settings
	client    *upstream.Client
	audit     *AuditLog
	resources backend.CallResourceHandler
	logger    log.Logger
}

// NewDatasource is the instance factory handed to datasource.Manage; Grafana
// calls it again whenever the data source settings change.
func NewDatasource(_ context.Context, instance backend.DataSourceInstanceSettings) (instancemgmt.Instance, error) {
	settings, err := LoadSettings(instance)
	if err != nil {
		return nil, err
	}
	client, err := upstream.NewClient(upstream.Options{
		BaseURL:       settings.URL,
		ArtifactURL:   settings.ArtifactURL,
		APIKey:        settings.APIKey,
		TLSSkipVerify: settings.TLSSkipVerify,
		Timeout:       time.Duration(settings.TimeoutSecs) * time.Second,
	})
	if err != nil {
		return nil, err
	}
	return newDatasource(settings, client, NewAuditLog("")), nil
}

func newDatasource(settings *Settings, client *upstream.Client, audit *AuditLog) *Datasource {
	d := &Datasource{
		settings: settings,
		client:   client,
		audit:    audit,
		logger:   log.DefaultLogger.With("datasource", "shipwright"),
	}
	d.resources = httpadapter.New(d.routes())
	return d
}

func (d *Datasource) Dispose() {
	d.client.CloseIdleConnections()
}

func (d *Datasource) CheckHealth(ctx context.Context, _ *backend.CheckHealthRequest) (*backend.CheckHealthResult, error) {
	if err := d.client.Ping(ctx); err != nil {
		d.logger.Warn("health check failed", "error", err)
		return &backend.CheckHealthResult{
			Status:  backend.HealthStatusError,
			Message: "Shipwright is not reachable: " + err.Error(),
		}, nil
	}
	services, err := d.client.Services(ctx, d.settings.Team)
	if err != nil {
		return &backend.CheckHealthResult{
			Status:  backend.HealthStatusError,
			Message: "API key rejected or team unknown: " + err.Error(),
		}, nil
	}
	return &backend.CheckHealthResult{
		Status:  backend.HealthStatusOk,
		Message: "Connected to Shipwright",
		JSONDetails: mustJSON(map[string]any{
			"services": len(services),
		}),
	}, nil
}

func (d *Datasource) CallResource(ctx context.Context, req *backend.CallResourceRequest, sender backend.CallResourceResponseSender) error {
	return d.resources.CallResource(ctx, req, sender)
}

func httpStatusFor(err error) int {
	if err == nil {
		return http.StatusOK
	}
	return http.StatusBadGateway
}
