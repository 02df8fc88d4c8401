package provider

import (
	"fmt"
	"os"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"beacon": providerserver.NewProtocol6WithError(New("test")()),
}

func testAccPreCheck(t *testing.T) {
	for _, name := range []string{envEndpoint, envToken, envTeam} {
		if os.Getenv(name) == "" {
			t.Fatalf("%s must be set for acceptance tests", name)
		}
	}
}

func monitorConfig(name, interval string) string {
	return fmt.Sprintf(`
resource "beacon_monitor" "test" {
  name             = %q
  type             = "http"
  target           = "https://status.acme-observability.test/healthz"
  interval_seconds = %s
  regions          = ["eu-west", "us-east"]
}
`, name, interval)
}

func TestAccMonitorResource(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: monitorConfig("acc-api", "60"),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("beacon_monitor.test", "name", "acc-api"),
					resource.TestCheckResourceAttr("beacon_monitor.test", "regions.#", "2"),
					resource.TestCheckResourceAttrSet("beacon_monitor.test", "id"),
				),
			},
			{
				ResourceName:            "beacon_monitor.test",
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"wait_for_active", "wait_timeout_seconds"},
			},
			{
				Config: monitorConfig("acc-api-renamed", "120"),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("beacon_monitor.test", "name", "acc-api-renamed"),
					resource.TestCheckResourceAttr("beacon_monitor.test", "interval_seconds", "120"),
				),
			},
		},
	})
}

func TestAccMonitorResource_invalidTarget(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
resource "beacon_monitor" "bad" {
  name    = "acc-bad"
  type    = "http"
  target  = "not a url"
  regions = ["eu-west"]
}
`,
				ExpectError: regexp.MustCompile(`Error creating monitor`),
			},
		},
	})
}

func TestAccTeamDataSource(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `data "beacon_team" "sre" { name = "sre" }`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrSet("data.beacon_team.sre", "id"),
					resource.TestCheckResourceAttr("data.beacon_team.sre", "name", "sre"),
				),
			},
		},
	})
}
