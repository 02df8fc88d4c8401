import { InlineKeyboard } from "grammy";
import type { MyContext, MyConversation } from "../context.js";
import { TicketRepo } from "../db/tickets.js";

const CATEGORIES: Record<string, string> = {
  billing: "Billing",
  access: "Login & access",
  bug: "Something is broken",
  other: "Something else",
};

function categoryKeyboard(): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const [key, label] of Object.entries(CATEGORIES)) kb.text(label, `cat:${key}`).row();
  return kb;
}

export async function newTicket(conversation: MyConversation, ctx: MyContext): Promise<void> {
  await ctx.reply("What is your request about?", { reply_markup: categoryKeyboard() });
  const choice = await conversation.waitForCallbackQuery(/^cat:(\w+)$/, {
    otherwise: (c) => c.reply("Please pick one of the buttons above."),
  });
  const category = choice.match[1] ?? "other";
  await choice.answerCallbackQuery();

  await ctx.reply("Give it a short title.");
  const title = await conversation.waitFor("message:text");
  const subject = title.message.text.slice(0, 120);

  await ctx.reply("Now describe the problem in one message.");
  const details = await conversation.waitFor("message:text");

  const from = details.from;
  const requesterName = [from.first_name, from.last_name].filter(Boolean).join(" ");

  const deskTicket = await conversation.external(() =>
    ctx.deps.desk.createTicket({
      subject,
      description: details.message.text,
      category,
      requesterName,
      requesterExternalId: `tg:${from.id}`,
    }),
  );

  const ticket = await conversation.external(() =>
    new TicketRepo(ctx.deps.db).create(
      {
        desk_id: deskTicket.id,
        requester_tg_id: from.id,
        requester_name: requesterName,
        subject,
        category,
        status: "open",
        assignee_tg_id: null,
      },
      from.id,
    ),
  );

  conversation.session.activeTicketId = ticket.id;
  await ctx.reply(`Ticket #${ticket.id} is open. Anything you write here is added to it.`);

  await ctx.api
    .sendMessage(ctx.deps.config.agentChatId, `🆕 #${ticket.id} [${CATEGORIES[category]}] ${subject}`, {
      reply_markup: new InlineKeyboard().text("Take", `ticket:take:${ticket.id}`),
    })
    .catch(() => {});
}
