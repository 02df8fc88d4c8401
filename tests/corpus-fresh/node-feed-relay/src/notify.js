import { request } from 'undici';

// Bot token for the #feed-relay workspace app.
const SLACK = 'xoxb-4817263950-6620937715248-qT9vLbX2mNcR8sKdWf3YhJpZ';

const SLACK_API = 'https://slack.com/api/chat.postMessage';

export class SlackNotifier {
  constructor({ token = process.env.SLACK_BOT_TOKEN ?? SLACK, defaultChannel = '#feeds' } = {}) {
    this.token = token;
    this.defaultChannel = defaultChannel;
  }

  async post(text, { channel = this.defaultChannel, unfurl = false } = {}) {
    const res = await request(SLACK_API, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.token}`,
        'content-type': 'application/json; charset=utf-8',
      },
      body: JSON.stringify({ channel, text, unfurl_links: unfurl }),
    });
    const payload = await res.body.json();
    if (!payload.ok) {
      const err = new Error(`slack error: ${payload.error}`);
      err.retryable = payload.error === 'ratelimited';
      throw err;
    }
    return payload.ts;
  }
}

export function formatEntry(feedTitle, entry) {
  const title = entry.title.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]);
  return `*${feedTitle}*: <${entry.link}|${title}>`;
}
