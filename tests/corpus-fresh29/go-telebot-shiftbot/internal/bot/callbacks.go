package bot

import (
	"context"
	"fmt"
	"strconv"

	tele "gopkg.in/telebot.v3"
)

func (h *Handlers) isManager(c tele.Context) bool {
	return c.Sender() != nil && h.Managers[c.Sender().ID]
}

func swapID(c tele.Context) (int64, error) {
	return strconv.ParseInt(c.Callback().Data, 10, 64)
}

func (h *Handlers) TakeSwap(c tele.Context) error {
	id, err := swapID(c)
	if err != nil {
		return c.Respond(&tele.CallbackResponse{Text: "That button has expired."})
	}
	if err := h.Store.TakeSwap(context.Background(), id, c.Sender().ID); err != nil {
		return c.Respond(&tele.CallbackResponse{Text: "Someone already offered, or this is your own shift."})
	}
	return c.Respond(&tele.CallbackResponse{Text: "Thanks! A manager will confirm."})
}

func (h *Handlers) ApproveSwap(c tele.Context) error {
	id, err := swapID(c)
	if err != nil {
		return c.Respond(&tele.CallbackResponse{Text: "That button has expired."})
	}
	ctx := context.Background()
	sw, err := h.Store.Swap(ctx, id)
	if err != nil {
		return c.Respond(&tele.CallbackResponse{Text: "Unknown swap."})
	}
	if !sw.TakenBy.Valid {
		return c.Respond(&tele.CallbackResponse{Text: "Nobody has offered to take this shift yet.", ShowAlert: true})
	}
	taker, err := h.Store.StaffByTelegram(ctx, sw.TakenBy.Int64)
	if err != nil {
		return err
	}
	if err := h.Rota.ReassignShift(ctx, sw.ShiftID, taker.RotaID); err != nil {
		return err
	}
	if err := h.Store.DecideSwap(ctx, id, "approved", c.Sender().ID); err != nil {
		return err
	}
	return c.Edit(fmt.Sprintf("Swap #%d approved: %s takes shift %s.", id, taker.Name, sw.ShiftID))
}

func (h *Handlers) RejectSwap(c tele.Context) error {
	if !h.isManager(c) {
		return c.Respond(&tele.CallbackResponse{Text: "Only managers can decide swaps.", ShowAlert: true})
	}
	id, err := swapID(c)
	if err != nil {
		return c.Respond(&tele.CallbackResponse{Text: "That button has expired."})
	}
	if err := h.Store.DecideSwap(context.Background(), id, "rejected", c.Sender().ID); err != nil {
		return err
	}
	return c.Edit(fmt.Sprintf("Swap #%d rejected.", id))
}
