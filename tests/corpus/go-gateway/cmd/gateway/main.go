package main

import (
	"log"
	"net/http"

	"example.com/gateway/internal/auth"
	"example.com/gateway/internal/config"
	"example.com/gateway/internal/proxy"
)

func main() {
	cfg := config.Load()
	p := proxy.New(cfg.Upstream)
	authn := auth.NewAuthenticator(cfg.APIToken, cfg.SigningSecret)

	mux := http.NewServeMux()
	mux.Handle("/api/", authn.Authenticate(p))
	mux.Handle("/admin/", authn.Authenticate(p))
	log.Fatal(http.ListenAndServe(cfg.Listen, mux))
}
