// Parses `nvidia-smi --query-gpu=… --format=csv[,noheader][,nounits]` output into one reading per GPU.

/** The fields the collector asks for, in this order. */
export const GPU_QUERY_FIELDS = [
  'index',
  'uuid',
  'name',
  'utilization.gpu',
  'utilization.memory',
  'memory.used',
  'memory.total',
  'power.draw',
  'temperature.gpu',
] as const;

/** One GPU's reading; a value the GPU does not report (`[N/A]`, `[Not Supported]`, a field not asked) is null. */
export interface GpuReading {
  /** nvidia-smi's index, as text (the label value). */
  readonly index: string;
  readonly uuid: string | null;
  readonly name: string;
  /** 0 to 1. */
  readonly utilization: number | null;
  /** Share of time the memory controller was busy, 0 to 1. */
  readonly memoryUtilization: number | null;
  readonly memoryUsedBytes: number | null;
  readonly memoryTotalBytes: number | null;
  readonly powerWatts: number | null;
  readonly temperatureCelsius: number | null;
}

export type ParseGpuResult =
  | { readonly ok: true; readonly gpus: readonly GpuReading[] }
  | { readonly ok: false; readonly reason: string };

const MIB = 1024 * 1024;

/** `[N/A]`, `[Not Supported]`, `[Unknown Error]`, `[Insufficient Permissions]`, a bare `N/A`: no value. */
function isMissing(value: string): boolean {
  return value === '' || value === 'N/A' || (value.startsWith('[') && value.endsWith(']'));
}

/** The number at the start of a value, units (`143771 MiB`, `0 %`, `126.51 W`) ignored. */
function numberOf(value: string | undefined): number | null {
  if (value === undefined || isMissing(value)) return null;
  const match = /^-?\d+(?:\.\d+)?/.exec(value);
  return match === null ? null : Number(match[0]);
}

function textOf(value: string | undefined): string | null {
  return value === undefined || isMissing(value) ? null : value;
}

/** Percent to a ratio; divided, so 41 % reads 0.41 exactly. */
function ratioOf(value: string | undefined): number | null {
  const percent = numberOf(value);
  return percent === null ? null : percent / 100;
}

function mebibytesOf(value: string | undefined): number | null {
  const mebibytes = numberOf(value);
  return mebibytes === null ? null : mebibytes * MIB;
}

/** A header cell without its unit: `memory.used [MiB]` → `memory.used`. */
function fieldOfHeader(cell: string): string {
  return cell.replace(/\s*\[[^\]]*\]\s*$/, '').trim();
}

function splitLine(line: string): string[] {
  // nvidia-smi writes no quotes, and names and UUIDs hold no commas.
  return line.split(',').map((cell) => cell.trim());
}

/**
 * One reading per GPU line. `fields` names the columns of `noheader` output; without it the first line is the
 * header (`--format=csv`), and units in values (`MiB`, `W`, `%`) are read past. Memory is MiB in both forms.
 *
 * @example
 * parseNvidiaSmiCsv('0, GPU-…, NVIDIA H200, 0, 0, 0, 143771, 126.53, 34\n', GPU_QUERY_FIELDS);
 * // { ok: true, gpus: [{ index: '0', name: 'NVIDIA H200', memoryTotalBytes: 150754820096, powerWatts: 126.53, … }] }
 */
export function parseNvidiaSmiCsv(output: string, fields?: readonly string[]): ParseGpuResult {
  const lines = output.split(/\r?\n/).filter((line) => line.trim() !== '');
  let columns: readonly string[];
  if (fields === undefined) {
    const header = lines.shift();
    if (header === undefined) return { ok: false, reason: 'no header line' };
    columns = splitLine(header).map(fieldOfHeader);
  } else {
    columns = fields;
  }
  const indexColumn = columns.indexOf('index');
  const nameColumn = columns.indexOf('name');
  if (indexColumn < 0 || nameColumn < 0) return { ok: false, reason: 'the query must include index and name' };
  const gpus: GpuReading[] = [];
  for (const line of lines) {
    const cells = splitLine(line);
    if (cells.length !== columns.length) {
      return {
        ok: false,
        reason: `expected ${columns.length} comma-separated values, got ${cells.length}: "${line.slice(0, 200)}"`,
      };
    }
    const cell = (field: string): string | undefined => {
      const column = columns.indexOf(field);
      return column < 0 ? undefined : cells[column];
    };
    const index = textOf(cell('index'));
    if (index === null) return { ok: false, reason: `no GPU index in "${line.slice(0, 200)}"` };
    gpus.push({
      index,
      uuid: textOf(cell('uuid')),
      name: textOf(cell('name')) ?? '',
      utilization: ratioOf(cell('utilization.gpu')),
      memoryUtilization: ratioOf(cell('utilization.memory')),
      memoryUsedBytes: mebibytesOf(cell('memory.used')),
      memoryTotalBytes: mebibytesOf(cell('memory.total')),
      powerWatts: numberOf(cell('power.draw')),
      temperatureCelsius: numberOf(cell('temperature.gpu')),
    });
  }
  return { ok: true, gpus };
}
