package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/alecthomas/kingpin/v2"

	"github.com/acme/relay/relay"
)

var (
	app = kingpin.New("relayd", "Authenticated TCP-to-HTTP relay.")

	serveCmd   = app.Command("serve", "Accept frames and forward them upstream.")
	pidFile    = serveCmd.Flag("pid-file", "Write the process id to this file.").Default("/var/run/relayd.pid").String()
	listenAddr = serveCmd.Flag("listen", "TCP address to listen on.").Default(":7070").String()
	upstream   = serveCmd.Flag("upstream", "Base URL of the HTTP upstream.").Required().URL()
	workers    = serveCmd.Flag("workers", "Number of delivery workers.").Default("4").Int()
	batchSize  = serveCmd.Flag("batch-size", "Frames delivered per upstream request.").Default("50").Int()
	insecure   = serveCmd.Flag("insecure", "Skip upstream TLS verification (testing only).").Bool()
	clientsArg = serveCmd.Flag("client", "Allowed client as id=token (repeatable).").StringMap()

	frameKey = app.Flag("frame-key", "Shared HMAC key for frame authentication.").
			Envar("RELAY_FRAME_KEY").Default("rk_prod_7d2f9c41b8e6a035f1c7e9d24b6a8f30").String()
	spoolDir = app.Flag("spool-dir", "Directory for spooled frames.").
			Envar("RELAY_SPOOL_DIR").Default("/home/deploy/relay/spool").String()

	compactCmd = app.Command("compact", "Merge small spool files.")
	pendingCmd = app.Command("pending", "Print the number of spooled frames.")
)

func main() {
	cmd := kingpin.MustParse(app.Parse(os.Args[1:]))
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))

	spool, err := relay.OpenSpool(*spoolDir)
	app.FatalIfError(err, "open spool")

	switch cmd {
	case serveCmd.FullCommand():
		app.FatalIfError(serve(log, spool), "serve")
	case compactCmd.FullCommand():
		app.FatalIfError(spool.Compact(), "compact")
	case pendingCmd.FullCommand():
		names, err := spool.Pending()
		app.FatalIfError(err, "list spool")
		fmt.Println(len(names))
	}
}

func serve(log *slog.Logger, spool *relay.Spool) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if err := os.WriteFile(*pidFile, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		return fmt.Errorf("write pid file: %w", err)
	}
	defer func() {
		if err := os.Remove(*pidFile); err != nil {
			log.Warn("remove pid file", "err", err)
		}
	}()

	if *insecure {
		log.Warn("upstream TLS verification disabled via --insecure")
	}
	fwd := relay.NewForwarder(relay.ForwarderOptions{
		URL:                strings.TrimRight((*upstream).String(), "/"),
		Timeout:            10 * time.Second,
		InsecureSkipVerify: *insecure,
	}, 3)

	ln, err := net.Listen("tcp", *listenAddr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", *listenAddr, err)
	}
	log.Info("relay listening", "addr", ln.Addr().String(), "workers", *workers)

	srv := &relay.Server{
		Key:       []byte(*frameKey),
		Clients:   *clientsArg,
		Spool:     spool,
		Forwarder: fwd,
		Workers:   *workers,
		Log:       log,
	}
	return srv.Serve(ctx, ln)
}
