package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/DavidGamba/go-getoptions"
	"github.com/RichardKnop/machinery/v2/tasks"

	"github.com/acme/mediaworker/internal/worker"
)

var (
	redisAddr     string
	redisDB       int
	insecureRedis bool
)

func main() {
	os.Exit(program(os.Args))
}

func program(args []string) int {
	opt := getoptions.New()
	opt.Self("mediaworker", "Background media processing on machinery")
	opt.Bool("help", false, opt.Alias("?"))
	opt.StringVar(&redisAddr, "redis", "localhost:6379", opt.GetEnv("MEDIAWORKER_REDIS"),
		opt.Description("redis address, optionally password@host:port or tls://..."))
	opt.IntVar(&redisDB, "redis-db", 0)
	opt.BoolVar(&insecureRedis, "insecure-redis", false, opt.Description("skip redis TLS verification (local stunnel only)"))
	opt.SetUnknownMode(getoptions.Pass)

	wk := opt.NewCommand("worker", "consume tasks")
	wk.Int("concurrency", 8, opt.Description("parallel task executions"))
	wk.String("queue", "media_tasks", opt.Description("queue to consume from"))
	wk.String("tag", "", opt.Description("consumer tag, defaults to hostname"))
	wk.SetCommandFn(runWorker)

	send := opt.NewCommand("send", "enqueue a single task")
	send.String("task", "", opt.Required(), opt.Description("registered task name"))
	send.StringSlice("arg", 0, 10, opt.Description("string arguments, repeatable"))
	send.SetCommandFn(runSend)

	opt.HelpCommand("help", opt.Alias("?"))
	remaining, err := opt.Parse(args[1:])
	if opt.Called("help") {
		fmt.Fprint(os.Stderr, opt.Help())
		return 1
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "ERROR: %s\n\n%s", err, opt.Help(getoptions.HelpSynopsis))
		return 1
	}

	ctx, cancel, done := getoptions.InterruptContext()
	defer func() { cancel(); <-done }()
	if err := opt.Dispatch(ctx, remaining); err != nil {
		if errors.Is(err, getoptions.ErrorHelpCalled) {
			return 1
		}
		slog.Error("command failed", "err", err)
		return 1
	}
	return 0
}

func serverOptions(queue string) worker.Options {
	return worker.Options{RedisAddr: redisAddr, RedisDB: redisDB, InsecureRedis: insecureRedis, DefaultQueue: queue}
}

func runWorker(ctx context.Context, opt *getoptions.GetOpt, args []string) error {
	concurrency := opt.Value("concurrency").(int)
	tag := opt.Value("tag").(string)
	if tag == "" {
		tag, _ = os.Hostname()
	}
	server, err := worker.NewServer(serverOptions("media_tasks"))
	if err != nil {
		return err
	}
	w := server.NewWorker(tag, concurrency)
	w.SetErrorHandler(func(err error) { slog.Error("task failed", "err", err) })
	errCh := make(chan error, 1)
	w.LaunchAsync(errCh)
	select {
	case <-ctx.Done():
		w.Quit()
		return nil
	case err := <-errCh:
		return err
	}
}

func runSend(ctx context.Context, opt *getoptions.GetOpt, args []string) error {
	server, err := worker.NewServer(serverOptions("media_tasks"))
	if err != nil {
		return err
	}
	sig := &tasks.Signature{Name: opt.Value("task").(string)}
	for _, a := range opt.Value("arg").([]string) {
		sig.Args = append(sig.Args, tasks.Arg{Type: "string", Value: a})
	}
	res, err := server.SendTaskWithContext(ctx, sig)
	if err != nil {
		return fmt.Errorf("send %s: %w", sig.Name, err)
	}
	fmt.Println(res.Signature.UUID, strings.Join(opt.Value("arg").([]string), " "))
	return nil
}
