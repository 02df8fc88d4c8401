package main

import (
	"log"
	"net"

	"github.com/cloudwego/kitex/pkg/klog"
	"github.com/cloudwego/kitex/pkg/rpcinfo"
	"github.com/cloudwego/kitex/server"

	"github.com/finchpay/ledger/bank"
	"github.com/finchpay/ledger/conf"
	"github.com/finchpay/ledger/dal"
	"github.com/finchpay/ledger/handler"
	"github.com/finchpay/ledger/kitex_gen/ledger/ledgerservice"
	"github.com/finchpay/ledger/middleware"
	"github.com/finchpay/ledger/statement"
)

func main() {
	cfg, err := conf.Load()
	if err != nil {
		log.Fatalf("config: %v", err)
	}
	store, err := dal.Open(cfg.DSN)
	if err != nil {
		log.Fatalf("database: %v", err)
	}
	addr, err := net.ResolveTCPAddr("tcp", cfg.Addr)
	if err != nil {
		log.Fatalf("listen address: %v", err)
	}

	impl := &handler.LedgerImpl{
		Store:      store,
		Bank:       bank.New(cfg.Bank),
		Statements: &statement.Exporter{Store: store, Dir: cfg.StatementDir},
	}
	svr := ledgerservice.NewServer(impl,
		server.WithServiceAddr(addr),
		server.WithServerBasicInfo(&rpcinfo.EndpointBasicInfo{ServiceName: "ledger"}),
		server.WithMiddleware(middleware.Auth(cfg.Auth)),
	)
	klog.Infof("ledger listening on %s", cfg.Addr)
	if err := svr.Run(); err != nil {
		klog.Fatalf("server stopped: %v", err)
	}
}
