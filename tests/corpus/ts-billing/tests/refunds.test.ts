import { describe, expect, it } from "vitest";
import { listRefunds, processRefund } from "../src/payments/refunds";
import { refunds } from "../src/store";

function expectRefundRecorded(chargeId: string, amount: number) {
  const found = refunds.find((r) => r.chargeId === chargeId);
  expect(found?.amount).toBe(amount);
}

describe("refunds", () => {
  it("records a successful refund", async () => {
    await processRefund("ch_1", 500);
    expectRefundRecorded("ch_1", 500);
  });

  it("rejects a negative amount", async () => {
    await expect(processRefund("ch_2", -1)).rejects.toThrow(RangeError);
  });

  it("lists a customer's refunds newest first", async () => {
    await processRefund("ch_3", 100);
    await processRefund("ch_4", 200);
    await listRefunds("cus_1", { limit: 10 });
  });
});
