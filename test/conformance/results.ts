/**
 * The result tree of a conformance run (`results.go`): one node per named step, each with a
 * status, the errors of its checks, the HTTP exchanges it made, and counts that roll up to the
 * root. The counts are what the suite reports: a step that runs two checks (an API call and its
 * "atomic" follow-up) counts twice.
 */

/** Result status, ordered: a node's status only ever rises (`status.Set`). */
export const Status = {
  Unknown: 0,
  Disabled: 1,
  Skip: 2,
  Pass: 3,
  Fail: 4,
  Error: 5,
} as const;

/** One of {@link Status}. */
export type Status = (typeof Status)[keyof typeof Status];

/** Statuses that are counted (all but Unknown), in report order. */
export const COUNTED_STATUSES: readonly Status[] = [
  Status.Disabled,
  Status.Skip,
  Status.Pass,
  Status.Fail,
  Status.Error,
];

/** The suite's name for each status (`status.String`). */
export function statusName(status: Status): string {
  return ['Unknown', 'Disabled', 'Skip', 'Pass', 'FAIL', 'Error'][status] ?? 'Unknown';
}

/** `status.Set`: the higher of the two. */
export function raise(current: Status, next: Status): Status {
  return next > current ? next : current;
}

/** One node of the tree. */
export class Results {
  /** Full name: the parent's name, `/`, this step's name (the root has no prefix). */
  readonly name: string;
  readonly parent: Results | undefined;
  readonly children: Results[] = [];
  status: Status = Status.Unknown;
  readonly errs: Error[] = [];
  /** The errors of this node's own checks that failed or errored (not skipped ones). */
  readonly failures: { status: Status; error: Error }[] = [];
  /** The HTTP exchanges of this step, as text (see `api-log.ts`). */
  output = '';
  readonly start = new Date();
  stop = new Date();
  /** Counts by status, this node and its descendants. */
  readonly counts: number[] = [0, 0, 0, 0, 0, 0];

  constructor(name: string, parent?: Results) {
    this.name = parent !== undefined && parent.name !== '' ? `${parent.name}/${name}` : name;
    this.parent = parent;
  }

  /** Appends text to {@link output}. */
  write(text: string): void {
    this.output += text;
  }

  /** Total of the counted statuses. */
  get total(): number {
    return COUNTED_STATUSES.reduce<number>((sum, s) => sum + (this.counts[s] ?? 0), 0);
  }

  /** The leaves (the suite's JUnit test cases), depth first. */
  leaves(): Results[] {
    return this.children.length === 0 ? [this] : this.children.flatMap((child) => child.leaves());
  }

  /** The indented tree with each leaf's errors (`ReportWalkErr`). */
  walk(prefix = ''): string {
    let text = `${prefix}${this.name}: ${statusName(this.status)}\n`;
    if (this.children.length === 0) {
      for (const err of this.errs) text += `${prefix} - ${err.message}\n`;
    }
    for (const child of this.children) text += child.walk(`${prefix}  `);
    return text;
  }
}
