package tasks

import (
	"context"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"
)

// Logging records the outcome and duration of every task.
func Logging(logger *slog.Logger) asynq.MiddlewareFunc {
	return func(next asynq.Handler) asynq.Handler {
		return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
			start := time.Now()
			id, _ := asynq.GetTaskID(ctx)
			retry, _ := asynq.GetRetryCount(ctx)
			err := next.ProcessTask(ctx, t)
			attrs := []any{"type", t.Type(), "id", id, "retry", retry, "duration", time.Since(start)}
			if err != nil {
				logger.ErrorContext(ctx, "task failed", append(attrs, "error", err)...)
				return err
			}
			logger.InfoContext(ctx, "task done", attrs...)
			return nil
		})
	}
}

// Timeout bounds how long a single handler may run, independent of the
// per-task deadline set at enqueue time.
func Timeout(d time.Duration) asynq.MiddlewareFunc {
	return func(next asynq.Handler) asynq.Handler {
		return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
			ctx, cancel := context.WithTimeout(ctx, d)
			defer cancel()
			return next.ProcessTask(ctx, t)
		})
	}
}

// ErrorHandler is installed on the asynq server; it only reports
// failures, asynq itself schedules the retry.
func ErrorHandler(logger *slog.Logger) asynq.ErrorHandler {
	return asynq.ErrorHandlerFunc(func(ctx context.Context, t *asynq.Task, err error) {
		retried, _ := asynq.GetRetryCount(ctx)
		maxRetry, _ := asynq.GetMaxRetry(ctx)
		if retried >= maxRetry {
			logger.ErrorContext(ctx, "task exhausted retries", "type", t.Type(), "error", err)
		}
	})
}
