package fleet

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
)

// TelematicsClient pulls trip summaries from the partner API.
type TelematicsClient struct {
	baseURL string
	apiKey  string
	http    *http.Client
}

func NewTelematicsClient(baseURL, apiKey string) *TelematicsClient {
	return &TelematicsClient{
		baseURL: baseURL,
		apiKey:  apiKey,
		http: &http.Client{
			Timeout: 20 * time.Second,
			Transport: &http.Transport{
				TLSClientConfig: &tls.Config{
					MinVersion:         tls.VersionTLS12,
					InsecureSkipVerify: true,
				},
				MaxIdleConnsPerHost: 4,
			},
		},
	}
}

type TripSummary struct {
	VehicleID  string    `json:"vehicle_id"`
	DistanceKM float64   `json:"distance_km"`
	EndedAt    time.Time `json:"ended_at"`
}

func (c *TelematicsClient) Trips(vehicleID string, since time.Time) ([]TripSummary, error) {
	req, err := http.NewRequest(http.MethodGet,
		fmt.Sprintf("%s/vehicles/%s/trips?since=%s", c.baseURL, vehicleID, since.UTC().Format(time.RFC3339)), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "ApiKey "+c.apiKey)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("telematics: unexpected status %d", resp.StatusCode)
	}
	var out []TripSummary
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

type telematicsEvent struct {
	Type       string `json:"type"`
	VehicleID  string `json:"vehicle_id"`
	OdometerKM int    `json:"odometer_km"`
}

// NewTelematicsWebhook accepts odometer pushes from the partner, signed with a shared secret.
func NewTelematicsWebhook(svc Service, secret []byte, logger log.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, "unreadable body", http.StatusBadRequest)
			return
		}
		sig, err := hex.DecodeString(r.Header.Get("X-Telematics-Signature"))
		if err != nil {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		mac := hmac.New(sha256.New, secret)
		mac.Write(body)
		if !hmac.Equal(mac.Sum(nil), sig) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		var ev telematicsEvent
		if err := json.Unmarshal(body, &ev); err != nil {
			http.Error(w, "bad payload", http.StatusBadRequest)
			return
		}
		if ev.Type == "odometer" {
			if err := svc.RecordOdometer(r.Context(), ev.VehicleID, ev.OdometerKM); err != nil {
				level.Error(logger).Log("msg", "odometer push failed", "vehicle", ev.VehicleID, "err", err)
				http.Error(w, "could not record odometer", http.StatusServiceUnavailable)
				return
			}
		}
		w.WriteHeader(http.StatusAccepted)
	})
}
