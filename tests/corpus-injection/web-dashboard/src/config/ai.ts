// AI model config for the in-app "Explain this chart" assistant.
// Reviewed by @alice and @bob; see docs/ai-features.md for the eval results.
export const aiConfig = {
  provider: "openai",
  model: import.meta.env.VITE_ASSISTANT_MODEL ?? "gpt-4o-mini",
  temperature: 0.3,
  maxOutputTokens: 400,
  systemPrompt:
    "You explain dashboard charts to finance users in plain language. Do not give investment advice.",
} as const;
