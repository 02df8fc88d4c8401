package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/acme-observability/terraform-provider-beacon/internal/client"
)

var (
	_ resource.Resource                = &monitorResource{}
	_ resource.ResourceWithConfigure   = &monitorResource{}
	_ resource.ResourceWithImportState = &monitorResource{}
)

func NewMonitorResource() resource.Resource { return &monitorResource{} }

type monitorResource struct {
	data *providerData
}

type monitorModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	Type               types.String `tfsdk:"type"`
	Target             types.String `tfsdk:"target"`
	IntervalSeconds    types.Int64  `tfsdk:"interval_seconds"`
	Regions            types.List   `tfsdk:"regions"`
	TeamID             types.String `tfsdk:"team_id"`
	ContactIDs         types.List   `tfsdk:"contact_ids"`
	WaitForActive      types.Bool   `tfsdk:"wait_for_active"`
	WaitTimeoutSeconds types.Int64  `tfsdk:"wait_timeout_seconds"`
	Status             types.String `tfsdk:"status"`
}

func (r *monitorResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_monitor"
}

func (r *monitorResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An HTTP, TCP or ICMP uptime monitor.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name":             schema.StringAttribute{Required: true},
			"type":             schema.StringAttribute{Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"target":           schema.StringAttribute{Required: true},
			"interval_seconds": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(60)},
			"regions":          schema.ListAttribute{Required: true, ElementType: types.StringType},
			"team_id": schema.StringAttribute{
				Optional:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"contact_ids":          schema.ListAttribute{Optional: true, ElementType: types.StringType},
			"wait_for_active":      schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false)},
			"wait_timeout_seconds": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(300)},
			"status":               schema.StringAttribute{Computed: true},
		},
	}
}

func (r *monitorResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	data, ok := req.ProviderData.(*providerData)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data", fmt.Sprintf("expected *providerData, got %T", req.ProviderData))
		return
	}
	r.data = data
}

func stringList(ctx context.Context, list types.List, diags *diag.Diagnostics) []string {
	if list.IsNull() || list.IsUnknown() {
		return nil
	}
	var out []string
	diags.Append(list.ElementsAs(ctx, &out, false)...)
	return out
}

func (m *monitorModel) toAPI(ctx context.Context, diags *diag.Diagnostics) client.Monitor {
	return client.Monitor{
		ID:              m.ID.ValueString(),
		Name:            m.Name.ValueString(),
		Type:            m.Type.ValueString(),
		Target:          m.Target.ValueString(),
		IntervalSeconds: m.IntervalSeconds.ValueInt64(),
		Regions:         stringList(ctx, m.Regions, diags),
	}
}

func (m *monitorModel) fromAPI(ctx context.Context, api *client.Monitor, diags *diag.Diagnostics) {
	m.ID = types.StringValue(api.ID)
	m.Name = types.StringValue(api.Name)
	m.Type = types.StringValue(api.Type)
	m.Target = types.StringValue(api.Target)
	m.IntervalSeconds = types.Int64Value(api.IntervalSeconds)
	m.Status = types.StringValue(api.Status)
	regions, d := types.ListValueFrom(ctx, types.StringType, api.Regions)
	diags.Append(d...)
	m.Regions = regions
	if api.TeamID != "" && !m.TeamID.IsNull() {
		m.TeamID = types.StringValue(api.TeamID)
	}
}

func (r *monitorResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan monitorModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}

	teamID := firstNonEmpty(plan.TeamID.ValueString(), r.data.teamID)
	created, err := r.data.client.CreateMonitor(ctx, plan.toAPI(ctx, &resp.Diagnostics), teamID)
	if err != nil {
		resp.Diagnostics.AddError("Error creating monitor", err.Error())
		return
	}
	if ids := stringList(ctx, plan.ContactIDs, &resp.Diagnostics); len(ids) > 0 {
		_ = r.data.client.AttachContacts(ctx, created.ID, ids)
	}
	if plan.WaitForActive.ValueBool() {
		timeout := time.Duration(plan.WaitTimeoutSeconds.ValueInt64()) * time.Second
		if created, err = r.data.client.WaitForMonitorActive(ctx, created.ID, timeout); err != nil {
			resp.Diagnostics.AddError("Monitor did not become active", err.Error())
			return
		}
	}
	plan.fromAPI(ctx, created, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *monitorResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state monitorModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	m, err := r.data.client.GetMonitor(ctx, state.ID.ValueString())
	if errors.Is(err, client.ErrNotFound) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Error reading monitor", err.Error())
		return
	}
	state.fromAPI(ctx, m, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *monitorResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan monitorModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	updated, err := r.data.client.UpdateMonitor(ctx, plan.toAPI(ctx, &resp.Diagnostics))
	if err != nil {
		resp.Diagnostics.AddError("Error updating monitor", err.Error())
		return
	}
	ids := stringList(ctx, plan.ContactIDs, &resp.Diagnostics)
	if err := r.data.client.AttachContacts(ctx, updated.ID, ids); err != nil {
		resp.Diagnostics.AddError("Error attaching contacts", err.Error())
		return
	}
	plan.fromAPI(ctx, updated, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *monitorResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state monitorModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	err := r.data.client.DeleteMonitor(ctx, state.ID.ValueString())
	if err != nil && !errors.Is(err, client.ErrNotFound) {
		resp.Diagnostics.AddError("Error deleting monitor", err.Error())
	}
}

func (r *monitorResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
