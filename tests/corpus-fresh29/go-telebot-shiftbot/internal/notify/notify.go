// Package notify sends messages to staff.
package notify

import (
	"context"
	"log/slog"

	tele "gopkg.in/telebot.v3"
)

// Notifier delivers a text message to one staff member.
type Notifier interface {
	Notify(ctx context.Context, telegramID int64, text string) error
}

// Telegram sends through the bot.
type Telegram struct {
	Bot *tele.Bot
}

func (t Telegram) Notify(ctx context.Context, telegramID int64, text string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err := t.Bot.Send(tele.ChatID(telegramID), text)
	return err
}

// Log is used with SHIFTBOT_DRY_RUN=1: messages are logged instead of sent.
// ctx is part of the Notifier contract; logging never blocks, so it is unused.
type Log struct {
	Logger *slog.Logger
}

func (l Log) Notify(ctx context.Context, telegramID int64, text string) error {
	l.Logger.Info("dry-run notification", "to", telegramID, "text", text)
	return nil
}
