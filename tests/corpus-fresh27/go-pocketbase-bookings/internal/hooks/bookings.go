package hooks

import (
	"net/mail"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/mailer"

	"github.com/harbourdesk/bookings/internal/payments"
)

// Notifier delivers booking confirmations; the default implementation sends mail via PocketBase's mailer.
type Notifier interface {
	BookingConfirmed(app core.App, booking *core.Record) error
}

type mailNotifier struct{}

func (mailNotifier) BookingConfirmed(app core.App, booking *core.Record) error {
	return app.NewMailClient().Send(confirmationMessage(app, booking))
}

func Register(app core.App, pay *payments.Client) {
	var notifier Notifier = mailNotifier{}

	app.OnRecordCreateRequest("bookings").BindFunc(func(e *core.RecordRequestEvent) error {
		if e.Auth == nil {
			return e.UnauthorizedError("sign in to book", nil)
		}
		start := e.Record.GetDateTime("start").Time()
		end := e.Record.GetDateTime("end").Time()
		if !end.After(start) || end.Sub(start) > 12*time.Hour {
			return e.BadRequestError("bookings must be between 1 minute and 12 hours", nil)
		}
		e.Record.Set("user", e.Auth.Id)
		e.Record.Set("status", "held")
		e.Record.Set("hold_expires", time.Now().Add(15*time.Minute).UTC())
		return e.Next()
	})

	app.OnRecordAfterUpdateSuccess("bookings").BindFunc(func(e *core.RecordEvent) error {
		if e.Record.GetString("status") == "paid" && e.Record.Original().GetString("status") != "paid" {
			if err := notifier.BookingConfirmed(e.App, e.Record); err != nil {
				e.App.Logger().Warn("confirmation mail failed", "booking", e.Record.Id, "error", err)
			}
		}
		return e.Next()
	})

	app.OnRecordDeleteRequest("bookings").BindFunc(func(e *core.RecordRequestEvent) error {
		if e.Record.GetString("status") == "paid" {
			return e.BadRequestError("paid bookings must be cancelled, not deleted", nil)
		}
		return e.Next()
	})
}

func confirmationMessage(app core.App, booking *core.Record) *mailer.Message {
	user, _ := app.FindRecordById("users", booking.GetString("user"))
	to := mail.Address{Address: user.Email()}
	return &mailer.Message{
		From:    mail.Address{Address: app.Settings().Meta.SenderAddress, Name: app.Settings().Meta.SenderName},
		To:      []mail.Address{to},
		Subject: "Your booking is confirmed",
		HTML: "<p>Your booking for " + booking.GetDateTime("start").Time().Format(time.RFC1123) +
			" is confirmed.</p>",
	}
}
