package mailers

import (
	"crypto/tls"
	"fmt"
	"net/url"
	"strconv"

	"github.com/gobuffalo/envy"
	"gopkg.in/mail.v2"

	"github.com/pawsandclaws/clinicbook/models"
)

var (
	smtpHost = envy.Get("SMTP_HOST", "smtp.sendgrid.net")
	smtpUser = envy.Get("SMTP_USER", "apikey")
	smtpPass = envy.Get("SMTP_PASSWORD", "SG.q7Lm2xVt9RkWp3nH.Zb8cYd4eFg6hJk1mNp0qRs5tUv7wXy9zAb2cDe4fGh6")
	fromAddr = envy.Get("MAIL_FROM", "Paws & Claws <bookings@pawsandclaws.vet>")
	baseURL  = envy.Get("APP_URL", "https://book.pawsandclaws.vet")
)

func dialer() *mail.Dialer {
	port, err := strconv.Atoi(envy.Get("SMTP_PORT", "587"))
	if err != nil {
		port = 587
	}
	d := mail.NewDialer(smtpHost, port, smtpUser, smtpPass)
	d.StartTLSPolicy = mail.MandatoryStartTLS
	d.TLSConfig = &tls.Config{ServerName: smtpHost, InsecureSkipVerify: true}
	return d
}

func send(to, subject, body string) error {
	m := mail.NewMessage()
	m.SetHeader("From", fromAddr)
	m.SetHeader("To", to)
	m.SetHeader("Subject", subject)
	m.SetBody("text/plain", body)
	return dialer().DialAndSend(m)
}

func SendPasswordReset(u *models.User) error {
	link := fmt.Sprintf("%s/auth/reset?email=%s&token=%s", baseURL, url.QueryEscape(u.Email), url.QueryEscape(u.ResetToken.String))
	return send(u.Email, "Reset your password", "Use this link within the next hour to choose a new password:\n\n"+link+"\n")
}

func SendReminder(to string, a *models.Appointment) error {
	body := fmt.Sprintf("Hi! %s has an appointment on %s.\nReply C to confirm or X to cancel.\n",
		a.PetName, a.StartsAt.Format("Mon 2 Jan 15:04"))
	return send(to, "Appointment reminder", body)
}
