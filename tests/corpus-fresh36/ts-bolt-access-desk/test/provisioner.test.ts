import nock from "nock";
import { Provisioner, ProvisionerError } from "../src/provisioner";
import { testConfig } from "./helpers";

afterEach(() => nock.cleanAll());

describe("Provisioner", () => {
  it("posts the grant with the requested role", async () => {
    const scope = nock("https://provisioner.test")
      .post("/v1/grants", (body) => body.system === "grafana" && body.role === "viewer")
      .reply(201, { grantRef: "g-1", system: "grafana" });
    await new Provisioner(testConfig.provisioner).grantAccess("grafana", "a@example.com", "viewer", 8);
    scope.done();
  });

  it("treats an already removed grant as revoked", async () => {
    nock("https://provisioner.test").delete("/v1/grants/g-2").reply(404, { message: "not found" });
    await expect(new Provisioner(testConfig.provisioner).revokeAccess("g-2", "expired")).resolves.toBeUndefined();
  });

  it("wraps provisioner failures", async () => {
    nock("https://provisioner.test").post("/v1/grants").reply(503, { message: "maintenance" });
    await expect(
      new Provisioner(testConfig.provisioner).grantAccess("grafana", "a@example.com", "viewer", 8),
    ).rejects.toThrow(ProvisionerError);
  });
});
