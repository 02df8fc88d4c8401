package plugin

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
)

const (
	queryTypeDeployments = "deployments"
	queryTypeIncidents   = "incidents"
	queryTypeFrequency   = "deployFrequency"
	queryTypeLeadTime    = "leadTime"
)

// QueryModel is the JSON the query editor stores for each panel query.
type QueryModel struct {
	Service     string `json:"service"`
	Environment string `json:"environment"`
	Status      string `json:"status"`
	Bucket      string `json:"bucket"`
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func (d *Datasource) QueryData(ctx context.Context, req *backend.QueryDataRequest) (*backend.QueryDataResponse, error) {
	response := backend.NewQueryDataResponse()
	for _, q := range req.Queries {
		response.Responses[q.RefID] = d.query(ctx, q)
	}
	return response, nil
}

func (d *Datasource) query(ctx context.Context, q backend.DataQuery) backend.DataResponse {
	var model QueryModel
	if len(q.JSON) > 0 {
		if err := json.Unmarshal(q.JSON, &model); err != nil {
			return backend.ErrDataResponse(backend.StatusBadRequest, "invalid query: "+err.Error())
		}
	}
	switch q.QueryType {
	case queryTypeDeployments, "":
		return d.queryDeployments(ctx, q, model)
	case queryTypeIncidents:
		return d.queryIncidents(ctx, q, model)
	case queryTypeFrequency:
		return d.queryFrequency(ctx, q, model)
	case queryTypeLeadTime:
		return backend.ErrDataResponse(backend.StatusNotImplemented, "lead time is not implemented yet")
	default:
		return backend.ErrDataResponse(backend.StatusBadRequest, fmt.Sprintf("unknown query type %q", q.QueryType))
	}
}

func (d *Datasource) queryDeployments(ctx context.Context, q backend.DataQuery, model QueryModel) backend.DataResponse {
	deployments, err := d.client.Deployments(ctx, model.Service, "", q.TimeRange.From, q.TimeRange.To)
	if err != nil {
		return backend.ErrDataResponse(backend.StatusBadGateway, err.Error())
	}
	frame := data.NewFrame("deployments",
		data.NewField("time", nil, []time.Time{}),
		data.NewField("service", nil, []string{}),
		data.NewField("environment", nil, []string{}),
		data.NewField("version", nil, []string{}),
		data.NewField("status", nil, []string{}),
		data.NewField("duration", nil, []float64{}),
	)
	for _, dep := range deployments {
		if model.Status != "" && dep.Status != model.Status {
			continue
		}
		frame.AppendRow(dep.StartedAt, dep.Service, dep.Environment, dep.Version, dep.Status,
			dep.FinishedAt.Sub(dep.StartedAt).Seconds())
	}
	frame.Meta = &data.FrameMeta{PreferredVisualization: data.VisTypeTable}
	return backend.DataResponse{Frames: data.Frames{frame}}
}

func (d *Datasource) queryIncidents(ctx context.Context, q backend.DataQuery, model QueryModel) backend.DataResponse {
	if model.Service == "" {
		return backend.ErrDataResponse(backend.StatusBadRequest, "incidents need a service")
	}
	incidents, err := d.client.Incidents(ctx, model.Service, q.TimeRange.From, q.TimeRange.To)
	if err != nil {
		return backend.ErrDataResponse(backend.StatusBadGateway, err.Error())
	}
	frame := data.NewFrame("incidents",
		data.NewField("time", nil, []time.Time{}),
		data.NewField("id", nil, []string{}),
		data.NewField("severity", nil, []string{}),
	)
	for _, inc := range incidents {
		frame.AppendRow(inc.OpenedAt, inc.ID, inc.Severity)
	}
	return backend.DataResponse{Frames: data.Frames{frame}}
}

func bucketSize(name string) (time.Duration, error) {
	switch name {
	case "", "day":
		return 24 * time.Hour, nil
	case "hour":
		return time.Hour, nil
	case "week":
		return 7 * 24 * time.Hour, nil
	}
	return 0, fmt.Errorf("unsupported bucket %q", name)
}

func (d *Datasource) queryFrequency(ctx context.Context, q backend.DataQuery, model QueryModel) backend.DataResponse {
	size, err := bucketSize(model.Bucket)
	if err != nil {
		return backend.ErrDataResponse(backend.StatusBadRequest, err.Error())
	}
	deployments, err := d.client.Deployments(ctx, model.Service, model.Environment, q.TimeRange.From, q.TimeRange.To)
	if err != nil {
		return backend.ErrDataResponse(backend.StatusBadGateway, err.Error())
	}
	counts := map[time.Time]int64{}
	for _, dep := range deployments {
		counts[dep.StartedAt.Truncate(size)]++
	}
	buckets := make([]time.Time, 0, len(counts))
	for bucket := range counts {
		buckets = append(buckets, bucket)
	}
	sort.Slice(buckets, func(i, j int) bool { return buckets[i].Before(buckets[j]) })
	frame := data.NewFrame("frequency",
		data.NewField("time", nil, []time.Time{}),
		data.NewField("deployments", nil, []int64{}),
	)
	for _, bucket := range buckets {
		frame.AppendRow(bucket, counts[bucket])
	}
	return backend.DataResponse{Frames: data.Frames{frame}}
}
