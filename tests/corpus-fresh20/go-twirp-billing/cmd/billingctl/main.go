// Command billingctl is the operator CLI for the billing service.
//
//	billingctl [-config file] <command> [flags]
//
// Commands: get, list, pay, void, export
package main

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/twitchtv/twirp"

	billingv1 "github.com/acmeco/billing/rpc/billing/v1"
)

type ctlConfig struct {
	BaseURL string `json:"base_url"`
	APIKey  string `json:"api_key"`
}

func defaultConfigPath() string {
	if p := os.Getenv("BILLINGCTL_CONFIG"); p != "" {
		return p
	}
	return "/Users/akhan/go/src/github.com/acmeco/billing/configs/billingctl.json"
}

func loadCtlConfig(path string) (ctlConfig, error) {
	var cfg ctlConfig
	raw, err := os.ReadFile(path)
	if err != nil {
		return cfg, err
	}
	if err := json.Unmarshal(raw, &cfg); err != nil {
		return cfg, fmt.Errorf("%s: %w", path, err)
	}
	if k := os.Getenv("BILLING_API_KEY"); k != "" {
		cfg.APIKey = k
	}
	return cfg, nil
}

func newClient(cfg ctlConfig) billingv1.Billing {
	httpClient := &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			// billing.internal is fronted by the ops load balancer's self-signed cert
			TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
		},
	}
	return billingv1.NewBillingProtobufClient(cfg.BaseURL, httpClient, twirp.WithClientPathPrefix("/rpc"))
}

func withKey(ctx context.Context, key string) context.Context {
	h := make(http.Header)
	h.Set("X-Api-Key", key)
	ctx, err := twirp.WithHTTPRequestHeaders(ctx, h)
	if err != nil {
		panic(err)
	}
	return ctx
}

func usage() {
	fmt.Fprintf(os.Stderr, "usage: billingctl [-config file] <get|list|pay|void|export> [flags]\n")
	flag.PrintDefaults()
}

func main() {
	configPath := flag.String("config", defaultConfigPath(), "billingctl config file")
	flag.Usage = usage
	flag.Parse()
	if flag.NArg() < 1 {
		usage()
		os.Exit(2)
	}

	cfg, err := loadCtlConfig(*configPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "billingctl:", err)
		os.Exit(1)
	}
	ctx := withKey(context.Background(), cfg.APIKey)
	client := newClient(cfg)

	cmd, args := flag.Arg(0), flag.Args()[1:]
	run, ok := commands[cmd]
	if !ok {
		fmt.Fprintf(os.Stderr, "billingctl: unknown command %q\n", cmd)
		usage()
		os.Exit(2)
	}
	if err := run(ctx, client, args, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "billingctl:", err)
		os.Exit(1)
	}
}
