package fleet

import (
	"context"
	"time"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
)

type Middleware func(Service) Service

func LoggingMiddleware(logger log.Logger) Middleware {
	return func(next Service) Service {
		return &loggingMiddleware{next: next, logger: logger}
	}
}

type loggingMiddleware struct {
	next   Service
	logger log.Logger
}

func (mw *loggingMiddleware) log(method string, begin time.Time, err error, kv ...interface{}) {
	lvl := level.Info(mw.logger)
	if err != nil {
		lvl = level.Warn(mw.logger)
	}
	fields := append([]interface{}{"method", method, "took", time.Since(begin), "err", err}, kv...)
	_ = lvl.Log(fields...)
}

func (mw *loggingMiddleware) ListVehicles(ctx context.Context, depot, status string) (v []Vehicle, err error) {
	defer func(begin time.Time) { mw.log("ListVehicles", begin, err, "depot", depot, "status", status, "n", len(v)) }(time.Now())
	return mw.next.ListVehicles(ctx, depot, status)
}

func (mw *loggingMiddleware) GetVehicle(ctx context.Context, id string) (v Vehicle, err error) {
	defer func(begin time.Time) { mw.log("GetVehicle", begin, err, "id", id) }(time.Now())
	return mw.next.GetVehicle(ctx, id)
}

func (mw *loggingMiddleware) CreateWorkOrder(ctx context.Context, vehicleID, summary, actor string) (wo WorkOrder, err error) {
	defer func(begin time.Time) { mw.log("CreateWorkOrder", begin, err, "vehicle", vehicleID, "actor", actor) }(time.Now())
	return mw.next.CreateWorkOrder(ctx, vehicleID, summary, actor)
}

func (mw *loggingMiddleware) ListWorkOrders(ctx context.Context, vehicleID string, openOnly bool) (out []WorkOrder, err error) {
	defer func(begin time.Time) { mw.log("ListWorkOrders", begin, err, "vehicle", vehicleID, "open", openOnly) }(time.Now())
	return mw.next.ListWorkOrders(ctx, vehicleID, openOnly)
}

func (mw *loggingMiddleware) CloseWorkOrder(ctx context.Context, id string, costCents int64, actor string) (wo WorkOrder, err error) {
	defer func(begin time.Time) { mw.log("CloseWorkOrder", begin, err, "id", id, "cost", costCents, "actor", actor) }(time.Now())
	return mw.next.CloseWorkOrder(ctx, id, costCents, actor)
}

func (mw *loggingMiddleware) DeleteVehicle(ctx context.Context, id string) (err error) {
	defer func(begin time.Time) { mw.log("DeleteVehicle", begin, err, "id", id) }(time.Now())
	return mw.next.DeleteVehicle(ctx, id)
}

func (mw *loggingMiddleware) ScheduleService(ctx context.Context, vehicleID string, at time.Time) (err error) {
	defer func(begin time.Time) { mw.log("ScheduleService", begin, err, "vehicle", vehicleID, "at", at) }(time.Now())
	return mw.next.ScheduleService(ctx, vehicleID, at)
}

func (mw *loggingMiddleware) RecordOdometer(ctx context.Context, vehicleID string, km int) (err error) {
	defer func(begin time.Time) { mw.log("RecordOdometer", begin, err, "vehicle", vehicleID, "km", km) }(time.Now())
	return mw.next.RecordOdometer(ctx, vehicleID, km)
}
