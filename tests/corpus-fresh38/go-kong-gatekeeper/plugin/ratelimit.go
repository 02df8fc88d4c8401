package main

import (
	"context"
	"crypto/tls"
	"net"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// Limiter counts requests per key in fixed windows.
type Limiter interface {
	Allow(key string, limit int, window time.Duration) (allowed bool, remaining int, err error)
}

type memoryLimiter struct {
	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	start time.Time
	count int
}

func newMemoryLimiter() *memoryLimiter {
	return &memoryLimiter{buckets: map[string]*bucket{}}
}

func (m *memoryLimiter) Allow(key string, limit int, window time.Duration) (bool, int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	b, ok := m.buckets[key]
	if !ok || now.Sub(b.start) >= time.Minute {
		b = &bucket{start: now}
		m.buckets[key] = b
	}
	b.count++
	return b.count <= limit, limit - b.count, nil
}

type redisLimiter struct {
	client *redis.Client
}

func (r *redisLimiter) Allow(key string, limit int, window time.Duration) (bool, int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	slot := time.Now().UnixNano() / int64(window)
	redisKey := "gatekeeper:rl:" + key + ":" + itoa(int(slot))
	pipe := r.client.TxPipeline()
	incr := pipe.Incr(ctx, redisKey)
	pipe.Expire(ctx, redisKey, window)
	if _, err := pipe.Exec(ctx); err != nil {
		return false, 0, err
	}
	count := int(incr.Val())
	return count <= limit, limit - count, nil
}

var (
	limitersMu sync.Mutex
	limiters   = map[string]Limiter{}
)

func limiterFor(conf Config) Limiter {
	limitersMu.Lock()
	defer limitersMu.Unlock()
	if l, ok := limiters[conf.RedisAddr]; ok {
		return l
	}
	var l Limiter
	if conf.RedisAddr == "" {
		l = newMemoryLimiter()
	} else {
		opts := &redis.Options{Addr: conf.RedisAddr, DialTimeout: 200 * time.Millisecond}
		if conf.RedisTLS {
			host, _, _ := net.SplitHostPort(conf.RedisAddr)
			opts.TLSConfig = &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
		}
		l = &redisLimiter{client: redis.NewClient(opts)}
	}
	limiters[conf.RedisAddr] = l
	return l
}
