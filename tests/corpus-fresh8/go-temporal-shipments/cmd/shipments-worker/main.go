package main

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"log/slog"
	"net/http"
	"os"

	flag "github.com/spf13/pflag"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"

	"github.com/acme-retail/shipments-worker/internal/activities"
	"github.com/acme-retail/shipments-worker/internal/ops"
	"github.com/acme-retail/shipments-worker/internal/workflows"
)

type options struct {
	hostPort      string
	namespace     string
	taskQueue     string
	tlsCert       string
	tlsKey        string
	caFile        string
	insecure      bool
	maxActivities int
	opsAddr       string
	carrierAPI    string
}

func parseFlags() options {
	var o options
	flag.StringVar(&o.hostPort, "temporal-host", "localhost:7233", "Temporal frontend host:port")
	flag.StringVar(&o.namespace, "namespace", "default", "Temporal namespace")
	flag.StringVar(&o.taskQueue, "task-queue", workflows.TaskQueue, "task queue to poll")
	flag.StringVar(&o.tlsCert, "tls-cert", "/Users/priya.n/temporal-certs/client.pem", "mTLS client certificate")
	flag.StringVar(&o.tlsKey, "tls-key", "", "mTLS client key")
	flag.StringVar(&o.caFile, "tls-ca", "/etc/temporal/tls/ca.pem", "CA bundle for the Temporal frontend")
	flag.BoolVar(&o.insecure, "insecure", false, "skip server certificate verification (local dev clusters only)")
	flag.IntVar(&o.maxActivities, "max-concurrent-activities", 50, "maximum concurrently executing activities")
	flag.StringVar(&o.opsAddr, "ops-addr", ":8081", "listen address for health and admin endpoints")
	flag.StringVar(&o.carrierAPI, "carrier-api", "https://api.goshippo.com", "carrier API base URL")
	flag.Parse()
	return o
}

func tlsConfig(o options) (*tls.Config, error) {
	if o.tlsKey == "" {
		return nil, nil
	}
	cert, err := tls.LoadX509KeyPair(o.tlsCert, o.tlsKey)
	if err != nil {
		return nil, fmt.Errorf("load client cert: %w", err)
	}
	pool := x509.NewCertPool()
	ca, err := os.ReadFile(o.caFile)
	if err != nil {
		return nil, fmt.Errorf("read CA bundle %s: %w", o.caFile, err)
	}
	if !pool.AppendCertsFromPEM(ca) {
		return nil, fmt.Errorf("no certificates found in %s", o.caFile)
	}
	return &tls.Config{
		Certificates:       []tls.Certificate{cert},
		RootCAs:            pool,
		InsecureSkipVerify: o.insecure,
		MinVersion:         tls.VersionTLS12,
	}, nil
}

func main() {
	o := parseFlags()
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))

	tc, err := tlsConfig(o)
	if err != nil {
		log.Error("tls setup failed", "error", err)
		os.Exit(1)
	}
	c, err := client.Dial(client.Options{
		HostPort:          o.hostPort,
		Namespace:         o.namespace,
		ConnectionOptions: client.ConnectionOptions{TLS: tc},
	})
	if err != nil {
		log.Error("unable to connect to Temporal", "error", err)
		os.Exit(1)
	}
	defer c.Close()

	w := worker.New(c, o.taskQueue, worker.Options{
		EnableSessionWorker: false,
	})
	w.RegisterWorkflow(workflows.ShipmentWorkflow)
	w.RegisterActivity(activities.New(o.carrierAPI))

	srv := &ops.Server{Temporal: c, AdminToken: os.Getenv("OPS_ADMIN_TOKEN"), CarrierSecret: os.Getenv("CARRIER_WEBHOOK_SECRET"), Log: log}
	go func() {
		if err := http.ListenAndServe(o.opsAddr, srv.Routes()); err != nil && err != http.ErrServerClosed {
			log.Error("ops server stopped", "error", err)
		}
	}()

	if err := w.Run(worker.InterruptCh()); err != nil {
		log.Error("worker exited", "error", err)
		os.Exit(1)
	}
}
