package cmd

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/acme/backupctl/internal/uploader"
)

var agentCmd = &cobra.Command{
	Use:   "agent",
	Short: "Run the local agent that the backup server calls to trigger jobs",
	RunE: func(cmd *cobra.Command, _ []string) error {
		addr, _ := cmd.Flags().GetString("listen")
		srv := &http.Server{Addr: addr, Handler: agentMux(os.Getenv("BACKUPCTL_AGENT_TOKEN")), ReadHeaderTimeout: 5 * time.Second}
		log.Printf("agent listening on %s", addr)
		return srv.ListenAndServe()
	},
}

func init() {
	agentCmd.Flags().String("listen", "127.0.0.1:7310", "listen address")
	rootCmd.AddCommand(agentCmd)
}

// withToken requires the shared agent token in the X-Agent-Token header.
func withToken(token string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		given := r.Header.Get("X-Agent-Token")
		if token == "" || subtle.ConstantTimeCompare([]byte(given), []byte(token)) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// requireSigned checks the server's HMAC over the request path before destructive operations.
func requireSigned(token string, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !validPathSignature(token, r.URL.Path, r.Header.Get("X-Signature")) {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next(w, r)
	}
}

func agentMux(token string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.Handle("POST /jobs/backup", withToken(token, http.HandlerFunc(triggerBackup)))
	mux.HandleFunc("DELETE /snapshots/{id}", deleteSnapshot)
	return mux
}

func triggerBackup(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Paths []string `json:"paths"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	up := uploader.New(viper.GetString("server"), uploader.Options{
		AccessKey:          viper.GetString("access_key"),
		SecretKey:          viper.GetString("secret_key"),
		InsecureSkipVerify: viper.GetBool("insecure_skip_verify"),
	})
	go func() {
		id, err := runBackup(context.Background(), up, req.Paths, nil, "agent")
		if err != nil {
			log.Printf("agent-triggered backup failed: %v", err)
			return
		}
		log.Printf("agent-triggered backup %s committed", id)
	}()
	w.WriteHeader(http.StatusAccepted)
}

func deleteSnapshot(w http.ResponseWriter, r *http.Request) {
	if err := os.RemoveAll("/var/lib/backupctl/snapshots/" + r.PathValue("id")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
