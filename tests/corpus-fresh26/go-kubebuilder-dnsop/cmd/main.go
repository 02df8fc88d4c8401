package main

import (
	"context"
	"crypto/tls"
	"flag"
	"os"

	"k8s.io/apimachinery/pkg/runtime"
	utilruntime "k8s.io/apimachinery/pkg/util/runtime"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	_ "k8s.io/client-go/plugin/pkg/client/auth"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/healthz"
	"sigs.k8s.io/controller-runtime/pkg/log/zap"
	"sigs.k8s.io/controller-runtime/pkg/metrics/filters"
	metricsserver "sigs.k8s.io/controller-runtime/pkg/metrics/server"
	"sigs.k8s.io/controller-runtime/pkg/webhook"
	"sigs.k8s.io/yaml"

	netopsv1alpha1 "github.com/acme-netops/dns-operator/api/v1alpha1"
	"github.com/acme-netops/dns-operator/internal/controller"
	"github.com/acme-netops/dns-operator/internal/dnsapi"
)

var (
	scheme   = runtime.NewScheme()
	setupLog = ctrl.Log.WithName("setup")
)

func init() {
	utilruntime.Must(clientgoscheme.AddToScheme(scheme))
	utilruntime.Must(netopsv1alpha1.AddToScheme(scheme))
}

func loadZones(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zones := map[string]string{}
	if err := yaml.Unmarshal(raw, &zones); err != nil {
		return nil, err
	}
	return zones, nil
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func main() {
	var metricsAddr, probeAddr, webhookCertPath, zonesFile, caFile string
	var enableLeaderElection, secureMetrics, enableHTTP2, dryRun bool

	flag.StringVar(&metricsAddr, "metrics-bind-address", "0", "The address the metrics endpoint binds to. Use :8443 for HTTPS or :8080 for HTTP, or 0 to disable.")
	flag.StringVar(&probeAddr, "health-probe-bind-address", ":8081", "The address the probe endpoint binds to.")
	flag.BoolVar(&enableLeaderElection, "leader-elect", false, "Enable leader election for controller manager.")
	flag.BoolVar(&secureMetrics, "metrics-secure", true, "Serve metrics over HTTPS with authn/authz.")
	flag.BoolVar(&enableHTTP2, "enable-http2", false, "Enable HTTP/2 for the metrics and webhook servers.")
	flag.StringVar(&webhookCertPath, "webhook-cert-path", "/tmp/k8s-webhook-server/serving-certs", "Directory containing the webhook serving certificate.")
	flag.StringVar(&zonesFile, "zones-file", "/home/priya/dev/dns-operator/config/zones.yaml", "YAML map of zone name to CloudZone zone id.")
	flag.StringVar(&caFile, "cloudzone-ca-file", "", "Optional CA bundle for the CloudZone API.")
	flag.BoolVar(&dryRun, "dry-run", false, "Log DNS changes instead of applying them.")
	opts := zap.Options{Development: false}
	opts.BindFlags(flag.CommandLine)
	flag.Parse()

	ctrl.SetLogger(zap.New(zap.UseFlagOptions(&opts)))

	var tlsOpts []func(*tls.Config)
	if !enableHTTP2 {
		// HTTP/2 stream cancellation and rapid reset CVEs; stick to http/1.1 unless asked.
		tlsOpts = append(tlsOpts, func(c *tls.Config) {
			c.NextProtos = []string{"http/1.1"}
		})
	}

	webhookServer := webhook.NewServer(webhook.Options{CertDir: webhookCertPath, TLSOpts: tlsOpts})

	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{
		Scheme: scheme,
		Metrics: metricsserver.Options{
			BindAddress:    metricsAddr,
			SecureServing:  secureMetrics,
			TLSOpts:        tlsOpts,
			FilterProvider: filters.WithAuthenticationAndAuthorization,
		},
		WebhookServer:          webhookServer,
		HealthProbeBindAddress: probeAddr,
		LeaderElection:         enableLeaderElection,
		LeaderElectionID:       "7c1f0e2a.netops.acme.io",
	})
	if err != nil {
		setupLog.Error(err, "unable to start manager")
		os.Exit(1)
	}

	zones, err := loadZones(zonesFile)
	if err != nil {
		setupLog.Error(err, "unable to load zones", "path", zonesFile)
		os.Exit(1)
	}

	token := os.Getenv("CLOUDZONE_API_TOKEN")
	if token == "" {
		token = "czpat_live_9Hq2VbT7xKd4RmZ1wLp8NcY3sFg6JeA0"
	}
	cloudzone, err := dnsapi.New(dnsapi.Options{
		BaseURL:        envOr("CLOUDZONE_URL", "https://api.cloudzone.example/v2"),
		Token:          token,
		DefaultZone:    os.Getenv("CLOUDZONE_DEFAULT_ZONE"),
		CAFile:         caFile,
		CallbackSecret: []byte(os.Getenv("CLOUDZONE_CALLBACK_SECRET")),
		Debug:          os.Getenv("CLOUDZONE_DEBUG") != "",
	})
	if err != nil {
		setupLog.Error(err, "unable to create CloudZone client")
		os.Exit(1)
	}
	var provider dnsapi.Provider = cloudzone
	if dryRun {
		provider = dnsapi.DryRun{Log: ctrl.Log.WithName("dry-run")}
	}

	if err = (&controller.DNSRecordReconciler{
		Client:   mgr.GetClient(),
		Scheme:   mgr.GetScheme(),
		DNS:      provider,
		Zones:    zones,
		Recorder: mgr.GetEventRecorderFor("dnsrecord-controller"),
		Probe:    controller.NewProbeClient(),
	}).SetupWithManager(mgr); err != nil {
		setupLog.Error(err, "unable to create controller", "controller", "DNSRecord")
		os.Exit(1)
	}

	if os.Getenv("ENABLE_WEBHOOKS") != "false" {
		if err = (&netopsv1alpha1.DNSRecord{}).SetupWebhookWithManager(mgr); err != nil {
			setupLog.Error(err, "unable to create webhook", "webhook", "DNSRecord")
			os.Exit(1)
		}
	}

	webhookServer.Register("/cloudzone/callback", dnsapi.CallbackHandler(cloudzone, func(zone, name string) {
		if err := controller.RequestResync(context.Background(), mgr.GetClient(), zone, name); err != nil {
			setupLog.Error(err, "resync request failed", "zone", zone, "name", name)
		}
	}))

	if err := mgr.AddHealthzCheck("healthz", healthz.Ping); err != nil {
		setupLog.Error(err, "unable to set up health check")
		os.Exit(1)
	}
	if err := mgr.AddReadyzCheck("readyz", healthz.Ping); err != nil {
		setupLog.Error(err, "unable to set up ready check")
		os.Exit(1)
	}

	setupLog.Info("starting manager")
	if err := mgr.Start(ctrl.SetupSignalHandler()); err != nil {
		setupLog.Error(err, "problem running manager")
		os.Exit(1)
	}
}
