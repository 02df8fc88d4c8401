// Package handlers implements the Dapr callbacks and HTTP routes of the payouts app.
package handlers

import (
	"context"
	"encoding/json"
	"log/slog"

	dapr "github.com/dapr/go-sdk/client"

	"github.com/stallwise/payouts/internal/bank"
	"github.com/stallwise/payouts/internal/config"
	"github.com/stallwise/payouts/internal/state"
)

type Publisher interface {
	PublishEvent(ctx context.Context, pubsubName, topicName string, data interface{}, opts ...dapr.PublishEventOption) error
}

type Banker interface {
	CreateTransfer(ctx context.Context, tr bank.TransferRequest) (*bank.Transfer, error)
}

type Handlers struct {
	Cfg       *config.Config
	Store     *state.Store
	Bank      Banker
	Pub       Publisher
	Bindings  OutputBinding
	Log       *slog.Logger
	BankWHKey []byte
}

type OutputBinding interface {
	InvokeOutputBinding(ctx context.Context, in *dapr.InvokeBindingRequest) error
}

// publish sends an event, spooling it locally when the pub/sub component is unavailable.
func (h *Handlers) publish(ctx context.Context, topic string, v any) {
	if err := h.Pub.PublishEvent(ctx, config.PubSubName, topic, v); err != nil {
		h.Log.Warn("publish failed; spooling", "topic", topic, "err", err)
		payload, merr := json.Marshal(v)
		if merr != nil {
			h.Log.Error("cannot spool event", "topic", topic, "err", merr)
			return
		}
		if serr := state.Spool(topic, payload); serr != nil {
			h.Log.Error("event lost", "topic", topic, "err", serr)
		}
	}
}
