import { defineConfig } from "$fresh/server.ts";

export default defineConfig({
  port: Number(Deno.env.get("PORT") ?? 8000),
});
