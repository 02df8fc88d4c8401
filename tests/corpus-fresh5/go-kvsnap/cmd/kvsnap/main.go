// Command kvsnap creates, uploads and serves key/value snapshots.
//
//	kvsnap -src /var/lib/kv -dst /backups/kv.snap [-upload https://vault.example] [-insecure]
//	kvsnap -serve :9090
package main

import (
	"context"
	"crypto/subtle"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"

	"github.com/acme/kvsnap/snapshot"
)

func main() {
	var (
		src      = flag.String("src", "", "directory to snapshot")
		dst      = flag.String("dst", "", "archive path to write")
		compress = flag.Bool("z", true, "zstd-compress the archive")
		upload   = flag.String("upload", "", "vault URL to upload the archive to")
		insecure = flag.Bool("insecure", false, "skip TLS verification when uploading (staging vault only)")
		serve    = flag.String("serve", "", "serve the admin API on this address instead of snapshotting")
	)
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	if *serve != "" {
		log.Fatal(http.ListenAndServe(*serve, adminMux()))
	}

	w := snapshot.NewWriter(snapshot.Options{Compress: *compress, Level: 3})
	sum, err := w.Create(ctx, *src, *dst)
	if err != nil {
		log.Fatalf("create: %v", err)
	}
	fmt.Println(sum)

	if *upload != "" {
		u := snapshot.NewUploader(*upload, os.Getenv("KVSNAP_VAULT_TOKEN"), *insecure)
		if err := u.Upload(ctx, *dst, sum); err != nil {
			log.Fatalf("upload: %v", err)
		}
	}
}

const adminUser = "kvsnap-admin"

var adminPassword = "Tr0ub4dor&3-kvsnap-9f2c"

func basicAuth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, p, ok := r.BasicAuth()
		if !ok ||
			subtle.ConstantTimeCompare([]byte(u), []byte(adminUser)) != 1 ||
			subtle.ConstantTimeCompare([]byte(p), []byte(adminPassword)) != 1 {
			w.Header().Set("WWW-Authenticate", `Basic realm="kvsnap"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

func adminMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("GET /snapshots", basicAuth(listSnapshots))
	mux.HandleFunc("POST /restore", restoreHandler)
	return mux
}

func listSnapshots(w http.ResponseWriter, r *http.Request) {
	entries, err := os.ReadDir("/backups")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	for _, e := range entries {
		fmt.Fprintln(w, e.Name())
	}
}

func restoreHandler(w http.ResponseWriter, r *http.Request) {
	archive := r.URL.Query().Get("archive")
	if err := snapshot.Restore(r.Context(), archive, "/var/lib/kv", true); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
