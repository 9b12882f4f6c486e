// In-memory prompt registry following docs/api/prompts.md, for the fake server the SDK tests talk to.
import { createHash } from 'node:crypto';
import {
  canonicalPromptContent,
  createPromptContent,
  diffPrompt,
  KaizenError,
  type LabelEvent,
  type PromptContentInput,
  type PromptVersion,
} from '@kaizen/core';

interface Entry {
  readonly versions: PromptVersion[];
  readonly labels: Map<string, number>;
  readonly history: LabelEvent[];
}

/** Each method is one route; errors are KaizenErrors the server turns into `{error:{code,message}}`. */
export class FakePromptRegistry {
  readonly #prompts = new Map<string, Entry>();

  #entry(name: string): Entry {
    const entry = this.#prompts.get(name);
    if (entry === undefined) throw new KaizenError('not_found', `no prompt named "${name}"`);
    return entry;
  }

  #withLabels(name: string, version: PromptVersion): PromptVersion {
    const labels = [...this.#entry(name).labels].filter(([, at]) => at === version.version).map(([label]) => label);
    return { ...version, labels };
  }

  push(name: string, body: PromptContentInput & { message?: string; author?: string }) {
    const content = createPromptContent(body);
    const hash = createHash('sha256').update(canonicalPromptContent(content)).digest('hex');
    const entry: Entry = this.#prompts.get(name) ?? { versions: [], labels: new Map(), history: [] };
    this.#prompts.set(name, entry);
    const same = entry.versions.find((version) => version.hash === hash);
    if (same !== undefined) return { status: 200, body: { version: same.version, created: false } };
    const version = entry.versions.length + 1;
    const createdAt = new Date().toISOString();
    const { message = null, author = null } = body;
    entry.versions.push({ ...content, name, version, hash, message, author, createdAt, labels: [] });
    return { status: 201, body: { version, created: true } };
  }

  list() {
    const items = [...this.#prompts].map(([name, entry]) => ({
      name,
      latestVersion: entry.versions.length,
      labels: Object.fromEntries(entry.labels),
      updatedAt: entry.versions.at(-1)?.createdAt ?? '',
    }));
    return { items };
  }

  get(name: string) {
    const entry = this.#entry(name);
    const versions = entry.versions.map(({ version, hash, message, author, createdAt }) => ({
      ...{ version, hash, message, author, createdAt },
      labels: this.#withLabels(name, entry.versions[version - 1] as PromptVersion).labels,
    }));
    return { name, labels: Object.fromEntries(entry.labels), versions };
  }

  version(name: string, version: number): PromptVersion {
    const found = this.#entry(name).versions[version - 1];
    if (found === undefined) throw new KaizenError('not_found', `"${name}" has no version ${version}`);
    return this.#withLabels(name, found);
  }

  byLabel(name: string, label: string): PromptVersion {
    const at = this.#entry(name).labels.get(label);
    if (at === undefined) throw new KaizenError('not_found', `"${name}" has no version labelled "${label}"`);
    return this.version(name, at);
  }

  diff(name: string, from: number, to: number) {
    return { from, to, ...diffPrompt(this.version(name, from), this.version(name, to)) };
  }

  setLabel(name: string, label: string, version: number, actor: string | null): LabelEvent {
    this.version(name, version);
    const entry = this.#entry(name);
    const event = {
      name,
      label,
      fromVersion: entry.labels.get(label) ?? null,
      toVersion: version,
      actor,
      at: new Date().toISOString(),
    };
    entry.labels.set(label, version);
    entry.history.unshift(event);
    return event;
  }

  rollback(name: string, label: string, actor: string | null): LabelEvent {
    const last = this.#entry(name).history.find((event) => event.label === label);
    if (last?.fromVersion == null) throw new KaizenError('conflict', `"${label}" has no earlier version to go back to`);
    return this.setLabel(name, label, last.fromVersion, actor);
  }

  history(name: string, label: string | null) {
    return { items: this.#entry(name).history.filter((event) => label === null || event.label === label) };
  }
}
