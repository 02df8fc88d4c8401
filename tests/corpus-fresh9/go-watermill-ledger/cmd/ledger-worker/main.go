package main

import (
	"context"
	"crypto/tls"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/IBM/sarama"
	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill-kafka/v3/pkg/kafka"
	"github.com/alexflint/go-arg"

	"github.com/tallyhq/ledger-worker/internal/alert"
	"github.com/tallyhq/ledger-worker/internal/ledger"
	"github.com/tallyhq/ledger-worker/internal/worker"
)

type Args struct {
	// Broker connection
	Insecure      bool     `arg:"--insecure" help:"skip broker TLS verification (local docker only)"`
	Brokers       []string `arg:"--brokers,env:KAFKA_BROKERS" default:"localhost:9092" help:"Kafka bootstrap brokers"`
	Topic         string   `arg:"--topic" default:"billing.invoices" help:"topic to consume"`
	Group         string   `arg:"--group" default:"ledger-worker" help:"consumer group id"`
	SigningSecret string   `arg:"--signing-secret,env:INVOICE_SIGNING_SECRET,required" help:"HMAC secret of the billing service"`

	// Processing
	RetryInterval time.Duration `arg:"--retry-interval" default:"500ms" help:"initial retry backoff"`
	Currency      string        `arg:"--currency" default:"EUR" help:"ledger base currency"`
	OutDir        string        `arg:"--out-dir,env:LEDGER_OUT_DIR" default:"/Users/samir.haddad/code/ledger-worker/out" help:"where ledger batches are written"`
	MaxRetries    int           `arg:"--max-retries" default:"5" help:"retries before a message is sent to the poison queue"`
}

func (Args) Description() string {
	return "ledger-worker consumes invoice events and appends them to the accounting ledger"
}

func main() {
	var args Args
	arg.MustParse(&args)

	logger := watermill.NewStdLogger(false, false)

	saramaCfg := kafka.DefaultSaramaSubscriberConfig()
	saramaCfg.Consumer.Offsets.Initial = sarama.OffsetOldest
	saramaCfg.Net.TLS.Enable = true
	saramaCfg.Net.TLS.Config = &tls.Config{InsecureSkipVerify: args.Insecure, MinVersion: tls.VersionTLS12}

	sub, err := kafka.NewSubscriber(kafka.SubscriberConfig{
		Brokers:               args.Brokers,
		Unmarshaler:           kafka.DefaultMarshaler{},
		OverwriteSaramaConfig: saramaCfg,
		ConsumerGroup:         args.Group,
	}, logger)
	if err != nil {
		log.Fatalf("kafka subscriber: %v", err)
	}

	writer, err := ledger.NewWriter(args.OutDir)
	if err != nil {
		log.Fatalf("ledger writer: %v", err)
	}

	notifier := alert.NewSlack(os.Getenv("SLACK_ALERT_CHANNEL"))
	handler := worker.NewInvoiceHandler(writer, notifier, []byte(args.SigningSecret), args.Currency)

	router, err := worker.NewRouter(sub, handler, worker.RouterOptions{
		Topic:         args.Topic,
		RetryInterval: args.RetryInterval,
	}, logger)
	if err != nil {
		log.Fatalf("router: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := router.Run(ctx); err != nil {
		log.Fatalf("router stopped: %v", err)
	}
	if err := writer.Close(); err != nil {
		log.Fatalf("closing ledger: %v", err)
	}
}
