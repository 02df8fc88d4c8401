package consumer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// HandlerFunc processes one message. Returning an error wrapping errPoison terminates the
// message; any other error naks it for redelivery.
type HandlerFunc func(ctx context.Context, msg jetstream.Msg) error

var (
	errPoison       = errors.New("poison message")
	errBadSignature = fmt.Errorf("%w: bad signature", errPoison)
)

func Setup(ctx context.Context, js jetstream.JetStream, stream, durable string) (jetstream.Consumer, error) {
	return js.CreateOrUpdateConsumer(ctx, stream, jetstream.ConsumerConfig{
		Durable:        durable,
		AckPolicy:      jetstream.AckExplicitPolicy,
		AckWait:        60 * time.Second,
		MaxDeliver:     8,
		FilterSubjects: []string{"notify.>"},
		BackOff:        []time.Duration{5 * time.Second, 30 * time.Second, 2 * time.Minute},
	})
}

type Runner struct {
	cons     jetstream.Consumer
	handlers map[string]HandlerFunc
	log      *slog.Logger
}

func NewRunner(cons jetstream.Consumer, handlers map[string]HandlerFunc, log *slog.Logger) *Runner {
	return &Runner{cons: cons, handlers: handlers, log: log}
}

func (r *Runner) Run(ctx context.Context) error {
	for {
		if ctx.Err() != nil {
			return nil
		}
		batch, err := r.cons.Fetch(32, jetstream.FetchMaxWait(5*time.Second))
		if err != nil {
			if errors.Is(err, jetstream.ErrNoMessages) || errors.Is(err, nats.ErrTimeout) {
				continue
			}
			return fmt.Errorf("fetch: %w", err)
		}
		for msg := range batch.Messages() {
			r.dispatch(ctx, msg)
		}
		if err := batch.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) {
			r.log.Warn("batch ended with error", "err", err)
		}
	}
}

func (r *Runner) dispatch(ctx context.Context, msg jetstream.Msg) {
	h, ok := r.handlers[msg.Subject()]
	if !ok {
		r.log.Error("no handler for subject; terminating", "subject", msg.Subject())
		if err := msg.TermWithReason("no handler"); err != nil {
			r.log.Error("term failed", "subject", msg.Subject(), "err", err)
		}
		return
	}
	hctx, cancel := context.WithTimeout(ctx, 45*time.Second)
	defer cancel()
	err := h(hctx, msg)
	switch {
	case err == nil:
		if ackErr := msg.DoubleAck(ctx); ackErr != nil {
			r.log.Error("ack failed", "subject", msg.Subject(), "err", ackErr)
		}
	case errors.Is(err, errPoison):
		r.log.Error("poison message", "subject", msg.Subject(), "err", err)
		if termErr := msg.TermWithReason(err.Error()); termErr != nil {
			r.log.Error("term failed", "subject", msg.Subject(), "err", termErr)
		}
	default:
		r.log.Warn("handler failed; will be redelivered", "subject", msg.Subject(), "err", err)
		if nakErr := msg.Nak(); nakErr != nil {
			r.log.Error("nak failed", "subject", msg.Subject(), "err", nakErr)
		}
	}
}
