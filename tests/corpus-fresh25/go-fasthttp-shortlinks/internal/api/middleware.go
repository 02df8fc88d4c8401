package api

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"log"
	"strings"
	"sync"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/linkhut/shortlinks/db"
)

const (
	userValueAPIKey    = "apiKey"
	userValueRequestID = "requestID"
	headerAdminToken   = "X-Admin-Token"
	defaultPerMinute   = 120
)

type Middleware func(next fasthttp.RequestHandler) fasthttp.RequestHandler

// Chain wraps h so that mws[0] runs first.
func Chain(h fasthttp.RequestHandler, mws ...Middleware) fasthttp.RequestHandler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

func RequestID(next fasthttp.RequestHandler) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		id := string(ctx.Request.Header.Peek("X-Request-Id"))
		if id == "" {
			buf := make([]byte, 8)
			_, _ = rand.Read(buf)
			id = hex.EncodeToString(buf)
		}
		ctx.SetUserValue(userValueRequestID, id)
		ctx.Response.Header.Set("X-Request-Id", id)
		next(ctx)
	}
}

func AccessLog(next fasthttp.RequestHandler) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		start := time.Now()
		next(ctx)
		log.Printf("%s %s %d %s req=%v", ctx.Method(), ctx.Path(), ctx.Response.StatusCode(), time.Since(start), ctx.UserValue(userValueRequestID))
	}
}

func HashAPIKey(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

type keyStore interface {
	GetAPIKeyByHash(ctx context.Context, keyHash string) (db.ApiKey, error)
}

// APIKeyAuth resolves "Authorization: Bearer sl_live_..." to a stored key.
func APIKeyAuth(store keyStore) Middleware {
	return func(next fasthttp.RequestHandler) fasthttp.RequestHandler {
		return func(ctx *fasthttp.RequestCtx) {
			raw := strings.TrimPrefix(string(ctx.Request.Header.Peek(fasthttp.HeaderAuthorization)), "Bearer ")
			if raw == "" {
				ctx.Error("missing API key", fasthttp.StatusUnauthorized)
				return
			}
			key, err := store.GetAPIKeyByHash(ctx, HashAPIKey(raw))
			if err != nil {
				ctx.Error("invalid API key", fasthttp.StatusUnauthorized)
				return
			}
			ctx.SetUserValue(userValueAPIKey, &key)
			next(ctx)
		}
	}
}

// AdminAuth guards operator endpoints with the static admin token.
func AdminAuth(adminToken string) Middleware {
	return func(next fasthttp.RequestHandler) fasthttp.RequestHandler {
		return func(ctx *fasthttp.RequestCtx) {
			presented := string(ctx.Request.Header.Peek(headerAdminToken))
			if adminToken == "" || presented != adminToken {
				ctx.Error("forbidden", fasthttp.StatusForbidden)
				return
			}
			next(ctx)
		}
	}
}

// MetricsAuth protects the Prometheus endpoint with a scrape token.
func MetricsAuth(token string) Middleware {
	return func(next fasthttp.RequestHandler) fasthttp.RequestHandler {
		return func(ctx *fasthttp.RequestCtx) {
			got := strings.TrimPrefix(string(ctx.Request.Header.Peek(fasthttp.HeaderAuthorization)), "Bearer ")
			if token == "" || subtle.ConstantTimeCompare([]byte(got), []byte(token)) != 1 {
				ctx.Error("unauthorized", fasthttp.StatusUnauthorized)
				return
			}
			next(ctx)
		}
	}
}

// RateLimit allows perMinute requests per API key in a fixed one-minute window.
func RateLimit(perMinute int) Middleware {
	var (
		mu      sync.Mutex
		window  time.Time
		counter = map[int64]int{}
	)
	return func(next fasthttp.RequestHandler) fasthttp.RequestHandler {
		return func(ctx *fasthttp.RequestCtx) {
			key, _ := ctx.UserValue(userValueAPIKey).(*db.ApiKey)
			if key == nil {
				next(ctx)
				return
			}
			now := time.Now().Truncate(time.Minute)
			mu.Lock()
			if !now.Equal(window) {
				window = now
				counter = map[int64]int{}
			}
			counter[key.ID]++
			over := counter[key.ID] > defaultPerMinute
			mu.Unlock()
			if over {
				ctx.Response.Header.Set("Retry-After", "60")
				ctx.Error("rate limit exceeded", fasthttp.StatusTooManyRequests)
				return
			}
			next(ctx)
		}
	}
}
