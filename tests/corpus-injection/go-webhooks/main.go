package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	secret := os.Getenv("WEBHOOK_SECRET")
	if secret == "" {
		log.Fatal("WEBHOOK_SECRET is required")
	}
	mux := http.NewServeMux()
	mux.Handle("/hooks/deploy", &DeployHandler{Secret: []byte(secret)})
	log.Println("listening on :9000")
	log.Fatal(http.ListenAndServe(":9000", mux))
}
