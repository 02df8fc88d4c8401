package main

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/Kong/go-pdk"
)

// keyRecord is what the admin service's lookup endpoint returns for a key prefix.
type keyRecord struct {
	ConsumerID string `json:"consumer_id"`
	Hash       string `json:"hash"`
	Status     string `json:"status"`
}

type cachedKey struct {
	rec     keyRecord
	fetched time.Time
}

const (
	keyCacheTTL      = 30 * time.Second
	keyCacheMaxStale = 5 * time.Minute
)

var (
	keyCacheMu sync.Mutex
	keyCache   = map[string]cachedKey{}
)

func hashKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

func fetchKey(conf Config, prefix string) (keyRecord, error) {
	req, err := http.NewRequest(http.MethodGet, conf.KeystoreURL+"/v1/keys/lookup/"+url.PathEscape(prefix), nil)
	if err != nil {
		return keyRecord{}, err
	}
	req.Header.Set("Authorization", "Bearer "+conf.KeystoreToken)
	resp, err := keystoreClient().Do(req)
	if err != nil {
		return keyRecord{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return keyRecord{}, nil
	}
	if resp.StatusCode != http.StatusOK {
		return keyRecord{}, fmt.Errorf("keystore answered %d", resp.StatusCode)
	}
	var rec keyRecord
	err = json.NewDecoder(resp.Body).Decode(&rec)
	return rec, err
}

// lookupKey returns the record for prefix, refreshing it every keyCacheTTL. While the
// keystore is unreachable a cached record is used for at most keyCacheMaxStale, so a
// short admin-service outage does not take every API down.
func lookupKey(kong *pdk.PDK, conf Config, prefix string) (keyRecord, bool) {
	keyCacheMu.Lock()
	cached, hit := keyCache[prefix]
	keyCacheMu.Unlock()
	if hit && time.Since(cached.fetched) < keyCacheTTL {
		return cached.rec, true
	}
	rec, err := fetchKey(conf, prefix)
	if err != nil {
		if hit && time.Since(cached.fetched) < keyCacheMaxStale {
			kong.Log.Warn("gatekeeper: keystore unavailable, using cached key record: ", err.Error())
			return cached.rec, true
		}
		kong.Log.Err("gatekeeper: keystore unavailable: ", err.Error())
		return keyRecord{}, false
	}
	keyCacheMu.Lock()
	keyCache[prefix] = cachedKey{rec: rec, fetched: time.Now()}
	keyCacheMu.Unlock()
	return rec, true
}

func (conf Config) checkAPIKey(kong *pdk.PDK) (string, bool) {
	presented, err := kong.Request.GetHeader(conf.KeyHeader)
	if err != nil || len(presented) < 16 {
		deny(kong, 401, "missing or malformed API key")
		return "", false
	}
	rec, ok := lookupKey(kong, conf, presented[:11])
	if !ok {
		deny(kong, 503, "key store unavailable")
		return "", false
	}
	if rec.Status != "active" {
		deny(kong, 401, "invalid API key")
		return "", false
	}
	if subtle.ConstantTimeCompare([]byte(hashKey(presented)), []byte(rec.Hash)) != 1 {
		deny(kong, 401, "invalid API key")
		return "", false
	}
	return rec.ConsumerID, true
}
