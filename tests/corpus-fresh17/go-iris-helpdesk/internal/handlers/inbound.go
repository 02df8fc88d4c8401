package handlers

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"strconv"
	"time"

	"github.com/kataras/iris/v12"

	"github.com/acme/helpdesk/internal/store"
)

type mailgunSignature struct {
	Timestamp string `json:"timestamp"`
	Token     string `json:"token"`
	Signature string `json:"signature"`
}

type mailgunEvent struct {
	Signature mailgunSignature `json:"signature"`
	EventData struct {
		Event   string `json:"event"`
		Message struct {
			Headers struct {
				From    string `json:"from"`
				Subject string `json:"subject"`
			} `json:"headers"`
		} `json:"message"`
		BodyPlain string `json:"body-plain"`
	} `json:"event-data"`
}

type TicketCreator interface {
	CreateTicket(ctx context.Context, t store.Ticket) (store.Ticket, error)
}

type Inbound struct {
	Store      TicketCreator
	SigningKey []byte
	Log        *slog.Logger
}

func (h *Inbound) validSignature(sig mailgunSignature) bool {
	ts, err := strconv.ParseInt(sig.Timestamp, 10, 64)
	if err != nil || timeNow().Sub(time.Unix(ts, 0)).Abs() > 5*time.Minute {
		return false
	}
	mac := hmac.New(sha256.New, h.SigningKey)
	mac.Write([]byte(sig.Timestamp + sig.Token))
	return hex.EncodeToString(mac.Sum(nil)) == sig.Signature
}

func (h *Inbound) Receive(ctx iris.Context) {
	var ev mailgunEvent
	if err := ctx.ReadJSON(&ev); err != nil {
		ctx.StopWithStatus(iris.StatusBadRequest)
		return
	}
	if !h.validSignature(ev.Signature) {
		h.Log.Warn("rejected inbound webhook with bad signature")
		ctx.StopWithStatus(iris.StatusNotAcceptable)
		return
	}
	msg := ev.EventData.Message.Headers
	t, err := h.Store.CreateTicket(ctx.Request().Context(), store.Ticket{Subject: msg.Subject, Body: ev.EventData.BodyPlain, Requester: msg.From})
	if err != nil {
		h.Log.Error("inbound ticket", "err", err)
		ctx.StopWithStatus(iris.StatusInternalServerError)
		return
	}
	h.Log.Info("ticket created from email", "id", t.ID, "from", msg.From)
	ctx.StatusCode(iris.StatusOK)
}
