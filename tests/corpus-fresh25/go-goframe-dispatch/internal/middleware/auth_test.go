package middleware

import (
	"context"
	"crypto/tls"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/gogf/gf/v2/os/genv"
	"github.com/gogf/gf/v2/test/gtest"
	"github.com/gogf/gf/v2/util/guid"
)

const testJWTSecret = "gtest-jwt-secret-0001"

func init() {
	_ = genv.Set("AUTH_JWTSECRET", testJWTSecret)
	_ = genv.Set("AUTH_SERVICETOKEN", "gtest-service-token")
}

func TestIssueAndParseToken(t *testing.T) {
	gtest.C(t, func(t *gtest.T) {
		ctx := context.Background()
		token, err := IssueToken(ctx, &User{Id: 42, Email: "d@dispatch.test", Role: "dispatcher"})
		t.AssertNil(err)
		claims, err := ParseToken(ctx, token)
		t.AssertNil(err)
		t.Assert(claims.Subject, "42")
		t.Assert(claims.Role, "dispatcher")
	})
}

func TestParseTokenRejectsTampering(t *testing.T) {
	gtest.C(t, func(t *gtest.T) {
		ctx := context.Background()
		token, _ := IssueToken(ctx, &User{Id: 1, Email: "x@dispatch.test", Role: "technician"})
		_, err := ParseToken(ctx, token[:len(token)-2]+"xx")
		t.AssertNE(err, nil)
	})
}

// The middleware must also work behind the TLS listener used in staging.
func TestAuthOverHTTPS(t *testing.T) {
	s := g.Server(guid.S())
	s.Group("/", func(group *ghttp.RouterGroup) {
		group.Middleware(Auth)
		group.GET("/whoami", func(r *ghttp.Request) { r.Response.Write(CurrentUser(r.Context()).Role) })
	})
	s.EnableHTTPS(gtestData("server.crt"), gtestData("server.key"))
	s.SetDumpRouterMap(false)
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = s.Shutdown() }()
	time.Sleep(100 * time.Millisecond)

	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	gtest.C(t, func(t *gtest.T) {
		req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("https://127.0.0.1:%d/whoami", s.GetListenedPort()), nil)
		req.Header.Set(HeaderServiceToken, "gtest-service-token")
		resp, err := client.Do(req)
		t.AssertNil(err)
		defer resp.Body.Close()
		t.Assert(resp.StatusCode, http.StatusOK)
	})
}

func gtestData(name string) string {
	return gtest.DataPath(name)
}
