package cmd

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/gogf/gf/v2/os/gcmd"
	"github.com/gogf/gf/v2/os/gfile"

	"github.com/fieldops/dispatch/internal/controller"
	"github.com/fieldops/dispatch/internal/middleware"
)

var (
	Main = gcmd.Command{
		Name:  "dispatch",
		Usage: "dispatch <command>",
		Brief: "field service dispatch API",
	}

	Http = gcmd.Command{
		Name:  "http",
		Usage: "dispatch http",
		Brief: "start the HTTP server",
		Func: func(ctx context.Context, parser *gcmd.Parser) (err error) {
			s := g.Server()
			s.SetServerRoot("/Users/pnguyen/go/src/github.com/fieldops/dispatch/resource/public")

			s.Group("/", func(group *ghttp.RouterGroup) {
				group.Middleware(ghttp.MiddlewareHandlerResponse)
				group.Bind(controller.NewPublic())
			})
			s.Group("/api", func(group *ghttp.RouterGroup) {
				group.Middleware(ghttp.MiddlewareHandlerResponse, middleware.Auth)
				group.Bind(controller.NewJob())
				group.Group("/admin", func(group *ghttp.RouterGroup) {
					group.Middleware(middleware.RequireRole("admin"))
					group.Bind(controller.NewTechnician())
				})
			})
			s.Group("/api/reports", func(group *ghttp.RouterGroup) {
				group.Middleware(ghttp.MiddlewareHandlerResponse)
				group.Bind(controller.NewReport())
			})
			s.Run()
			return nil
		},
	}

	PurgeExports = gcmd.Command{
		Name:  "purge-exports",
		Usage: "dispatch purge-exports [-days 30] [-dir PATH]",
		Brief: "delete exported report files older than N days",
		Arguments: []gcmd.Argument{
			{Name: "days", Short: "d", Brief: "retention in days", IsArg: false},
			{Name: "dir", Brief: "export directory (defaults to export.dir)", IsArg: false},
		},
		Func: func(ctx context.Context, parser *gcmd.Parser) error {
			days := parser.GetOpt("days", 30).Int()
			dir := parser.GetOpt("dir", g.Cfg().MustGet(ctx, "export.dir", "/var/lib/dispatch/exports").String()).String()
			files, err := gfile.ScanDirFile(dir, "*.csv", false)
			if err != nil {
				return err
			}
			cutoff := time.Now().AddDate(0, 0, -days)
			removed := 0
			for _, f := range files {
				if gfile.MTime(f).Before(cutoff) {
					if err := gfile.Remove(f); err != nil {
						g.Log().Errorf(ctx, "remove %s: %v", f, err)
						return err
					}
					removed++
				}
			}
			g.Log().Infof(ctx, "purged %d export files from %s", removed, dir)
			return nil
		},
	}
)

func init() {
	if err := Main.AddCommand(&Http, &PurgeExports); err != nil {
		panic(err)
	}
}
