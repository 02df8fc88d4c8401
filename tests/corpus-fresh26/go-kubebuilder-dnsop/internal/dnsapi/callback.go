package dnsapi

import (
	"encoding/json"
	"io"
	"net/http"
)

type changeNotification struct {
	Zone string `json:"zone"`
	Name string `json:"name"`
}

// CallbackHandler receives CloudZone change notifications (for example edits made in
// the CloudZone console) and asks the operator to resync the affected record.
func CallbackHandler(c *Client, resync func(zone, name string)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
		if err != nil {
			http.Error(w, "could not read body", http.StatusBadRequest)
			return
		}
		if !c.VerifyCallback(body, r.Header.Get("X-CloudZone-Signature")) {
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		var n changeNotification
		if err := json.Unmarshal(body, &n); err != nil || n.Zone == "" {
			http.Error(w, "invalid notification", http.StatusBadRequest)
			return
		}
		resync(n.Zone, n.Name)
		w.WriteHeader(http.StatusNoContent)
	})
}
