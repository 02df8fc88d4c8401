package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/gocraft/work"

	"github.com/northwind/digestd/internal/config"
	"github.com/northwind/digestd/internal/mail"
	"github.com/northwind/digestd/internal/store"
)

// Deps holds the long-lived collaborators shared by every job invocation.
type Deps struct {
	Config   config.Config
	Store    *store.Store
	Mailer   mail.Sender
	Renderer *Renderer
	Enqueuer *work.Enqueuer
	Log      *slog.Logger
}

// Context is instantiated by gocraft/work for each job; Inject populates it.
type Context struct {
	deps *Deps
	log  *slog.Logger
	ctx  context.Context
}

func Inject(deps *Deps) func(c *Context, job *work.Job, next work.NextMiddlewareFunc) error {
	return func(c *Context, job *work.Job, next work.NextMiddlewareFunc) error {
		c.deps = deps
		c.log = deps.Log.With("job", job.Name, "job_id", job.ID, "fails", job.Fails)
		var cancel context.CancelFunc
		c.ctx, cancel = context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		return next()
	}
}

func (c *Context) LogTiming(job *work.Job, next work.NextMiddlewareFunc) error {
	start := time.Now()
	err := next()
	if err != nil {
		c.log.Error("job failed", "err", err, "elapsed", time.Since(start))
		return err
	}
	c.log.Info("job done", "elapsed", time.Since(start), "enqueued_at", time.Unix(job.EnqueuedAt, 0))
	return nil
}
