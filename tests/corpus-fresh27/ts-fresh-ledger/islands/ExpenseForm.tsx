import { useSignal } from "@preact/signals";

interface Props {
  currencies: string[];
}

export default function ExpenseForm({ currencies }: Props) {
  const submitting = useSignal(false);
  const error = useSignal<string | null>(null);

  async function onSubmit(ev: SubmitEvent) {
    ev.preventDefault();
    submitting.value = true;
    error.value = null;
    try {
      const res = await fetch("/api/expenses", {
        method: "POST",
        body: new FormData(ev.currentTarget as HTMLFormElement),
      });
      if (!res.ok) {
        const body = await res.json().catch(() => ({ error: res.statusText }));
        error.value = body.error ?? "Could not save expense";
        return;
      }
      (ev.currentTarget as HTMLFormElement).reset();
      globalThis.dispatchEvent(new CustomEvent("expense:created"));
    } finally {
      submitting.value = false;
    }
  }

  return (
    <form onSubmit={onSubmit} class="grid gap-2" encType="multipart/form-data">
      <input name="description" placeholder="What was it for?" class="border p-2" required />
      <div class="flex gap-2">
        <input name="amount" type="number" step="0.01" min="0" placeholder="0.00" class="border p-2 flex-1" />
        <select name="currency" class="border p-2">
          {currencies.map((c) => <option value={c}>{c}</option>)}
        </select>
      </div>
      <input name="receipt" type="file" accept="image/*,application/pdf" />
      {error.value && <p class="text-red-600 text-sm">{error.value}</p>}
      <button type="submit" disabled={submitting.value} class="bg-emerald-600 text-white rounded p-2">
        {submitting.value ? "Saving…" : "Add expense"}
      </button>
    </form>
  );
}
