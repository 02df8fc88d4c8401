package controller_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/gogf/gf/v2/encoding/gjson"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/gogf/gf/v2/os/genv"
	"github.com/gogf/gf/v2/test/gtest"
	"github.com/gogf/gf/v2/util/guid"

	"github.com/fieldops/dispatch/internal/controller"
	_ "github.com/fieldops/dispatch/internal/logic"
	"github.com/fieldops/dispatch/internal/middleware"
)

var ctx = context.Background()

func startServer(t *testing.T) string {
	t.Helper()
	_ = genv.Set("AUTH_JWTSECRET", "controller-test-jwt-secret")
	s := g.Server(guid.S())
	s.Group("/", func(group *ghttp.RouterGroup) {
		group.Middleware(ghttp.MiddlewareHandlerResponse)
		group.Bind(controller.NewPublic())
	})
	s.Group("/api", func(group *ghttp.RouterGroup) {
		group.Middleware(ghttp.MiddlewareHandlerResponse, middleware.Auth)
		group.Bind(controller.NewJob())
	})
	s.SetDumpRouterMap(false)
	s.SetAccessLogEnabled(false)
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Shutdown() })
	time.Sleep(100 * time.Millisecond)
	return fmt.Sprintf("http://127.0.0.1:%d", s.GetListenedPort())
}

func tokenFor(role string) string {
	token, err := middleware.IssueToken(ctx, &middleware.User{Id: 7, Email: role + "@dispatch.test", Role: role})
	if err != nil {
		panic(err)
	}
	return token
}

func assertCode(t *gtest.T, body string, code int) {
	j, err := gjson.DecodeToJson(body)
	t.AssertNil(err)
	t.Assert(j.Get("code").Int(), code)
}

func TestHealth(t *testing.T) {
	prefix := startServer(t)
	gtest.C(t, func(t *gtest.T) {
		body := g.Client().SetPrefix(prefix).GetContent(ctx, "/healthz")
		assertCode(t, body, 0)
	})
}

func TestJobListRequiresToken(t *testing.T) {
	prefix := startServer(t)
	gtest.C(t, func(t *gtest.T) {
		res, err := g.Client().SetPrefix(prefix).Get(ctx, "/api/jobs")
		t.AssertNil(err)
		defer res.Close()
		t.Assert(res.StatusCode, 401)
	})
}

func TestTechnicianCannotCreateJobs(t *testing.T) {
	prefix := startServer(t)
	gtest.C(t, func(t *gtest.T) {
		client := g.Client().SetPrefix(prefix).SetHeader("Authorization", "Bearer "+tokenFor("technician"))
		body := client.PostContent(ctx, "/api/jobs", g.Map{
			"customerName": "Jane Roe",
			"phone":        "+31 6 1234 5678",
			"address":      "Keizersgracht 1, Amsterdam",
			"scheduledAt":  "2024-06-01 09:00:00",
		})
		assertCode(t, body, 61)
	})
}

func TestJobCreate(t *testing.T) {
	prefix := startServer(t)
	gtest.C(t, func(t *gtest.T) {
		client := g.Client().SetPrefix(prefix).SetHeader("Authorization", "Bearer "+tokenFor("dispatcher"))
		client.PostContent(ctx, "/api/jobs", g.Map{
			"customerName": "John Doe",
			"phone":        "+31 6 8765 4321",
			"address":      "Damrak 70, Amsterdam",
			"scheduledAt":  "2024-06-02 13:30:00",
		})
	})
}
