package fleet

import (
	"context"
	"time"

	"github.com/go-kit/kit/endpoint"
)

type Set struct {
	ListVehicles    endpoint.Endpoint
	GetVehicle      endpoint.Endpoint
	CreateWorkOrder endpoint.Endpoint
	ListWorkOrders  endpoint.Endpoint
	CloseWorkOrder  endpoint.Endpoint
	DeleteVehicle   endpoint.Endpoint
	ScheduleService endpoint.Endpoint
	RecordOdometer  endpoint.Endpoint
}

func NewSet(svc Service, jwtSecret []byte) Set {
	authn := Authenticate(jwtSecret)
	read := endpoint.Chain(authn, RequireScope("fleet:read"))
	write := endpoint.Chain(authn, RequireScope("fleet:write"))

	return Set{
		ListVehicles:    read(makeListVehiclesEndpoint(svc)),
		GetVehicle:      read(makeGetVehicleEndpoint(svc)),
		CreateWorkOrder: write(makeCreateWorkOrderEndpoint(svc)),
		ListWorkOrders:  read(makeListWorkOrdersEndpoint(svc)),
		CloseWorkOrder:  write(makeCloseWorkOrderEndpoint(svc)),
		DeleteVehicle:   makeDeleteVehicleEndpoint(svc),
		ScheduleService: write(makeScheduleServiceEndpoint(svc)),
		RecordOdometer:  makeRecordOdometerEndpoint(svc),
	}
}

type listVehiclesRequest struct {
	Depot  string
	Status string
}

type idRequest struct {
	ID string
}

type createWorkOrderRequest struct {
	VehicleID string `json:"-"`
	Summary   string `json:"summary"`
}

type listWorkOrdersRequest struct {
	VehicleID string
	OpenOnly  bool
}

type closeWorkOrderRequest struct {
	ID        string `json:"-"`
	CostCents int64  `json:"costCents"`
}

type scheduleServiceRequest struct {
	VehicleID string    `json:"-"`
	At        time.Time `json:"at"`
}

type odometerRequest struct {
	VehicleID string `json:"-"`
	KM        int    `json:"km"`
}

type emptyResponse struct{}

func makeListVehiclesEndpoint(svc Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		req := request.(listVehiclesRequest)
		return svc.ListVehicles(ctx, req.Depot, req.Status)
	}
}

func makeGetVehicleEndpoint(svc Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		return svc.GetVehicle(ctx, request.(idRequest).ID)
	}
}

func makeCreateWorkOrderEndpoint(svc Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		req := request.(createWorkOrderRequest)
		return svc.CreateWorkOrder(ctx, req.VehicleID, req.Summary, Subject(ctx))
	}
}

func makeListWorkOrdersEndpoint(svc Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		req := request.(listWorkOrdersRequest)
		return svc.ListWorkOrders(ctx, req.VehicleID, req.OpenOnly)
	}
}

func makeCloseWorkOrderEndpoint(svc Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		req := request.(closeWorkOrderRequest)
		return svc.CloseWorkOrder(ctx, req.ID, req.CostCents, Subject(ctx))
	}
}

func makeDeleteVehicleEndpoint(svc Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		return emptyResponse{}, svc.DeleteVehicle(ctx, request.(idRequest).ID)
	}
}

func makeScheduleServiceEndpoint(svc Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		req := request.(scheduleServiceRequest)
		return emptyResponse{}, svc.ScheduleService(ctx, req.VehicleID, req.At)
	}
}

func makeRecordOdometerEndpoint(svc Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		req := request.(odometerRequest)
		return emptyResponse{}, svc.RecordOdometer(ctx, req.VehicleID, req.KM)
	}
}
