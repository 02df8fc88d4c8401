import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { UserTable } from "../UserTable";
import { formatEntry } from "../AuditLog";

vi.mock("../../api/client", () => ({
  apiGet: vi.fn(() => Promise.resolve([{ id: "1", name: "Ada", email: "ada@example.com" }])),
  apiDelete: vi.fn(() => Promise.resolve()),
}));

describe("UserTable", () => {
  it("lists users of the org", async () => {
    render(<UserTable orgId="o1" pageSize={10} onSelect={() => {}} />);
    expect(await screen.findByText("Ada")).toBeInTheDocument();
  });

  it("renders without crashing", () => {
    render(<UserTable orgId="o1" pageSize={10} onSelect={() => {}} />);
  });

  it("calls onSelect when a row is clicked", async () => {
    const onSelect = vi.fn();
    render(<UserTable orgId="o1" pageSize={10} onSelect={onSelect} />);
    (await screen.findByText("Ada")).click();
    await waitFor(() => expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: "1" })));
  });
});

describe("formatEntry", () => {
  it("joins the fields", () => {
    expect(formatEntry({ id: "e", at: "t", actor: "a", action: "x" })).toMatchInlineSnapshot(`"t a x"`);
  });
});
