package worker

import (
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"
)

type RouterOptions struct {
	Topic         string
	RetryInterval time.Duration
	MaxRetries    int
}

func NewRouter(sub message.Subscriber, h *InvoiceHandler, opts RouterOptions, logger watermill.LoggerAdapter) (*message.Router, error) {
	router, err := message.NewRouter(message.RouterConfig{CloseTimeout: 30 * time.Second}, logger)
	if err != nil {
		return nil, err
	}

	maxRetries := opts.MaxRetries
	if maxRetries == 0 {
		maxRetries = 3
	}

	router.AddMiddleware(
		middleware.CorrelationID,
		middleware.Retry{
			MaxRetries:      maxRetries,
			InitialInterval: opts.RetryInterval,
			Multiplier:      2,
			MaxInterval:     10 * time.Second,
			Logger:          logger,
		}.Middleware,
		middleware.Recoverer,
	)

	router.AddNoPublisherHandler("invoice-ledger", opts.Topic, sub, h.Handle)
	return router, nil
}
