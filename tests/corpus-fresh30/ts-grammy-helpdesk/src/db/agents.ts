import type { Kysely } from "kysely";
import type { Agent, Database } from "./schema.js";

export class AgentRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async active(tgId: number): Promise<Agent | undefined> {
    return this.db
      .selectFrom("agents")
      .selectAll()
      .where("tg_id", "=", tgId)
      .where("active", "=", true)
      .executeTakeFirst();
  }

  async list(): Promise<Agent[]> {
    return this.db.selectFrom("agents").selectAll().orderBy("display_name").execute();
  }

  async enroll(tgId: number, displayName: string): Promise<Agent> {
    return this.db
      .insertInto("agents")
      .values({ tg_id: tgId, display_name: displayName, role: "agent", active: true })
      .onConflict((oc) => oc.column("tg_id").doUpdateSet({ active: true, display_name: displayName }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async setRole(tgId: number, role: Agent["role"]): Promise<boolean> {
    const result = await this.db.updateTable("agents").set({ role }).where("tg_id", "=", tgId).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async deactivate(tgId: number): Promise<boolean> {
    const result = await this.db
      .updateTable("agents")
      .set({ active: false })
      .where("tg_id", "=", tgId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
