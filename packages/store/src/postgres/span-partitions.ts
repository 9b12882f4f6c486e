// The daily partitions of `spans` in Postgres: created ahead of time and for the days an insert touches, dropped by
// retention. Best effort by design: a day without its partition lands in the default partition, never refused.
import type { SqlExecutor } from '../sql/sql-executor.js';
import { DAY_MICROS, dayOfMillis, dayOfPartition, partitionName } from './span-partition-days.js';

/** Days created ahead of today (and one behind) by `prepare()`, at start and from the periodic maintenance. */
const DAYS_AHEAD = 2;
/** How far back an insert still creates its day's partition; older late arrivals stay in the default partition. */
const LATE_DAYS = 7;
/**
 * Attaching takes a brief exclusive lock on the default partition (to check it holds no row of the new day) and
 * dropping one on `spans`; rather than queue every reader behind a long wait, give up and try again later.
 */
const LOCK_TIMEOUT = '2s';

export interface SpanPartitions {
  /** Creates the partitions of the days these start times (µs) fall on, where missing and near today. */
  ensureFor(startTimes: Iterable<number>): Promise<void>;
  /** Creates the partitions from yesterday to DAYS_AHEAD days ahead where missing; resolves with how many. */
  prepare(): Promise<number>;
  /** Drops every daily partition that ends at or before `cutoffMicros`; resolves with how many and their rows. */
  dropBefore(cutoffMicros: number): Promise<{ readonly partitions: number; readonly spans: number }>;
}

const LIST_PARTITIONS =
  "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'spans'::regclass";

export function createSpanPartitions(sql: SqlExecutor, now: () => number = Date.now): SpanPartitions {
  /** Days that have a partition, or whose creation failed: an insert never waits on them again. */
  const settled = new Set<number>();
  const pending = new Map<number, Promise<boolean>>();
  let loaded: Promise<void> | null = null;

  async function existingDays(): Promise<number[]> {
    const rows = await sql.query<{ name: string }>(LIST_PARTITIONS);
    return rows.map((row) => dayOfPartition(row.name)).filter((day): day is number => day !== null);
  }

  function load(): Promise<void> {
    loaded ??= existingDays().then(
      (days) => {
        for (const day of days) settled.add(day);
      },
      () => {
        // Read again on the next insert (the database may be back by then).
        loaded = null;
      },
    );
    return loaded;
  }

  /** True when the day's partition exists afterwards (made here or by another process). */
  function create(day: number): Promise<boolean> {
    let creation = pending.get(day);
    if (creation === undefined) {
      creation = attach(day)
        .then((outcome) => {
          // A database that was away is asked again by the next insert; any other failure is final for this process.
          if (outcome !== 'retry') settled.add(day);
          return outcome === 'exists';
        })
        .finally(() => pending.delete(day));
      pending.set(day, creation);
    }
    return creation;
  }

  async function attach(day: number): Promise<'exists' | 'failed' | 'retry'> {
    const name = partitionName(day);
    try {
      // A new table attached, rather than CREATE TABLE … PARTITION OF: ATTACH takes only a SHARE UPDATE EXCLUSIVE
      // lock on `spans`, so inserts and reads of other days go on meanwhile.
      await sql.transaction(async (transaction) => {
        await transaction.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
        await transaction.query(`CREATE TABLE ${name} (LIKE spans INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
        await transaction.query(
          `ALTER TABLE spans ATTACH PARTITION ${name} FOR VALUES FROM (${day * DAY_MICROS}) TO (${(day + 1) * DAY_MICROS})`,
        );
      });
      return 'exists';
    } catch (error) {
      // The default partition already holds rows of that day (they stay there), another process made it first, a
      // lock wait timed out or the database is away: the insert goes on either way.
      if (sql.classify(error) === 'unavailable') return 'retry';
      const days = await existingDays().catch((): number[] | null => null);
      if (days === null) return 'retry';
      return days.includes(day) ? 'exists' : 'failed';
    }
  }

  return {
    async ensureFor(startTimes) {
      await load();
      const today = dayOfMillis(now());
      let missing: Set<number> | null = null;
      for (const micros of startTimes) {
        const day = Math.floor(micros / DAY_MICROS);
        if (settled.has(day) || day < today - LATE_DAYS || day > today + DAYS_AHEAD) continue;
        missing ??= new Set<number>();
        missing.add(day);
      }
      if (missing !== null) await Promise.all([...missing].map(create));
    },

    async prepare() {
      const existing = new Set(await existingDays());
      for (const day of existing) settled.add(day);
      const today = dayOfMillis(now());
      let created = 0;
      for (let day = today - 1; day <= today + DAYS_AHEAD; day += 1) {
        if (!existing.has(day) && (await create(day))) created += 1;
      }
      return created;
    },

    async dropBefore(cutoffMicros) {
      let partitions = 0;
      let spans = 0;
      for (const day of (await existingDays()).sort((a, b) => a - b)) {
        if ((day + 1) * DAY_MICROS > cutoffMicros) continue;
        const name = partitionName(day);
        const [counted] = await sql.transaction(async (transaction) => {
          await transaction.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
          const rows = await transaction.query<{ n: number }>(`SELECT count(*) AS n FROM ${name}`);
          await transaction.query(`DROP TABLE ${name}`);
          return rows;
        });
        partitions += 1;
        spans += counted?.n ?? 0;
      }
      return { partitions, spans };
    },
  };
}
