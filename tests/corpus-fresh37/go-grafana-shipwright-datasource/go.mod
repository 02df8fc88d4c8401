module github.com/acme/shipwright-datasource

go 1.22

require github.com/grafana/grafana-plugin-sdk-go v0.260.1
