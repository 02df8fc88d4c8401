package traefik_gatekeeper

import "net/http"

func rewriteHeaders(req *http.Request, rule *Rule, identity map[string]string) {
	for _, h := range rule.RemoveHeaders {
		req.Header.Del(h)
	}
	for k, v := range rule.SetHeaders {
		req.Header.Set(k, v)
	}
	if id, ok := identity["key_id"]; ok {
		req.Header.Set("X-Auth-Key-Id", id)
	}
	req.Header.Set("X-Gatekeeper-Rule", rule.PathPrefix)
}
