package worker

import (
	"crypto/tls"
	"fmt"
	"strings"

	"github.com/RichardKnop/machinery/v2"
	redisbackend "github.com/RichardKnop/machinery/v2/backends/redis"
	redisbroker "github.com/RichardKnop/machinery/v2/brokers/redis"
	"github.com/RichardKnop/machinery/v2/config"
	eagerlock "github.com/RichardKnop/machinery/v2/locks/eager"

	"github.com/acme/mediaworker/internal/tasks"
)

// Options configures the machinery server.
type Options struct {
	// RedisAddr is "password@host:port" as expected by the redis broker.
	RedisAddr string
	RedisDB   int
	// InsecureRedis disables certificate checks for the redis TLS connection
	// (local stunnel setups only).
	InsecureRedis bool
	DefaultQueue  string
}

func NewServer(opts Options) (*machinery.Server, error) {
	if opts.RedisAddr == "" {
		return nil, fmt.Errorf("redis address is required")
	}
	cnf := &config.Config{
		DefaultQueue:    opts.DefaultQueue,
		ResultsExpireIn: 3600,
		Redis: &config.RedisConfig{
			MaxIdle:                3,
			IdleTimeout:            240,
			ReadTimeout:            15,
			WriteTimeout:           15,
			ConnectTimeout:         15,
			NormalTasksPollPeriod:  1000,
			DelayedTasksPollPeriod: 500,
		},
	}
	if strings.HasPrefix(opts.RedisAddr, "tls://") {
		opts.RedisAddr = strings.TrimPrefix(opts.RedisAddr, "tls://")
		cnf.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: opts.InsecureRedis}
	}

	broker := redisbroker.NewGR(cnf, []string{opts.RedisAddr}, opts.RedisDB)
	backend := redisbackend.NewGR(cnf, []string{opts.RedisAddr}, opts.RedisDB)
	server := machinery.NewServer(cnf, broker, backend, eagerlock.New())

	if err := server.RegisterTasks(map[string]interface{}{
		"thumbnail":      tasks.GenerateThumbnail,
		"transcode":      tasks.TranscodeAudio,
		"verify_partner": tasks.VerifyPartnerPayload,
		"sync_crm":       tasks.SyncCRM,
		"export_results": tasks.ExportResults,
		"ping":           tasks.Ping,
	}); err != nil {
		return nil, fmt.Errorf("register tasks: %w", err)
	}
	return server, nil
}
