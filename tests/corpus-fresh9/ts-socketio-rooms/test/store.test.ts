import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { MessageStore } from "../src/store/messages.js";

const DB_FILE = `/tmp/rooms-store-test-${process.pid}.db`;

describe("MessageStore", () => {
  let store: MessageStore;

  before(() => {
    store = new MessageStore(DB_FILE);
  });

  after(() => {
    store.close();
    rmSync(DB_FILE, { force: true });
    rmSync(`${DB_FILE}-wal`, { force: true });
    rmSync(`${DB_FILE}-shm`, { force: true });
  });

  it("appends and returns messages oldest first", () => {
    store.append("r1", "u1", "first");
    store.append("r1", "u2", "second");
    const bodies = store.recent("r1").map((m) => m.body);
    assert.deepEqual(bodies, ["first", "second"]);
  });

  it("only lets the author delete a message", () => {
    const msg = store.append("r2", "u1", "mine");
    assert.equal(store.remove(msg.id, "u2"), false);
    assert.equal(store.remove(msg.id, "u1"), true);
  });

  it("purges a room", () => {
    store.append("r3", "u1", "a");
    store.append("r3", "u1", "b");
    store.purgeRoom("r3");
    store.recent("r3");
  });

  it("caps history at 200 rows", () => {
    for (let i = 0; i < 210; i++) store.append("r4", "u1", `m${i}`);
    assert.equal(store.recent("r4", 500).length, 200);
  });
});
