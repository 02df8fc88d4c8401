package bot

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"github.com/brightwater-care/shiftbot/internal/store"
)

const helpText = `Shiftbot commands:
/myshifts — your shifts for the next 7 days
/swap <shift-id> — ask the team to take a shift
/start <code> — link your account with an invite code`

func (h *Handlers) Start(c tele.Context) error {
	code := strings.TrimSpace(c.Message().Payload)
	if code == "" {
		return c.Send("Hi! Send /start followed by the invite code from your manager.")
	}
	name := strings.TrimSpace(c.Sender().FirstName + " " + c.Sender().LastName)
	st, err := h.Store.RedeemInvite(context.Background(), code, c.Sender().ID, name)
	if errors.Is(err, store.ErrNotFound) {
		return c.Send("That invite code is not valid or was already used.")
	}
	if err != nil {
		return err
	}
	return c.Send(fmt.Sprintf("Welcome, %s. You're linked to the %s team rota.", st.Name, st.TeamID))
}

func (h *Handlers) Help(c tele.Context) error {
	return c.Send(helpText)
}

func (h *Handlers) MyShifts(c tele.Context) error {
	st := staffFrom(c)
	from := time.Now().Truncate(24 * time.Hour)
	shifts, err := h.Store.ShiftsBetween(context.Background(), st.RotaID, from, from.AddDate(0, 0, 7))
	if err != nil {
		return err
	}
	if len(shifts) == 0 {
		return c.Send("No shifts in the next 7 days.")
	}
	var b strings.Builder
	for _, sh := range shifts {
		fmt.Fprintf(&b, "%s  %s–%s  %s  (%s)\n", sh.StartsAt.Format("Mon 02 Jan"), sh.StartsAt.Format("15:04"),
			sh.EndsAt.Format("15:04"), sh.Role, sh.ID)
	}
	return c.Send(b.String())
}

func (h *Handlers) RequestSwap(c tele.Context) error {
	args := c.Args()
	if len(args) != 1 {
		return c.Send("Usage: /swap <shift-id>")
	}
	st := staffFrom(c)
	id, err := h.Store.OpenSwap(context.Background(), args[0], st.TelegramID)
	if err != nil {
		return err
	}
	markup := &tele.ReplyMarkup{}
	take := markup.Data(btnTakeSwap.Text, btnTakeSwap.Unique, fmt.Sprint(id))
	approve := markup.Data(btnApproveSwap.Text, btnApproveSwap.Unique, fmt.Sprint(id))
	reject := markup.Data(btnRejectSwap.Text, btnRejectSwap.Unique, fmt.Sprint(id))
	markup.Inline(markup.Row(take), markup.Row(approve, reject))
	_, err = c.Bot().Send(tele.ChatID(h.TeamChat), fmt.Sprintf("%s can't make shift %s. Can anyone cover? (swap #%d)", st.Name, args[0], id), markup)
	if err != nil {
		return err
	}
	return c.Send("Posted to the team chat.")
}

func (h *Handlers) SwapBoard(c tele.Context) error {
	return errors.New("not implemented")
}

func newInviteCode() (string, error) {
	b := make([]byte, 10)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return strings.ToUpper(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)), nil
}

func (h *Handlers) Invite(c tele.Context) error {
	args := c.Args()
	if len(args) != 2 {
		return c.Send("Usage: /invite <rota-staff-id> <team-id>")
	}
	code, err := newInviteCode()
	if err != nil {
		return err
	}
	if err := h.Store.CreateInvite(context.Background(), code, args[0], args[1]); err != nil {
		return err
	}
	return c.Send(fmt.Sprintf("Invite code for %s: %s\nThey should send /start %s to this bot.", args[0], code, code))
}

func (h *Handlers) CancelShift(c tele.Context) error {
	args := c.Args()
	if len(args) != 1 {
		return c.Send("Usage: /cancelshift <shift-id>")
	}
	ctx := context.Background()
	if err := h.Rota.CancelShift(ctx, args[0]); err != nil {
		return err
	}
	if err := h.Store.CancelShift(ctx, args[0], c.Sender().ID); err != nil {
		return err
	}
	return c.Send(fmt.Sprintf("Shift %s cancelled.", args[0]))
}
