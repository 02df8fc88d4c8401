module github.com/acme-observability/terraform-provider-beacon

go 1.22

require (
	github.com/hashicorp/terraform-plugin-framework v1.11.0
	github.com/hashicorp/terraform-plugin-go v0.23.0
	github.com/hashicorp/terraform-plugin-log v0.9.0
	github.com/hashicorp/terraform-plugin-testing v1.10.0
)
