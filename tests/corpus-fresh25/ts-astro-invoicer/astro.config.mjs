import { defineConfig } from "astro/config";
import node from "@astrojs/node";

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  output: "server",
  adapter: node({ mode: "standalone" }),
  server: {
    host: true,
    port: Number(process.env.PORT ?? 4321),
  },
  vite: {
    ssr: {
      external: ["@node-rs/argon2"],
    },
  },
});
