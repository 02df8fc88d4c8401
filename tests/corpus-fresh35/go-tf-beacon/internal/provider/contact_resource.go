package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/acme-observability/terraform-provider-beacon/internal/client"
)

var (
	_ resource.Resource                = &contactResource{}
	_ resource.ResourceWithConfigure   = &contactResource{}
	_ resource.ResourceWithImportState = &contactResource{}
)

func NewContactResource() resource.Resource { return &contactResource{} }

type contactResource struct {
	data *providerData
}

type contactModel struct {
	ID                   types.String `tfsdk:"id"`
	Name                 types.String `tfsdk:"name"`
	Kind                 types.String `tfsdk:"kind"`
	Address              types.String `tfsdk:"address"`
	SigningSecretVersion types.Int64  `tfsdk:"signing_secret_version"`
}

func (r *contactResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_alert_contact"
}

func (r *contactResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Where alerts go: an e-mail address, an SMS number or a signed webhook.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name":    schema.StringAttribute{Required: true},
			"kind":    schema.StringAttribute{Required: true, PlanModifiers: replace},
			"address": schema.StringAttribute{Required: true, PlanModifiers: replace},
			"signing_secret_version": schema.Int64Attribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "For webhooks: increase to rotate the signing secret.",
			},
		},
	}
}

func (r *contactResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
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

func (m *contactModel) fromAPI(c *client.Contact) {
	m.ID = types.StringValue(c.ID)
	m.Name = types.StringValue(c.Name)
	m.Kind = types.StringValue(c.Kind)
	m.Address = types.StringValue(c.Address)
	m.SigningSecretVersion = types.Int64Value(c.SigningSecretVersion)
}

func (r *contactResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan contactModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := r.data.client.CreateContact(ctx, client.Contact{
		Name:    plan.Name.ValueString(),
		Kind:    plan.Kind.ValueString(),
		Address: plan.Address.ValueString(),
	})
	if err != nil {
		resp.Diagnostics.AddError("Error creating alert contact", err.Error())
		return
	}
	plan.fromAPI(created)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *contactResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state contactModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, err := r.data.client.GetContact(ctx, state.ID.ValueString())
	if errors.Is(err, client.ErrNotFound) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Error reading alert contact", err.Error())
		return
	}
	state.fromAPI(c)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *contactResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state contactModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if !plan.Name.Equal(state.Name) {
		if err := r.data.client.RenameContact(ctx, id, plan.Name.ValueString()); err != nil {
			resp.Diagnostics.AddError("Error renaming alert contact", err.Error())
			return
		}
	}
	if !plan.SigningSecretVersion.IsUnknown() && plan.SigningSecretVersion.ValueInt64() != state.SigningSecretVersion.ValueInt64() {
		version, err := r.data.client.RotateContactSecret(ctx, id)
		if err != nil {
			resp.Diagnostics.AddError("Error rotating signing secret", err.Error())
			return
		}
		plan.SigningSecretVersion = types.Int64Value(version)
	}
	plan.ID = state.ID
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *contactResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state contactModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.data.client.DeleteContact(ctx, state.ID.ValueString()); err != nil && !errors.Is(err, client.ErrNotFound) {
		resp.Diagnostics.AddError("Error deleting alert contact", err.Error())
	}
}

func (r *contactResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resp.Diagnostics.AddError("Import not implemented", "beacon_alert_contact cannot be imported yet; recreate it instead.")
}
