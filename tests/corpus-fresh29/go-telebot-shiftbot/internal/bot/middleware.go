package bot

import (
	"context"
	"errors"

	tele "gopkg.in/telebot.v3"

	"github.com/brightwater-care/shiftbot/internal/store"
)

const staffKey = "staff"

// RequireRegistered rejects senders who have not linked their rota profile
// and stores the staff record on the context for handlers.
func RequireRegistered(s *store.Store) tele.MiddlewareFunc {
	return func(next tele.HandlerFunc) tele.HandlerFunc {
		return func(c tele.Context) error {
			if c.Sender() == nil {
				return nil
			}
			st, err := s.StaffByTelegram(context.Background(), c.Sender().ID)
			if errors.Is(err, store.ErrNotFound) {
				return c.Send("You're not registered yet. Ask your manager for an invite code and send /start <code>.")
			}
			if err != nil {
				return err
			}
			c.Set(staffKey, st)
			return next(c)
		}
	}
}

func staffFrom(c tele.Context) *store.Staff {
	st, _ := c.Get(staffKey).(*store.Staff)
	return st
}
