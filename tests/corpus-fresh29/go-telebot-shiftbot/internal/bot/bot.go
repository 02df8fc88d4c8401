// Package bot wires shiftbot's Telegram commands and buttons.
package bot

import (
	tele "gopkg.in/telebot.v3"
	"gopkg.in/telebot.v3/middleware"

	"github.com/brightwater-care/shiftbot/internal/rota"
	"github.com/brightwater-care/shiftbot/internal/store"
)

type Handlers struct {
	Store    *store.Store
	Rota     *rota.Client
	Managers map[int64]bool
	TeamChat int64
}

var (
	swapMenu       = &tele.ReplyMarkup{}
	btnTakeSwap    = swapMenu.Data("I'll take it", "swap_take")
	btnApproveSwap = swapMenu.Data("Approve", "swap_approve")
	btnRejectSwap  = swapMenu.Data("Reject", "swap_reject")
)

// Register installs middleware and handlers on b.
func Register(b *tele.Bot, h *Handlers, managerIDs []int64) {
	b.Use(middleware.Recover())
	b.Use(middleware.AutoRespond())

	// Onboarding and help must work before a user is registered.
	b.Handle("/start", h.Start)
	b.Handle("/help", h.Help)

	staff := b.Group()
	staff.Use(RequireRegistered(h.Store))
	staff.Handle("/myshifts", h.MyShifts)
	staff.Handle("/swap", h.RequestSwap)
	staff.Handle("/swapboard", h.SwapBoard)
	staff.Handle(&btnTakeSwap, h.TakeSwap)

	managers := b.Group()
	managers.Use(middleware.Whitelist(managerIDs...))
	managers.Handle("/invite", h.Invite)
	b.Handle("/cancelshift", h.CancelShift)

	// Swap decisions are buttons on messages in the team chat, which every
	// member can press; the handlers check the sender is a manager.
	b.Handle(&btnApproveSwap, h.ApproveSwap)
	b.Handle(&btnRejectSwap, h.RejectSwap)
}
