import { model } from "@medusajs/framework/utils";

export const Vendor = model.define("vendor", {
  id: model.id({ prefix: "ven" }).primaryKey(),
  handle: model.text().unique(),
  name: model.text().searchable(),
  logo: model.text().nullable(),
  commission_bps: model.number().default(1200),
  payrail_account_id: model.text().nullable(),
  admins: model.hasMany(() => VendorAdmin),
  payouts: model.hasMany(() => Payout),
  sales: model.hasMany(() => VendorSale),
});

export const VendorAdmin = model.define("vendor_admin", {
  id: model.id({ prefix: "vadm" }).primaryKey(),
  first_name: model.text().nullable(),
  last_name: model.text().nullable(),
  email: model.text().unique(),
  vendor: model.belongsTo(() => Vendor, { mappedBy: "admins" }),
});

export const Payout = model.define("payout", {
  id: model.id({ prefix: "pout" }).primaryKey(),
  amount: model.bigNumber(),
  currency_code: model.text(),
  status: model.enum(["pending", "sent", "paid", "failed"]).default("pending"),
  transfer_id: model.text().nullable(),
  period_end: model.dateTime(),
  vendor: model.belongsTo(() => Vendor, { mappedBy: "payouts" }),
  sales: model.hasMany(() => VendorSale),
});

export const VendorSale = model.define("vendor_sale", {
  id: model.id({ prefix: "vsale" }).primaryKey(),
  order_id: model.text().index(),
  line_item_id: model.text().unique(),
  amount: model.bigNumber(),
  commission: model.bigNumber(),
  currency_code: model.text(),
  vendor: model.belongsTo(() => Vendor, { mappedBy: "sales" }),
  payout: model.belongsTo(() => Payout, { mappedBy: "sales" }).nullable(),
});
