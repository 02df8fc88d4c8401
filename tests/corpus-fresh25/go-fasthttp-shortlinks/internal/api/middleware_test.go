package api

import (
	"crypto/tls"
	"net"
	"testing"

	"github.com/valyala/fasthttp"
	"github.com/valyala/fasthttp/fasthttputil"

	"github.com/linkhut/shortlinks/internal/config"
)

const testAdminToken = "test-admin-token-7f3e"

func serveInMemory(t *testing.T, handler fasthttp.RequestHandler) (*fasthttp.Client, func()) {
	t.Helper()
	ln := fasthttputil.NewInmemoryListener()
	srv := &fasthttp.Server{Handler: handler}
	go func() { _ = srv.Serve(ln) }()
	client := &fasthttp.Client{Dial: func(string) (net.Conn, error) { return ln.Dial() }}
	return client, func() { _ = ln.Close() }
}

func do(t *testing.T, c *fasthttp.Client, method, uri string, headers map[string]string) int {
	t.Helper()
	req := fasthttp.AcquireRequest()
	resp := fasthttp.AcquireResponse()
	defer fasthttp.ReleaseRequest(req)
	defer fasthttp.ReleaseResponse(resp)
	req.Header.SetMethod(method)
	req.SetRequestURI(uri)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	if err := c.Do(req, resp); err != nil {
		t.Fatalf("%s %s: %v", method, uri, err)
	}
	return resp.StatusCode()
}

func testRouter() fasthttp.RequestHandler {
	cfg := &config.Config{AdminToken: testAdminToken, MetricsToken: "scrape-token", CreatePerMinute: 30}
	h := newTestHandler(newFakeStore(), stubChecker{})
	return NewRouter(h, cfg, func(ctx *fasthttp.RequestCtx) { ctx.WriteString("ok") })
}

func TestAdminRoutesRequireToken(t *testing.T) {
	client, stop := serveInMemory(t, testRouter())
	defer stop()

	if got := do(t, client, fasthttp.MethodGet, "http://shortlinks/admin/links", nil); got != fasthttp.StatusForbidden {
		t.Fatalf("without token: %d", got)
	}
	if got := do(t, client, fasthttp.MethodGet, "http://shortlinks/admin/links", map[string]string{headerAdminToken: "wrong"}); got != fasthttp.StatusForbidden {
		t.Fatalf("wrong token: %d", got)
	}
	if got := do(t, client, fasthttp.MethodGet, "http://shortlinks/admin/links", map[string]string{headerAdminToken: testAdminToken}); got != fasthttp.StatusOK {
		t.Fatalf("valid token: %d", got)
	}
}

func TestAPIKeyRequired(t *testing.T) {
	client, stop := serveInMemory(t, testRouter())
	defer stop()
	if got := do(t, client, fasthttp.MethodGet, "http://shortlinks/api/v1/links", nil); got != fasthttp.StatusUnauthorized {
		t.Fatalf("status %d", got)
	}
	if got := do(t, client, fasthttp.MethodGet, "http://shortlinks/api/v1/links", map[string]string{"Authorization": "Bearer sl_live_testkey"}); got != fasthttp.StatusOK {
		t.Fatalf("status %d", got)
	}
}

func TestMetricsOverTLS(t *testing.T) {
	certPEM, keyPEM, err := fasthttp.GenerateTestCertificate("localhost")
	if err != nil {
		t.Fatal(err)
	}
	ln := fasthttputil.NewInmemoryListener()
	defer ln.Close()
	srv := &fasthttp.Server{Handler: testRouter()}
	go func() { _ = srv.ServeTLSEmbed(ln, certPEM, keyPEM) }()

	client := &fasthttp.Client{
		Dial:      func(string) (net.Conn, error) { return ln.Dial() },
		TLSConfig: &tls.Config{InsecureSkipVerify: true},
	}
	if got := do(t, client, fasthttp.MethodGet, "https://localhost/metrics", map[string]string{"Authorization": "Bearer scrape-token"}); got != fasthttp.StatusOK {
		t.Fatalf("status %d", got)
	}
}
