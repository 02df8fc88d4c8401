package main

import (
	"log"
	"net/http"

	"github.com/go-macaron/csrf"
	"github.com/go-macaron/session"
	_ "github.com/go-macaron/session/redis"
	"gopkg.in/macaron.v1"

	"github.com/inkwell/printshop/internal/config"
	"github.com/inkwell/printshop/internal/provider"
	"github.com/inkwell/printshop/internal/routes"
	"github.com/inkwell/printshop/internal/store"
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		log.Fatalf("config: %v", err)
	}
	st, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		log.Fatalf("database: %v", err)
	}
	defer st.DB.Close()

	m := macaron.New()
	m.Use(macaron.Logger())
	m.Use(macaron.Recovery())
	m.Use(macaron.Static("public", macaron.StaticOptions{SkipLogging: true}))
	m.Use(macaron.Renderer(macaron.RenderOptions{Directory: "templates"}))
	m.Use(session.Sessioner(session.Options{
		Provider:       "redis",
		ProviderConfig: "addr=" + cfg.RedisAddr + ",prefix=printshop:",
		CookieName:     "printshop_sid",
		Secure:         true,
		Gclifetime:     3600,
		Maxlifetime:    8 * 3600,
	}))
	m.Use(csrf.Csrfer(csrf.Options{
		Secret:     "pshop-csrf-7Q9xLm2Vb8Rk4Tn6",
		Cookie:     "_csrf",
		Header:     "X-CSRF-Token",
		SessionKey: "uid",
		Secure:     true,
	}))

	m.Map(cfg)
	m.Map(st)
	m.Map(provider.New(cfg.ProviderURL, cfg.ProviderKey))

	routes.Register(m)

	log.Printf("printshop listening on %s", cfg.Addr)
	log.Fatal(http.ListenAndServe(cfg.Addr, m))
}
