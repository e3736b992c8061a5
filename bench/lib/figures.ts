/**
 * One line of the results table: the samples of ours and of the peer, the target, and what
 * follows from them (medians, ratio, met or missed). Ratios are always ours ÷ peer, so for
 * times "lower is better" and for rates "higher is better"; the target says which.
 */
import { median } from './stats.js';

/** A goal: on the ratio ours ÷ peer, or on our own figure. */
export interface Target {
  readonly on: 'ratio' | 'ours';
  readonly op: '<=' | '>=';
  readonly value: number;
}

/** A measured figure, as the steps produce it. */
export interface Figure {
  /** Stable key, e.g. `registry.push.wall`. */
  readonly id: string;
  /** What it is, for the table. */
  readonly label: string;
  /** `s`, `ms`, `MiB/s`, `MiB`, `req/s`, `CPU-s/GiB`, `µs`. */
  readonly unit: string;
  readonly ours: readonly number[];
  /** Empty when there is no peer figure. */
  readonly peer: readonly number[];
  /** What ours and the peer are, e.g. `container-package push` / `skopeo copy`. */
  readonly who?: { readonly ours: string; readonly peer: string };
  readonly target?: Target;
  /** What bounds the figure: written into the results when the target is missed. */
  readonly bound?: string;
}

/** A figure with its conclusions. */
export interface FigureResult extends Figure {
  readonly oursMedian: number;
  readonly peerMedian: number;
  /** ours ÷ peer (medians); NaN without a peer. */
  readonly ratio: number;
  /** undefined without a target (or without the numbers it needs). */
  readonly met: boolean | undefined;
}

/** Computes medians, ratio and whether the target is met. */
export function evaluate(figure: Figure): FigureResult {
  const oursMedian = median(figure.ours);
  const peerMedian = median(figure.peer);
  const ratio = oursMedian / peerMedian;
  let met: boolean | undefined;
  if (figure.target !== undefined) {
    const value = figure.target.on === 'ratio' ? ratio : oursMedian;
    if (Number.isFinite(value))
      met = figure.target.op === '<=' ? value <= figure.target.value : value >= figure.target.value;
  }
  return { ...figure, oursMedian, peerMedian, ratio, met };
}

/** `≤ 0.8× peer`, `≥ 10× peer`, `≤ 250 ms`. Empty without a target. */
export function targetText(figure: Figure): string {
  const t = figure.target;
  if (t === undefined) return '';
  const op = t.op === '<=' ? '≤' : '≥';
  return t.on === 'ratio' ? `${op} ${t.value}× peer` : `${op} ${formatValue(t.value, figure.unit)}`;
}

/**
 * A value with its unit, with a precision that suits its size: `1,234 req/s`, `6.41 s`,
 * `0.062 s`, `12.5 ms`; `—` for NaN.
 */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  return `${formatNumber(value)} ${unit}`;
}

/** A ratio: `0.53×`; `—` when undefined. */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${formatNumber(ratio)}×` : '—';
}

function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}
