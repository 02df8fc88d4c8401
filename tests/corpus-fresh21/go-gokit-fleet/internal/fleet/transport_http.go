package fleet

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	kitjwt "github.com/go-kit/kit/auth/jwt"
	"github.com/go-kit/kit/transport"
	kithttp "github.com/go-kit/kit/transport/http"
	"github.com/go-kit/log"
	"github.com/gorilla/mux"
)

var errBadRoute = errors.New("bad route")

func NewHTTPHandler(set Set, deviceKeySHA256 []byte, webhook http.Handler, health http.HandlerFunc, logger log.Logger) http.Handler {
	r := mux.NewRouter()
	opts := []kithttp.ServerOption{
		kithttp.ServerBefore(kitjwt.HTTPToContext()),
		kithttp.ServerErrorEncoder(encodeError),
		kithttp.ServerErrorHandler(transport.NewLogErrorHandler(logger)),
	}

	r.Methods(http.MethodGet).Path("/healthz").HandlerFunc(health)
	r.Methods(http.MethodPost).Path("/v1/webhooks/telematics").Handler(webhook)

	v1 := r.PathPrefix("/v1").Subrouter()
	v1.Methods(http.MethodGet).Path("/vehicles").Handler(kithttp.NewServer(set.ListVehicles, decodeListVehicles, encodeJSON, opts...))
	v1.Methods(http.MethodGet).Path("/vehicles/{id}").Handler(kithttp.NewServer(set.GetVehicle, decodeID, encodeJSON, opts...))
	v1.Methods(http.MethodDelete).Path("/vehicles/{id}").Handler(kithttp.NewServer(set.DeleteVehicle, decodeID, encodeJSON, opts...))
	v1.Methods(http.MethodGet).Path("/vehicles/{id}/work-orders").Handler(kithttp.NewServer(set.ListWorkOrders, decodeListWorkOrders, encodeJSON, opts...))
	v1.Methods(http.MethodPost).Path("/vehicles/{id}/work-orders").Handler(kithttp.NewServer(set.CreateWorkOrder, decodeCreateWorkOrder, encodeJSON, opts...))
	v1.Methods(http.MethodPost).Path("/work-orders/{id}/close").Handler(kithttp.NewServer(set.CloseWorkOrder, decodeCloseWorkOrder, encodeJSON, opts...))
	v1.Methods(http.MethodPost).Path("/vehicles/{id}/service").Handler(kithttp.NewServer(set.ScheduleService, decodeScheduleService, encodeJSON, opts...))
	v1.Methods(http.MethodPost).Path("/vehicles/{id}/odometer").Handler(
		DeviceKeyAuth(deviceKeySHA256, kithttp.NewServer(set.RecordOdometer, decodeOdometer, encodeJSON, opts...)),
	)
	return r
}

func pathID(r *http.Request) (string, error) {
	id, ok := mux.Vars(r)["id"]
	if !ok || id == "" {
		return "", errBadRoute
	}
	return id, nil
}

func decodeListVehicles(_ context.Context, r *http.Request) (interface{}, error) {
	q := r.URL.Query()
	return listVehiclesRequest{Depot: q.Get("depot"), Status: q.Get("status")}, nil
}

func decodeID(_ context.Context, r *http.Request) (interface{}, error) {
	id, err := pathID(r)
	return idRequest{ID: id}, err
}

func decodeListWorkOrders(_ context.Context, r *http.Request) (interface{}, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	open, _ := strconv.ParseBool(r.URL.Query().Get("open"))
	return listWorkOrdersRequest{VehicleID: id, OpenOnly: open}, nil
}

func decodeCreateWorkOrder(_ context.Context, r *http.Request) (interface{}, error) {
	var req createWorkOrderRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return nil, err
	}
	id, err := pathID(r)
	req.VehicleID = id
	return req, err
}

func decodeCloseWorkOrder(_ context.Context, r *http.Request) (interface{}, error) {
	var req closeWorkOrderRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return nil, err
	}
	id, err := pathID(r)
	req.ID = id
	return req, err
}

func decodeScheduleService(_ context.Context, r *http.Request) (interface{}, error) {
	var req scheduleServiceRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return nil, err
	}
	id, err := pathID(r)
	req.VehicleID = id
	return req, err
}

func decodeOdometer(_ context.Context, r *http.Request) (interface{}, error) {
	var req odometerRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return nil, err
	}
	id, err := pathID(r)
	req.VehicleID = id
	return req, err
}

func encodeJSON(_ context.Context, w http.ResponseWriter, response interface{}) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if _, ok := response.(emptyResponse); ok {
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
	return json.NewEncoder(w).Encode(response)
}

func statusFor(err error) int {
	switch {
	case errors.Is(err, ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, ErrInvalid), errors.Is(err, errBadRoute):
		return http.StatusBadRequest
	case errors.Is(err, ErrConflict):
		return http.StatusConflict
	case errors.Is(err, ErrForbidden):
		return http.StatusForbidden
	case errors.Is(err, ErrNotImplemented):
		return http.StatusNotImplemented
	case errors.Is(err, kitjwt.ErrTokenContextMissing), errors.Is(err, kitjwt.ErrTokenInvalid),
		errors.Is(err, kitjwt.ErrTokenExpired), errors.Is(err, kitjwt.ErrTokenMalformed):
		return http.StatusUnauthorized
	default:
		return http.StatusInternalServerError
	}
}

func encodeError(_ context.Context, err error, w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	code := statusFor(err)
	w.WriteHeader(code)
	msg := err.Error()
	if code == http.StatusInternalServerError {
		msg = "internal error"
	}
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg})
}
