// Mailpit's REST API (no browser needed): search messages, read one.
import { MAIL_TIMEOUT_MS, MAILPIT_API_URL } from '../lib/config.mjs';

export class Mailpit {
  constructor(baseUrl = MAILPIT_API_URL) {
    this.baseUrl = baseUrl;
  }

  async #get(path) {
    const res = await fetch(`${this.baseUrl}${path}`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`Mailpit GET ${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  }

  /** `GET /api/v1/search?query=...` -> { messages: [{ ID, Subject, To: [{ Address }] }], messages_count } */
  search(query) {
    return this.#get(`/api/v1/search?query=${encodeURIComponent(query)}`);
  }

  /** `GET /api/v1/message/<ID>` -> { Subject, To, Text, HTML, ... } */
  message(id) {
    return this.#get(`/api/v1/message/${encodeURIComponent(id)}`);
  }

  /**
   * Polls until exactly one message to `to` has `subject` in its subject (the email is sent
   * asynchronously through Kafka), then returns it in full.
   */
  async waitForMessage({ to, subject, timeout = MAIL_TIMEOUT_MS, interval = 1_000 }) {
    const query = `to:"${to}" subject:"${subject}"`;
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const found = await this.search(query);
        const matching = (found.messages ?? []).filter(
          (m) => m.Subject.includes(subject) && (m.To ?? []).some((a) => a.Address.toLowerCase() === to.toLowerCase()),
        );
        if (matching.length > 1) {
          throw new Error(`${matching.length} messages match ${query}: ${matching.map((m) => m.Subject).join(' | ')}`);
        }
        if (matching.length === 1) return this.message(matching[0].ID);
        last = `${found.messages_count ?? 0} messages for ${query}`;
      } catch (e) {
        if (/messages match/.test(e.message)) throw e;
        last = e.message;
      }
      if (Date.now() >= deadline) throw new Error(`no email within ${timeout} ms for ${query} (last: ${last})`);
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}
