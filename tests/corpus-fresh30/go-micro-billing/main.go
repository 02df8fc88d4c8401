package main

import (
	"context"
	"os"

	"github.com/golang-jwt/jwt/v5"
	"go-micro.dev/v4"
	"go-micro.dev/v4/logger"
	"go-micro.dev/v4/server"

	"github.com/ledgerline/billing/config"
	"github.com/ledgerline/billing/handler"
	"github.com/ledgerline/billing/payments"
	pb "github.com/ledgerline/billing/proto/billing"
	"github.com/ledgerline/billing/store"
	"github.com/ledgerline/billing/subscriber"
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		logger.Fatal(err)
	}
	publicKey, err := jwt.ParseRSAPublicKeyFromPEM([]byte(cfg.JWTPublicKeyPEM))
	if err != nil {
		logger.Fatalf("parse jwt public key: %v", err)
	}
	if err := os.MkdirAll(cfg.PDFDir, 0o750); err != nil {
		logger.Fatalf("receipt dir: %v", err)
	}

	st, err := store.Open(context.Background(), cfg.DatabaseURL)
	if err != nil {
		logger.Fatal(err)
	}
	defer st.Close()

	service := micro.NewService(
		micro.Name("ledgerline.billing"),
		micro.Version("1.9.0"),
		micro.WrapHandler(handler.AuthWrapper(publicKey, cfg.ServiceToken)),
	)
	service.Init()

	billing := &handler.Billing{
		Store:    st,
		Payments: payments.NewClient(cfg.Provider.BaseURL, cfg.Provider.APIKey, cfg.Provider.Timeout),
		Events:   micro.NewEvent("ledgerline.billing.invoice.paid", service.Client()),
	}
	if err := pb.RegisterBillingHandler(service.Server(), billing); err != nil {
		logger.Fatal(err)
	}
	if err := pb.RegisterAdminHandler(service.Server(), &handler.Admin{Store: st}); err != nil {
		logger.Fatal(err)
	}

	events := &subscriber.PaymentEvents{Store: st, SigningKey: []byte(cfg.EventSigningKey), ReceiptDir: cfg.PDFDir}
	if err := micro.RegisterSubscriber("ledgerline.payments.events", service.Server(), events,
		server.SubscriberQueue("billing")); err != nil {
		logger.Fatal(err)
	}

	if err := service.Run(); err != nil {
		logger.Fatal(err)
	}
}
