import { expect } from "chai";
import https from "https";
import { AddressInfo } from "net";

import { PartnerClient } from "../src/clients/partner";

describe("PartnerClient", () => {
  it("surfaces non-200 responses as errors", async () => {
    const srv = https.createServer((_req, res) => {
      res.statusCode = 503;
      res.end();
    });
    await new Promise<void>((resolve) => srv.listen(0, resolve));
    const { port } = srv.address() as AddressInfo;
    const client = new PartnerClient({ baseUrl: `https://127.0.0.1:${port}` });
    try {
      await client.fetchBalance("acc_1");
      expect.fail("expected fetchBalance to throw");
    } catch (err) {
      expect((err as Error).message).to.match(/failed/);
    } finally {
      await client.close();
      srv.close();
    }
  });

  it("builds with a test-only insecure agent", () => {
    const agent = new https.Agent({ rejectUnauthorized: false });
    expect(agent.options.rejectUnauthorized).to.equal(false);
  });
});
