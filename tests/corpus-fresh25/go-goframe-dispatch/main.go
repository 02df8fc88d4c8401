package main

import (
	_ "github.com/gogf/gf/contrib/drivers/pgsql/v2"
	"github.com/gogf/gf/v2/os/gctx"

	"github.com/fieldops/dispatch/internal/cmd"
	_ "github.com/fieldops/dispatch/internal/logic"
)

func main() {
	cmd.Main.Run(gctx.GetInitCtx())
}
