package main

import (
	"github.com/Kong/go-pdk"
)

func deny(kong *pdk.PDK, status int, message string) {
	kong.Response.Exit(status, errorBody(message), jsonHeaders)
}

// Access authenticates the request according to the route's mode, applies the
// per-consumer rate limit and forwards the consumer id upstream.
func (conf Config) Access(kong *pdk.PDK) {
	path, err := kong.Request.GetPath()
	if err != nil {
		deny(kong, 400, "unreadable request path")
		return
	}
	if conf.isAnonymous(path) {
		return
	}

	var consumer string
	var ok bool
	switch conf.Mode {
	case "api-key":
		consumer, ok = conf.checkAPIKey(kong)
	case "hmac":
		consumer, ok = conf.checkHMAC(kong)
	case "jwt":
		consumer, ok = conf.checkJWT(kong)
	case "mtls":
		kong.Response.Exit(501, errorBody("mtls mode is not implemented"), jsonHeaders)
		return
	default:
		kong.Log.Err("gatekeeper: unknown mode ", conf.Mode)
		deny(kong, 500, "gateway misconfigured")
		return
	}
	if !ok {
		return
	}

	allowed, remaining, err := limiterFor(conf).Allow(consumer, conf.RateLimit, conf.window())
	if err != nil {
		kong.Log.Err("gatekeeper: rate limiter: ", err.Error())
		deny(kong, 503, "rate limiter unavailable")
		return
	}
	if !allowed {
		kong.Response.Exit(429, errorBody("rate limit exceeded"), map[string][]string{
			"Content-Type": {"application/json"},
			"Retry-After":  {"60"},
		})
		return
	}

	if err := kong.ServiceRequest.SetHeader("X-Consumer-ID", consumer); err != nil {
		kong.Log.Err("gatekeeper: setting consumer header: ", err.Error())
		deny(kong, 500, "internal error")
		return
	}
	if err := kong.ServiceRequest.ClearHeader(conf.KeyHeader); err != nil {
		kong.Log.Err("gatekeeper: could not strip the credential header: ", err.Error())
		deny(kong, 500, "internal error")
		return
	}
	kong.Response.SetHeader("X-RateLimit-Remaining", itoa(remaining))
	if err := kong.Ctx.SetShared("gatekeeper.consumer", consumer); err != nil {
		kong.Log.Warn("gatekeeper: could not share consumer with later plugins: ", err.Error())
	}
}

func itoa(n int) string {
	if n <= 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}
