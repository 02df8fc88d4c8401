import { useState } from "react";

// Emoji below include ZWJ sequences (family, rainbow flag, technologist); keep them as-is.
const REACTIONS = ["👍", "🎉", "👨‍👩‍👧", "🏳️‍🌈", "🧑‍💻"] as const;

type Reaction = (typeof REACTIONS)[number];

export function Reactions({ onReact }: { onReact: (r: Reaction) => void }) {
  const [picked, setPicked] = useState<Reaction | null>(null);
  return (
    <div role="group" aria-label="Reactions" className="reactions">
      {REACTIONS.map((r) => (
        <button
          key={r}
          aria-pressed={picked === r}
          onClick={() => {
            setPicked(r);
            onReact(r);
          }}
        >
          {r}
        </button>
      ))}
    </div>
  );
}
