package handler

import (
	"gofr.dev/pkg/gofr"
	gofrHttp "gofr.dev/pkg/gofr/http"
)

// Webhook handles carrier tracking callbacks. Requests reach it only after
// middleware.CarrierSignature has verified the HMAC signature.
type Webhook struct {
	store shipmentStore
}

func NewWebhook(s shipmentStore) *Webhook {
	return &Webhook{store: s}
}

type trackEvent struct {
	Data struct {
		Metadata       string `json:"metadata"` // our shipment id
		TrackingNumber string `json:"tracking_number"`
		TrackingStatus struct {
			Status string `json:"status"`
		} `json:"tracking_status"`
	} `json:"data"`
}

func (wh *Webhook) Handle(ctx *gofr.Context) (any, error) {
	var ev trackEvent
	if err := ctx.Bind(&ev); err != nil {
		return nil, gofrHttp.ErrorInvalidParam{Params: []string{"body"}}
	}
	if ev.Data.Metadata == "" {
		return nil, gofrHttp.ErrorMissingParam{Params: []string{"data.metadata"}}
	}
	if err := wh.store.UpdateStatus(ctx, ev.Data.Metadata, ev.Data.TrackingStatus.Status, ev.Data.TrackingNumber); err != nil {
		ctx.Logger.Errorf("webhook status update for %s: %v", ev.Data.Metadata, err)
		return nil, err
	}
	return map[string]bool{"ok": true}, nil
}
