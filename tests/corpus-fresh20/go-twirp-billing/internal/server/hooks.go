package server

import (
	"context"
	"log/slog"
	"time"

	"github.com/twitchtv/twirp"
)

type startKey struct{}

// LoggingHooks records one structured line per RPC.
func LoggingHooks(log *slog.Logger) *twirp.ServerHooks {
	return &twirp.ServerHooks{
		RequestReceived: func(ctx context.Context) (context.Context, error) {
			return context.WithValue(ctx, startKey{}, time.Now()), nil
		},
		ResponseSent: func(ctx context.Context) {
			method, _ := twirp.MethodName(ctx)
			status, _ := twirp.StatusCode(ctx)
			start, _ := ctx.Value(startKey{}).(time.Time)
			log.Info("rpc", "method", method, "status", status, "duration_ms", time.Since(start).Milliseconds())
		},
		Error: func(ctx context.Context, twerr twirp.Error) context.Context {
			method, _ := twirp.MethodName(ctx)
			log.Warn("rpc error", "method", method, "code", twerr.Code(), "msg", twerr.Msg())
			return ctx
		},
	}
}
